package org.cinema.common.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.cinema.common.error.ErrorCode;

/**
 * The body of a 401 sent by the MicroProfile JWT mechanism itself (a token that is expired,
 * tampered with or not a JWT is refused before JAX-RS runs): the one JSON error shape instead of
 * the server's HTML page. Declared in {@code web.xml} with the 401 error page that points at it.
 */
public class UnauthorizedPage extends HttpServlet {

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ErrorJson.send(
        response,
        ErrorCode.NOT_AUTHENTICATED,
        "A valid bearer token is required: log in for a new one");
  }
}
