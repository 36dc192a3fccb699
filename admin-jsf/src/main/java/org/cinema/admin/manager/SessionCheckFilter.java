package org.cinema.admin.manager;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.util.Objects;

/**
 * Ends a session whose manager has changed since it logged in: a request whose session holds
 * another session version than the manager's row (deactivated, or the password changed) is logged
 * out and sent to the login page. The row is read on every request, so a change on one instance
 * ends the manager's sessions on all of them at once. Mapped to every URL in web.xml.
 */
public class SessionCheckFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** The session attribute holding the manager's session version at login. */
  static final String VERSION = SessionCheckFilter.class.getName() + ".version";

  @Inject private ManagerService managers;

  /** Keeps the manager's current session version in the session (at login, or after a change). */
  public static void remember(HttpSession session, long version) {
    session.setAttribute(VERSION, version);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Principal caller = request.getUserPrincipal();
    HttpSession session = request.getSession(false);
    if (caller == null
        || request.getServletPath().startsWith("/jakarta.faces.resource/")
        || isCurrent(session, caller.getName())) {
      chain.doFilter(request, response);
      return;
    }
    request.logout();
    if (session != null) {
      session.invalidate();
    }
    String login = request.getContextPath() + "/login.xhtml?ended=true";
    if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
      response.setContentType("text/xml");
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                  + login
                  + "\"/></partial-response>");
    } else {
      response.sendRedirect(login);
    }
  }

  private boolean isCurrent(HttpSession session, String username) {
    Object kept = session == null ? null : session.getAttribute(VERSION);
    return kept != null && Objects.equals(managers.sessionVersion(username).orElse(null), kept);
  }
}
