package org.cinema.admin.manager;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Jakarta Security form login for the admin panel: a POST of {@code j_username}/{@code j_password}
 * to {@code j_security_check} is checked by our identity store ({@link ManagerIdentityStore}); any
 * other request to a protected page goes to the login page first ({@code @LoginToContinue}) and
 * comes back after; the login is kept in the session ({@code @AutoApplySession}).
 *
 * <p>Around the check: a username or address with too many recent failures ({@link LoginThrottle})
 * is answered 429 with {@code Retry-After} and the login page saying for how long, without the
 * password being checked; a good login gets a new session id (no session fixation) and the
 * manager's session version, which {@link SessionCheckFilter} compares on every request; a good
 * login begun on the login page itself lands on the dashboard ({@link LoginLanding}).
 *
 * <p>It is Jakarta Security's built-in form mechanism written out as a class of ours, for one
 * reason: in the EAR, billing-web's JWT mechanism and this one share an application, and Payara
 * picks each module's mechanism by the class named in web.xml ({@code
 * fish.payara.security.mechanism}); the built-in one, looked up by class, loses its
 * {@code @LoginToContinue} settings.
 */
@ApplicationScoped
@AutoApplySession
@LoginToContinue(
    loginPage = "/login.xhtml",
    errorPage = "/login.xhtml?failed=true",
    useForwardToLogin = false)
public class AdminLoginMechanism implements HttpAuthenticationMechanism {

  /** HTTP's "Too Many Requests". */
  static final int TOO_MANY_REQUESTS = 429;

  /**
   * Asked directly, not through Jakarta Security's IdentityStoreHandler: in the EAR the handler is
   * one bean for the whole application, and once billing-web's requests had made it, it did not see
   * this module's store, so every manager's login failed (EarOnPayaraServerIT).
   */
  @Inject private ManagerIdentityStore managerStore;

  @Inject private LoginThrottle throttle;

  @Inject private ManagerService managers;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (!"POST".equals(request.getMethod())
        || !request.getRequestURI().endsWith("/j_security_check")) {
      // Not a login: its body is left to the filters (the body limit) and the page.
      return context.doNothing();
    }
    String username = request.getParameter("j_username");
    String password = request.getParameter("j_password");
    if (username == null || password == null) {
      return context.doNothing();
    }
    String address = request.getRemoteAddr();
    Optional<Duration> locked = throttle.attempt(username, address);
    if (locked.isPresent()) {
      long seconds = Math.max(1, locked.get().toSeconds());
      response.setStatus(TOO_MANY_REQUESTS);
      response.setHeader("Retry-After", String.valueOf(seconds));
      return context.forward("/login.xhtml?locked=" + (seconds + 59) / 60);
    }
    CredentialValidationResult result =
        managerStore.validate(new UsernamePasswordCredential(username, password));
    if (result.getStatus() == CredentialValidationResult.Status.VALID) {
      String name = result.getCallerPrincipal().getName();
      throttle.succeeded(username, address);
      if (request.getSession(false) != null) {
        request.changeSessionId();
      }
      SessionCheckFilter.remember(request.getSession(), managers.sessionVersion(name).orElse(-1L));
    }
    return context.notifyContainerAboutLogin(result);
  }
}
