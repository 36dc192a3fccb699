package org.cinema.billing.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.cinema.billing.web.Roles;
import org.cinema.common.error.ErrorCode;
import org.cinema.common.web.ErrorJson;

/**
 * Payara serves MicroProfile Metrics ({@code /metrics}) inside the application deployed at the root
 * context, which billing-web is: the business figures there (payments, backlogs, renewals) are for
 * operators, so only an administrator's token reads them. Anonymous gets 401 and a viewer's token
 * 403, in the one JSON error shape; a token the JWT mechanism refuses is its 401.
 *
 * <p>A filter rather than a {@code web.xml} security constraint: with a constraint, Payara's JWT
 * mechanism answers a request without a token with an empty 200.
 */
public class MetricsAccess extends HttpFilter {

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getUserPrincipal() == null) {
      response.setHeader("WWW-Authenticate", "Bearer");
      ErrorJson.send(
          response, ErrorCode.NOT_AUTHENTICATED, "The metrics need an administrator's token");
    } else if (!request.isUserInRole(Roles.ADMIN)) {
      ErrorJson.send(response, ErrorCode.FORBIDDEN, "The metrics need an administrator's token");
    } else {
      chain.doFilter(request, response);
    }
  }
}
