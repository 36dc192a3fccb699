package org.cinema.etl.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cinema.common.error.ErrorCode;
import org.cinema.common.web.RequestIds;

/**
 * The ETL's refusals in the system's one JSON error shape, {@code {"error", "message",
 * "request_id"}}.
 */
final class EtlErrors {

  private EtlErrors() {}

  static Response response(ErrorCode code, String message) {
    return Response.status(code.status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body(code, message))
        .build();
  }

  /** The shape, with the request's id when it has one. */
  private static Map<String, String> body(ErrorCode code, String message) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", code.name());
    body.put("message", message);
    RequestIds.current().ifPresent(id -> body.put("request_id", id));
    return body;
  }

  /** JAX-RS's own refusals (not logged in, not an admin, no such path, wrong method). */
  @Provider
  public static class Refusals implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
      int status = e.getResponse().getStatus();
      return Response.fromResponse(e.getResponse())
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(body(ErrorCode.forStatus(status), e.getMessage()))
          .build();
    }
  }

  /** Anything else is a bug: logged with an incident id, answered 500 without internals. */
  @Provider
  public static class Unexpected implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

    @Override
    public Response toResponse(Throwable e) {
      String incident = UUID.randomUUID().toString();
      String request = RequestIds.inLog();
      LOG.log(Level.SEVERE, e, () -> "Incident " + incident + request);
      return response(ErrorCode.INTERNAL_ERROR, "Unexpected error, incident " + incident);
    }
  }
}
