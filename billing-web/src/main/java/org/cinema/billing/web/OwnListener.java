package org.cinema.billing.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;

/**
 * The API's base on this server's own listener, as the connection a request came in on gives it:
 * {@code http://localhost:<local port><context>/api/}. Nothing of it comes from the {@code Host} or
 * {@code X-Forwarded-*} headers a caller writes; {@code PublicApi} uses it when no {@code
 * PUBLIC_API_URL} is configured.
 */
final class OwnListener {

  private OwnListener() {}

  static URI of(HttpServletRequest request) {
    return URI.create(
        (request.isSecure() ? "https" : "http")
            + "://localhost:"
            + request.getLocalPort()
            + request.getContextPath()
            + "/api/");
  }
}
