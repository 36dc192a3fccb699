package org.cinema.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.cinema.common.error.ErrorCode;

/**
 * Every request has an id, for ops to follow it through the logs: the caller's {@code X-Request-Id}
 * when it sends one (1 to 128 letters, digits or {@code . _ : -}; anything else is refused with
 * 400, so no caller can write into a log line), a new UUID otherwise. It is echoed in the
 * response's {@code X-Request-Id}, carried by every error body ({@code request_id}) and by the log
 * lines written about the request ({@link #current()}, stamped on every application line written
 * while it is served by {@link RequestLogStamp}), on the thread serving it.
 */
public class RequestIds extends HttpFilter {

  public static final String HEADER = "X-Request-Id";

  private static final String ATTRIBUTE = RequestIds.class.getName();
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private RequestLogStamp[] stamps = new RequestLogStamp[0];

  @Override
  public void init() {
    stamps = RequestLogStamp.install();
  }

  @Override
  public void destroy() {
    RequestLogStamp.uninstall(stamps);
  }

  /** The id of the request this thread serves, if it serves one. */
  public static Optional<String> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** {@code " [request <id>]"} for a log line, or nothing outside a request. */
  public static String inLog() {
    return current().map(id -> " [request " + id + "]").orElse("");
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    // An error page's dispatch of the same request keeps the id the request was given.
    Object earlier = request.getAttribute(ATTRIBUTE);
    String given = earlier instanceof String id ? id : request.getHeader(HEADER);
    if (given != null && !WELL_FORMED.matcher(given).matches()) {
      ErrorJson.send(
          response,
          ErrorCode.INVALID_INPUT,
          HEADER + " must be 1 to 128 letters, digits or . _ : - (or left out)");
      return;
    }
    String id = given != null ? given : UUID.randomUUID().toString();
    request.setAttribute(ATTRIBUTE, id);
    response.setHeader(HEADER, id);
    String outer = CURRENT.get();
    CURRENT.set(id);
    try {
      chain.doFilter(request, response);
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }
}
