package org.cinema.billing.web;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.cinema.billing.account.AccountService;
import org.cinema.billing.account.NewAccount;
import org.cinema.billing.account.TokenIssuer;
import org.cinema.billing.account.ViewerLanguage;
import org.cinema.billing.entitlement.EntitlementService;
import org.cinema.billing.web.dto.LoginRequest;
import org.cinema.billing.web.dto.RegisterRequest;
import org.cinema.billing.web.dto.RightsResponse;
import org.cinema.billing.web.dto.TokenResponse;
import org.cinema.billing.web.idempotency.IdempotencyFilter;
import org.cinema.billing.web.idempotency.Idempotent;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The original "content" endpoints: accounts and the access check. One instance serves every
 * request: check-rights is the hot path, and a resource built per request cost it an EJB reference
 * lookup each time.
 */
@Path("v1/content")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "content", description = "Accounts and access to movies")
public class ContentResource {

  @Inject private AccountService accounts;

  @Inject private EntitlementService entitlements;

  @Inject private Caller caller;

  @Inject private RequestBodies bodies;

  @Inject private HttpServletRequest servletRequest;

  @POST
  @Path("register")
  @PermitAll
  @Idempotent
  @Operation(summary = "Register a viewer and get an access token")
  @APIResponseSchema(
      value = TokenResponse.class,
      responseCode = "200",
      responseDescription = "Registered; the token is in access_token")
  @APIResponse(
      responseCode = "400",
      description = "Invalid fields, or the login is taken",
      content = @Content(schema = @Schema(ref = "Error")))
  @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
  public TokenResponse register(
      RegisterRequest body,
      @HeaderParam(IdempotencyFilter.HEADER)
          @Parameter(
              description = Idempotent.KEY_DESCRIPTION,
              schema = @Schema(type = SchemaType.STRING, maxLength = 255))
          String idempotencyKey,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE)
          @Parameter(
              description =
                  "The viewer's language when the body names none: ru when Russian is the first"
                      + " choice, else en")
          String acceptLanguage) {
    RegisterRequest request = bodies.valid(body);
    return token(
        accounts.register(
            new NewAccount(
                request.getLogin(),
                request.getPassword(),
                request.getEmail(),
                request.getFullname(),
                request.getPhone(),
                ViewerLanguage.pick(request.getLanguage(), acceptLanguage))));
  }

  @POST
  @Path("login")
  @PermitAll
  @Operation(summary = "Log in and get an access token")
  @APIResponseSchema(
      value = TokenResponse.class,
      responseCode = "200",
      responseDescription = "The token is in access_token")
  @APIResponse(
      responseCode = "400",
      description = "No body, or fields missing",
      content = @Content(schema = @Schema(ref = "Error")))
  @APIResponse(
      responseCode = "401",
      description = "Wrong login or password",
      content = @Content(schema = @Schema(ref = "Error")))
  @APIResponse(
      responseCode = "429",
      description =
          "Too many failed logins for this login or from this address: try again after"
              + " Retry-After seconds",
      content = @Content(schema = @Schema(ref = "Error")))
  public TokenResponse login(LoginRequest body) {
    LoginRequest request = bodies.valid(body);
    return token(
        accounts.login(request.getLogin(), request.getPassword(), servletRequest.getRemoteAddr()));
  }

  /**
   * The hot path, called on every "play". The role is checked in {@link Caller#viewerId()} and the
   * movie id in {@link Params#uuid(String, String)}, not by annotations: Payara's role filter and
   * the two Bean Validation passes a constrained parameter gets (Jersey's and the CDI
   * interceptor's) together cost about a third of ping's whole request in a profile
   * (docs/benchmarks.md).
   */
  @POST
  @Path("check-rights/{movie_id}")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "May the caller watch this movie now?")
  @APIResponseSchema(
      value = RightsResponse.class,
      responseCode = "200",
      responseDescription = "allow: whether the caller may watch it now")
  @APIResponse(
      responseCode = "400",
      description = "movie_id is not a UUID",
      content = @Content(schema = @Schema(ref = "Error")))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(
      responseCode = "403",
      description = "The token lacks the viewer role",
      content = @Content(schema = @Schema(ref = "Error")))
  @APIResponse(
      responseCode = "404",
      description = "No such movie",
      content = @Content(schema = @Schema(ref = "Error")))
  public RightsResponse checkRights(
      @PathParam("movie_id")
          @Parameter(
              description = "The movie's id",
              required = true,
              schema =
                  @Schema(type = SchemaType.STRING, format = "uuid", pattern = Params.UUID_PATTERN))
          String movieId) {
    UUID viewer = caller.viewerId();
    return new RightsResponse(entitlements.mayWatch(viewer, Params.uuid("movie_id", movieId)));
  }

  private static TokenResponse token(TokenIssuer.AccessToken token) {
    return new TokenResponse(token.value(), "Bearer", token.lifetimeSeconds());
  }
}
