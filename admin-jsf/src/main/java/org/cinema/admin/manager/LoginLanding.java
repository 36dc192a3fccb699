package org.cinema.admin.manager;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Where a good login lands when no page was asked for first (the login page opened by itself, after
 * logging out or a session ended): the dashboard. With a page asked for, {@code LoginToContinue}
 * goes back to it and this is never reached.
 */
@WebServlet("/j_security_check")
public class LoginLanding extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.sendRedirect(request.getContextPath() + "/");
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.sendRedirect(request.getContextPath() + "/");
  }
}
