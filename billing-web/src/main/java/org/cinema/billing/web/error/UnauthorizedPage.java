package org.cinema.billing.web.error;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The body of a 401 sent by the MicroProfile JWT mechanism itself (a token that is expired,
 * tampered with or not a JWT is refused before JAX-RS runs): the one JSON error shape instead of
 * the server's HTML page. Wired as the 401 error page in {@code web.xml}.
 */
@WebServlet("/errors/unauthorized")
public class UnauthorizedPage extends HttpServlet {

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            "{\"error\":\"UNAUTHORIZED\",\"message\":\"A valid bearer token is required:"
                + " log in for a new one\"}");
  }
}
