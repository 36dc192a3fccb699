package org.cinema.billing.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.Set;
import org.cinema.billing.error.BillingException;
import org.cinema.billing.notification.NotificationDispatcher;
import org.cinema.billing.notification.NotificationLedger;
import org.cinema.billing.web.dto.NotificationResponse;
import org.cinema.billing.web.dto.PageResponse;
import org.cinema.common.error.ErrorCode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/admin/notifications}: every delivery of every event (to viewers, the operations
 * chat and webhook endpoints), and sending a failed one again. Administrators only.
 */
@Path("v1/admin/notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@Tag(name = "admin", description = "Billing data for administrators (role admin)")
public class NotificationsResource {

  static final Set<String> STATUSES = Set.of("PENDING", "SENT", "FAILED", "DEAD");

  @Inject private NotificationLedger notifications;

  @Inject private NotificationDispatcher dispatcher;

  @GET
  @Operation(
      summary = "Notifications, newest first",
      description =
          "Filtered by account_id and status (PENDING, SENT, FAILED: tried again later, DEAD:"
              + " parked after its last attempt). Event payloads: docs/events.md.")
  @APIResponse(
      responseCode = "200",
      description = "A page of notifications (items: NotificationResponse)",
      content = @Content(schema = @Schema(implementation = PageResponse.class)))
  @APIResponse(responseCode = "400", ref = "BadListQuery")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "NotAdmin")
  public PageResponse<NotificationResponse> list(
      @QueryParam("account_id") String accountId,
      @QueryParam("status") String status,
      @QueryParam("page") @DefaultValue("1") String page,
      @QueryParam("size") @DefaultValue("50") String size) {
    Optional<String> wanted = Params.present(status);
    if (wanted.isPresent() && !STATUSES.contains(wanted.get())) {
      throw new BillingException(
          ErrorCode.INVALID_INPUT, "status: one of PENDING, SENT, FAILED, DEAD");
    }
    return PageResponse.of(
        notifications.list(
            Params.optionalUuid("account_id", accountId),
            wanted,
            Optional.empty(),
            Params.page("page", page),
            Params.size(size)),
        NotificationResponse::of);
  }

  @POST
  @Path("{notification_id}/retry")
  @Operation(
      summary = "Send a failed notification again",
      description = "A DEAD (or FAILED) one goes out again now, with a fresh set of attempts.")
  @APIResponse(
      responseCode = "200",
      description = "It is PENDING again",
      content = @Content(schema = @Schema(implementation = NotificationResponse.class)))
  @APIResponse(
      responseCode = "404",
      description = "NOTIFICATION_NOT_FOUND",
      content = @Content(schema = @Schema(ref = "Error")))
  @APIResponse(
      responseCode = "409",
      description = "NOTIFICATION_NOT_RETRYABLE: it was sent, or is waiting for its first try",
      content = @Content(schema = @Schema(ref = "Error")))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "NotAdmin")
  public NotificationResponse retry(
      @PathParam("notification_id")
          @Pattern(regexp = Params.UUID_PATTERN, message = Params.UUID_MESSAGE)
          String notificationId) {
    NotificationResponse again =
        NotificationResponse.of(notifications.retry(Params.uuid(notificationId)));
    dispatcher.dispatchSoon();
    return again;
  }
}
