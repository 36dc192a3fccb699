package org.cinema.billing.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.cinema.billing.error.BillingException;
import org.cinema.billing.platform.TestClock;
import org.cinema.billing.web.dto.TestClockRequest;
import org.cinema.billing.web.dto.TestClockResponse;
import org.cinema.common.error.ErrorCode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/admin/test-clock}: reads and moves the server's clock, when it runs with {@code
 * BILLING_TEST_CLOCK=true} (404 otherwise). Administrators only.
 */
@Path("v1/admin/test-clock")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@Tag(name = "admin", description = "Billing data for administrators (role admin)")
public class TestClockResource {

  @Inject private TestClock clock;

  @Inject private RequestBodies bodies;

  @GET
  @Operation(summary = "The test clock's time")
  @APIResponseSchema(
      value = TestClockResponse.class,
      responseCode = "200",
      responseDescription = "now: the server's time")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "NotAdmin")
  @APIResponse(
      responseCode = "404",
      description = "The server runs without a test clock",
      content = @Content(schema = @Schema(ref = "Error")))
  public TestClockResponse now() {
    return new TestClockResponse(clock.now());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Move the test clock on (advance: P31D) or set it (now: an instant)")
  @APIResponseSchema(
      value = TestClockResponse.class,
      responseCode = "200",
      responseDescription = "now: the server's time after the move")
  @APIResponse(
      responseCode = "400",
      description = "Neither or both of advance and now, or one that is not ISO-8601",
      content = @Content(schema = @Schema(ref = "Error")))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "NotAdmin")
  @APIResponse(
      responseCode = "404",
      description = "The server runs without a test clock",
      content = @Content(schema = @Schema(ref = "Error")))
  public TestClockResponse move(TestClockRequest body) {
    clock.now(); // 404 before anything else when there is no test clock
    TestClockRequest request = bodies.valid(body);
    if ((request.getAdvance() == null) == (request.getNow() == null)) {
      throw new BillingException(
          ErrorCode.INVALID_INPUT, "Give one of advance (e.g. P31D) and now (an ISO instant)");
    }
    if (request.getAdvance() != null) {
      return new TestClockResponse(clock.advance(request.getAdvance()));
    }
    try {
      return new TestClockResponse(clock.moveTo(Instant.parse(request.getNow())));
    } catch (DateTimeParseException e) {
      throw new BillingException(
          ErrorCode.INVALID_INPUT, "now: an ISO instant, e.g. 2027-01-31T09:00:00Z");
    }
  }
}
