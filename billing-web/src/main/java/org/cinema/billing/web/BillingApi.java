package org.cinema.billing.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * All viewer endpoints live under {@code /api}, as in the original service. Bearer tokens are RS256
 * JWTs that MicroProfile JWT verifies; {@code groups} carries the roles. The error responses many
 * operations share are named here once and referenced by name ({@code @APIResponse(ref = ...)}).
 */
@ApplicationScoped
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT", realmName = "cinema")
@DeclareRoles({Roles.USER, Roles.ADMIN})
@OpenAPIDefinition(
    info =
        @Info(
            title = "Cinema billing API",
            version = "1",
            description =
                "Accounts, products, subscriptions, payments and access checks of the online"
                    + " cinema. Every error is a JSON object with the fields error (a code) and message."),
    components =
        @Components(
            responses = {
              @APIResponse(
                  name = "Unauthorized",
                  description = "No valid token",
                  content = @Content(schema = @Schema(ref = "Error"))),
              @APIResponse(
                  name = "NotAdmin",
                  description = "The token lacks the role admin",
                  content = @Content(schema = @Schema(ref = "Error"))),
              @APIResponse(
                  name = "BadListQuery",
                  description = "A bad filter, page or size",
                  content = @Content(schema = @Schema(ref = "Error"))),
              @APIResponse(
                  name = "IdempotencyKeyReused",
                  description = "This Idempotency-Key was used with another request",
                  content = @Content(schema = @Schema(ref = "Error"))),
              @APIResponse(
                  name = "RefundNotConfirmed",
                  description =
                      "The provider did not confirm the refund: PROVIDER_UNAVAILABLE (no answer in"
                          + " time, or still processing: the refund stays pending and is confirmed"
                          + " later; asking again refunds once) or REFUND_REFUSED (nothing was"
                          + " refunded)",
                  content = @Content(schema = @Schema(ref = "Error"))),
              @APIResponse(
                  name = "NoSuchPayment",
                  description = "No such payment",
                  content = @Content(schema = @Schema(ref = "Error"))),
              @APIResponse(
                  name = "BadPage",
                  description = "A bad page or size",
                  content = @Content(schema = @Schema(ref = "Error")))
            }))
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class BillingApi extends Application {

  /** A Location header stays the path it was set to, never resolved against the Host header. */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.headers.location.relative.resolution.disabled", true);
  }
}
