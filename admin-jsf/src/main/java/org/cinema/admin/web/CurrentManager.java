package org.cinema.admin.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.cinema.admin.manager.AdminSecurity;

/** Who is logged in, and logging out. */
@Named
@RequestScoped
public class CurrentManager {

  @Inject private SecurityContext security;

  public String getName() {
    return security.getCallerPrincipal() == null ? "" : security.getCallerPrincipal().getName();
  }

  public boolean isSuperuser() {
    return FacesContext.getCurrentInstance()
        .getExternalContext()
        .isUserInRole(AdminSecurity.SUPERUSER);
  }

  /** Ends the session and goes to the login page. */
  public void logout() throws IOException, ServletException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    ((HttpServletRequest) external.getRequest()).logout();
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + "/login.xhtml?loggedOut=true");
  }
}
