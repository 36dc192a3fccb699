package org.cinema.billing.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.cinema.billing.error.BillingException;
import org.cinema.billing.notification.NotificationLedger;
import org.cinema.billing.notification.WebhookEndpoints;
import org.cinema.billing.web.dto.CreatedWebhookEndpointResponse;
import org.cinema.billing.web.dto.NotificationResponse;
import org.cinema.billing.web.dto.PageResponse;
import org.cinema.billing.web.dto.WebhookEndpointRequest;
import org.cinema.billing.web.dto.WebhookEndpointResponse;
import org.cinema.common.error.ErrorCode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/admin/webhook-endpoints}: the cinema's systems told of billing events by signed
 * webhooks (docs/webhooks.md), and what was delivered to each. Administrators only.
 */
@Path("v1/admin/webhook-endpoints")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@Tag(name = "admin", description = "Billing data for administrators (role admin)")
public class WebhookEndpointsResource {

  private static final String ID = "endpoint_id";

  @Inject private WebhookEndpoints endpoints;

  @Inject private NotificationLedger notifications;

  @Inject private RequestBodies bodies;

  @Context private HttpServletRequest request;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Register a webhook endpoint",
      description =
          "Events from now on that the endpoint wants are POSTed to its url, signed with the"
              + " secret in this answer (shown only here) in the header Billing-Signature. The url"
              + " must be absolute http or https (at most 2048 characters, no user name or"
              + " password) and, unless WEBHOOK_ALLOW_PRIVATE_TARGETS=true, resolve to public"
              + " addresses only: not loopback, private, link-local, CGNAT, multicast or"
              + " unspecified. events: [\"*\"], or names as payment.succeeded.")
  @APIResponse(
      responseCode = "201",
      description = "Registered and enabled; Location names it",
      content = @Content(schema = @Schema(implementation = CreatedWebhookEndpointResponse.class)))
  @APIResponse(
      responseCode = "400",
      description = "INVALID_INPUT: a bad url (and why), unknown events, a body that is not this",
      content = @Content(schema = @Schema(ref = "Error")))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "NotAdmin")
  public Response register(WebhookEndpointRequest body) {
    WebhookEndpointRequest wanted = bodies.valid(body);
    WebhookEndpoints.Registered registered =
        endpoints.register(wanted.getUrl(), wanted.getEvents(), wanted.getDescription());
    return Response.status(Response.Status.CREATED)
        .entity(CreatedWebhookEndpointResponse.of(registered))
        // A path, not an absolute URI: JAX-RS would build one from the request's Host header.
        .header(
            "Location",
            request.getContextPath()
                + request.getServletPath()
                + "/v1/admin/webhook-endpoints/"
                + registered.endpoint().id())
        .build();
  }

  @GET
  @Operation(summary = "Webhook endpoints, newest first (deleted ones are not listed)")
  @APIResponse(
      responseCode = "200",
      description = "A page of endpoints (items: WebhookEndpointResponse), without secrets",
      content = @Content(schema = @Schema(implementation = PageResponse.class)))
  @APIResponse(responseCode = "400", ref = "BadPage")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "NotAdmin")
  public PageResponse<WebhookEndpointResponse> list(
      @QueryParam("page") @DefaultValue("1") String page,
      @QueryParam("size") @DefaultValue("50") String size) {
    return PageResponse.of(
        endpoints.list(Params.page("page", page), Params.size(size)), WebhookEndpointResponse::of);
  }

  @GET
  @Path("{endpoint_id}")
  @Operation(summary = "One webhook endpoint, without its secret")
  @APIResponse(
      responseCode = "200",
      description = "The endpoint",
      content = @Content(schema = @Schema(implementation = WebhookEndpointResponse.class)))
  @APIResponse(responseCode = "400", ref = "BadPage")
  @APIResponse(
      responseCode = "404",
      description = "WEBHOOK_ENDPOINT_NOT_FOUND (also once deleted)",
      content = @Content(schema = @Schema(ref = "Error")))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "NotAdmin")
  public WebhookEndpointResponse one(
      @PathParam(ID) @Pattern(regexp = Params.UUID_PATTERN, message = Params.UUID_MESSAGE)
          String endpointId) {
    return WebhookEndpointResponse.of(endpoints.get(Params.uuid(endpointId)));
  }

  @POST
  @Path("{endpoint_id}/disable")
  @Operation(
      summary = "Stop sending to a webhook endpoint",
      description =
          "Nothing more is queued for it, and what was queued is parked: DEAD with last_error"
              + " \"endpoint disabled\" (send one again with POST /admin/notifications/{id}/retry"
              + " after enabling it). Disabling a disabled endpoint changes nothing.")
  @APIResponse(
      responseCode = "200",
      description = "The endpoint, enabled false",
      content = @Content(schema = @Schema(implementation = WebhookEndpointResponse.class)))
  @APIResponse(responseCode = "400", ref = "BadPage")
  @APIResponse(
      responseCode = "404",
      description = "WEBHOOK_ENDPOINT_NOT_FOUND (also once deleted)",
      content = @Content(schema = @Schema(ref = "Error")))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "NotAdmin")
  public WebhookEndpointResponse disable(
      @PathParam(ID) @Pattern(regexp = Params.UUID_PATTERN, message = Params.UUID_MESSAGE)
          String endpointId) {
    return WebhookEndpointResponse.of(endpoints.disable(Params.uuid(endpointId)));
  }

  @POST
  @Path("{endpoint_id}/enable")
  @Operation(
      summary = "Send to a webhook endpoint again",
      description = "Events from now on; what was parked by disabling stays parked.")
  @APIResponse(
      responseCode = "200",
      description = "The endpoint, enabled true",
      content = @Content(schema = @Schema(implementation = WebhookEndpointResponse.class)))
  @APIResponse(responseCode = "400", ref = "BadPage")
  @APIResponse(
      responseCode = "404",
      description = "WEBHOOK_ENDPOINT_NOT_FOUND (also once deleted)",
      content = @Content(schema = @Schema(ref = "Error")))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "NotAdmin")
  public WebhookEndpointResponse enable(
      @PathParam(ID) @Pattern(regexp = Params.UUID_PATTERN, message = Params.UUID_MESSAGE)
          String endpointId) {
    return WebhookEndpointResponse.of(endpoints.enable(Params.uuid(endpointId)));
  }

  @DELETE
  @Path("{endpoint_id}")
  @Operation(
      summary = "Delete a webhook endpoint",
      description =
          "For good: it leaves the list, answers 404 from now on, and what was queued for it is"
              + " parked (DEAD, last_error \"endpoint deleted\").")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "400", ref = "BadPage")
  @APIResponse(
      responseCode = "404",
      description = "WEBHOOK_ENDPOINT_NOT_FOUND (also when deleted already)",
      content = @Content(schema = @Schema(ref = "Error")))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "NotAdmin")
  public Response delete(
      @PathParam(ID) @Pattern(regexp = Params.UUID_PATTERN, message = Params.UUID_MESSAGE)
          String endpointId) {
    endpoints.delete(Params.uuid(endpointId));
    return Response.noContent().build();
  }

  @GET
  @Path("{endpoint_id}/deliveries")
  @Operation(
      summary = "What was sent to a webhook endpoint, newest first",
      description =
          "Its deliveries, by status: PENDING, SENT, FAILED (tried again at next_attempt_at) or"
              + " DEAD (parked after the last attempt, or by disabling or deleting the endpoint);"
              + " with attempts, subject (POST url → status) and last_error.")
  @APIResponse(
      responseCode = "200",
      description = "A page of deliveries (items: NotificationResponse)",
      content = @Content(schema = @Schema(implementation = PageResponse.class)))
  @APIResponse(responseCode = "400", ref = "BadListQuery")
  @APIResponse(
      responseCode = "404",
      description = "WEBHOOK_ENDPOINT_NOT_FOUND (also once deleted)",
      content = @Content(schema = @Schema(ref = "Error")))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "NotAdmin")
  public PageResponse<NotificationResponse> deliveries(
      @PathParam(ID) @Pattern(regexp = Params.UUID_PATTERN, message = Params.UUID_MESSAGE)
          String endpointId,
      @QueryParam("status") String status,
      @QueryParam("page") @DefaultValue("1") String page,
      @QueryParam("size") @DefaultValue("50") String size) {
    Optional<String> wanted = Params.present(status);
    if (wanted.isPresent() && !NotificationsResource.STATUSES.contains(wanted.get())) {
      throw new BillingException(
          ErrorCode.INVALID_INPUT, "status: one of PENDING, SENT, FAILED, DEAD");
    }
    int number = Params.page("page", page);
    int perPage = Params.size(size);
    var endpoint = endpoints.get(Params.uuid(endpointId));
    return PageResponse.of(
        notifications.list(Optional.empty(), wanted, Optional.of(endpoint.id()), number, perPage),
        NotificationResponse::of);
  }
}
