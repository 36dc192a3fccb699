package org.cinema.billing.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import org.cinema.billing.web.Roles;
import org.cinema.common.error.ErrorCode;
import org.cinema.common.web.ErrorJson;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Payara serves MicroProfile Metrics ({@code /metrics}) inside the application deployed at the root
 * context, which billing-web is: the business figures there (payments, backlogs, renewals) are for
 * operators. An administrator's token reads them; so does HTTP Basic with the user {@code metrics}
 * and {@code METRICS_PASSWORD} when that is set (at least 16 characters), for a scraper such as
 * Prometheus, which cannot log in every ten minutes for a new token. Anonymous gets 401 and a
 * viewer's token 403, in the one JSON error shape; a token the JWT mechanism refuses is its 401.
 *
 * <p>A filter rather than a {@code web.xml} security constraint: with a constraint, Payara's JWT
 * mechanism answers a request without a token with an empty 200.
 */
public class MetricsAccess extends HttpFilter {

  static final String SCRAPER = "metrics";

  private static final int MIN_PASSWORD_LENGTH = 16;

  private Optional<byte[]> scraperCredentials = Optional.empty();

  @Override
  public void init() throws ServletException {
    Optional<String> password =
        ConfigProvider.getConfig()
            .getOptionalValue("metrics.password", String.class)
            .map(String::strip)
            .filter(value -> !value.isEmpty());
    if (password.isPresent() && password.get().length() < MIN_PASSWORD_LENGTH) {
      throw new ServletException(
          "METRICS_PASSWORD must be at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    scraperCredentials =
        password.map(
            value ->
                ("Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                (SCRAPER + ":" + value).getBytes(StandardCharsets.UTF_8)))
                    .getBytes(StandardCharsets.UTF_8));
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (isScraper(request.getHeader("Authorization"))) {
      chain.doFilter(request, response);
    } else if (request.getUserPrincipal() == null) {
      response.setHeader("WWW-Authenticate", "Bearer");
      ErrorJson.send(
          response,
          ErrorCode.NOT_AUTHENTICATED,
          "The metrics need an administrator's token (or the metrics password)");
    } else if (!request.isUserInRole(Roles.ADMIN)) {
      ErrorJson.send(response, ErrorCode.FORBIDDEN, "The metrics need an administrator's token");
    } else {
      chain.doFilter(request, response);
    }
  }

  /** The scraper's Basic credentials, compared in constant time. */
  private boolean isScraper(String authorization) {
    return authorization != null
        && scraperCredentials.isPresent()
        && MessageDigest.isEqual(
            scraperCredentials.get(), authorization.strip().getBytes(StandardCharsets.UTF_8));
  }
}
