package org.cinema.billing.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
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
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.cinema.billing.error.BillingException;
import org.cinema.billing.platform.Page;
import org.cinema.billing.subscription.RenewalRunView;
import org.cinema.billing.subscription.RenewalRuns;
import org.cinema.billing.subscription.SubscriptionQueries;
import org.cinema.billing.subscription.SubscriptionRenewer;
import org.cinema.billing.web.dto.PageResponse;
import org.cinema.billing.web.dto.RenewalRunResponse;
import org.cinema.billing.web.dto.UpcomingRenewalsResponse;
import org.cinema.common.error.ErrorCode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/admin/renewals}: start a renewal pass now, watch the passes, and see what is due
 * in the next days. Administrators only.
 */
@Path("v1/admin/renewals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@Tag(name = "admin", description = "Billing data for administrators (role admin)")
public class RenewalsResource {

  @Inject private SubscriptionRenewer renewer;

  @Inject private RenewalRuns runs;

  @Inject private SubscriptionQueries subscriptions;

  @Inject private Clock clock;

  @Context private HttpServletRequest request;

  @POST
  @Path("runs")
  @Operation(
      summary = "Start a renewal pass now",
      description =
          "Ends what is due to end and renews until nothing is due, in the background: 202 with"
              + " the run, whose counts GET runs/{id} shows as it goes.")
  @APIResponse(
      responseCode = "202",
      description = "Started",
      content = @Content(schema = @Schema(implementation = RenewalRunResponse.class)))
  @APIResponse(
      responseCode = "409",
      description = "RUN_IN_PROGRESS: a pass is running on this instance",
      content = @Content(schema = @Schema(ref = "Error")))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "NotAdmin")
  public Response start() {
    UUID id =
        renewer
            .startNow()
            .orElseThrow(
                () ->
                    new BillingException(
                        ErrorCode.RUN_IN_PROGRESS,
                        "A renewal pass is running on this instance; watch GET runs"));
    RenewalRunView run = runs.find(id).orElseThrow();
    return Response.accepted(RenewalRunResponse.of(run, clock.instant()))
        // A path, not an absolute URI: JAX-RS would build one from the request's Host header.
        .header(
            "Location",
            request.getContextPath() + request.getServletPath() + "/v1/admin/renewals/runs/" + id)
        .build();
  }

  @GET
  @Path("runs")
  @Operation(
      summary = "Renewal passes, newest first",
      description =
          "Passes that did something or that an administrator started, with their counts:"
              + " renewed, failed (declined), past_due (newly), expired, canceled (out of"
              + " retries), awaiting (page handed to a viewer with no card), errors.")
  @APIResponse(
      responseCode = "200",
      description = "A page of runs (items: RenewalRunResponse)",
      content = @Content(schema = @Schema(implementation = PageResponse.class)))
  @APIResponse(responseCode = "400", ref = "BadListQuery")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "NotAdmin")
  public PageResponse<RenewalRunResponse> list(
      @QueryParam("page") @DefaultValue("1") String page,
      @QueryParam("size") @DefaultValue("50") String size) {
    int number = Params.page("page", page);
    int perPage = Params.size(size);
    List<RenewalRunView> items = runs.latest(perPage, Page.offset(number, perPage));
    var now = clock.instant();
    return PageResponse.of(
        new Page<>(items, runs.count(), number, perPage), run -> RenewalRunResponse.of(run, now));
  }

  @GET
  @Path("runs/{run_id}")
  @Operation(summary = "One renewal pass")
  @APIResponse(
      responseCode = "200",
      description = "The run",
      content = @Content(schema = @Schema(implementation = RenewalRunResponse.class)))
  @APIResponse(
      responseCode = "404",
      description = "RUN_NOT_FOUND",
      content = @Content(schema = @Schema(ref = "Error")))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "NotAdmin")
  public RenewalRunResponse one(
      @PathParam("run_id") @Pattern(regexp = Params.UUID_PATTERN, message = Params.UUID_MESSAGE)
          String runId) {
    return runs.find(Params.uuid(runId))
        .map(run -> RenewalRunResponse.of(run, clock.instant()))
        .orElseThrow(
            () -> new BillingException(ErrorCode.RUN_NOT_FOUND, "No renewal run " + runId));
  }

  @GET
  @Path("upcoming")
  @Operation(
      summary = "Renewals due in the next days",
      description =
          "Per UTC day and currency: how many renewals are due (renewing subscriptions at their"
              + " period's end, past-due ones at their next retry) and their amount; `days` 1-366,"
              + " default 7. Days before today hold what is overdue.")
  @APIResponse(
      responseCode = "200",
      description = "The days",
      content = @Content(schema = @Schema(implementation = UpcomingRenewalsResponse.class)))
  @APIResponse(responseCode = "400", ref = "BadListQuery")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "NotAdmin")
  public UpcomingRenewalsResponse upcoming(@QueryParam("days") @DefaultValue("7") String days) {
    int span = Params.page("days", days);
    if (span > 366) {
      throw new BillingException(ErrorCode.INVALID_INPUT, "days: a whole number from 1 to 366");
    }
    return UpcomingRenewalsResponse.of(subscriptions.upcoming(clock.instant(), span));
  }
}
