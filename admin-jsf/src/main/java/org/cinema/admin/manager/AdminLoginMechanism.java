package org.cinema.admin.manager;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Jakarta Security form login for the admin panel: a POST of {@code j_username}/{@code j_password}
 * to {@code j_security_check} is checked by the identity store ({@link AdminSecurity}); any other
 * request to a protected page goes to the login page first ({@code @LoginToContinue}) and comes
 * back after; the login is kept in the session ({@code @AutoApplySession}).
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

  @Inject private IdentityStoreHandler identityStores;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String username = request.getParameter("j_username");
    String password = request.getParameter("j_password");
    if ("POST".equals(request.getMethod())
        && request.getRequestURI().endsWith("/j_security_check")
        && username != null
        && password != null) {
      return context.notifyContainerAboutLogin(
          identityStores.validate(new UsernamePasswordCredential(username, password)));
    }
    return context.doNothing();
  }
}
