package org.cinema.common.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.cinema.common.error.ErrorCode;
import org.cinema.common.json.Jsons;

/** The JSON error shape, written by servlet code that runs before JAX-RS does. */
public final class ErrorJson {

  private ErrorJson() {}

  /**
   * Answers the request with {@code {"error": code, "message": message, "request_id": id}} and
   * code's status (the id when {@link RequestIds} gave the request one).
   */
  public static void send(HttpServletResponse response, ErrorCode code, String message)
      throws IOException {
    response.setStatus(code.status());
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    var body = Jsons.object().add("error", code.name()).add("message", message);
    RequestIds.current().ifPresent(id -> body.add("request_id", id));
    response.getWriter().write(body.build().toString());
  }
}
