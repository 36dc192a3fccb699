package org.cinema.billing.web;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cinema.billing.account.AccountService;
import org.cinema.billing.account.NewAccount;
import org.cinema.billing.account.TokenIssuer;
import org.cinema.billing.entitlement.EntitlementService;
import org.cinema.billing.web.dto.LoginRequest;
import org.cinema.billing.web.dto.RegisterRequest;
import org.cinema.billing.web.dto.RightsResponse;
import org.cinema.billing.web.dto.TokenResponse;
import org.cinema.billing.web.idempotency.Idempotent;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The original "content" endpoints: accounts and the access check. One instance serves every
 * request (the caller is a request-scoped bean behind a proxy): check-rights is the hot path, and a
 * resource built per request cost it an EJB reference lookup each time.
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

  @POST
  @Path("register")
  @PermitAll
  @Idempotent
  @Operation(summary = "Register a viewer and get an access token")
  @APIResponse(responseCode = "200", description = "Registered; the token is in access_token")
  @APIResponse(responseCode = "400", description = "Invalid fields, or the login is taken")
  public TokenResponse register(RegisterRequest body) {
    RegisterRequest request = bodies.valid(body);
    return token(
        accounts.register(
            new NewAccount(
                request.getLogin(),
                request.getPassword(),
                request.getEmail(),
                request.getFullname(),
                request.getPhone())));
  }

  @POST
  @Path("login")
  @PermitAll
  @Operation(summary = "Log in and get an access token")
  @APIResponse(responseCode = "200", description = "The token is in access_token")
  @APIResponse(responseCode = "401", description = "Wrong login or password")
  public TokenResponse login(LoginRequest body) {
    LoginRequest request = bodies.valid(body);
    return token(accounts.login(request.getLogin(), request.getPassword()));
  }

  @POST
  @Path("check-rights/{movie_id}")
  @RolesAllowed(Roles.USER)
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "May the caller watch this movie now?")
  @APIResponse(responseCode = "200", description = "{\"allow\": true|false}")
  @APIResponse(responseCode = "404", description = "No such movie")
  public RightsResponse checkRights(
      @PathParam("movie_id") @Pattern(regexp = Params.UUID_PATTERN, message = Params.UUID_MESSAGE)
          String movieId) {
    return new RightsResponse(entitlements.mayWatch(caller.accountId(), Params.uuid(movieId)));
  }

  private static TokenResponse token(TokenIssuer.AccessToken token) {
    return new TokenResponse(token.value(), "Bearer", token.lifetimeSeconds());
  }
}
