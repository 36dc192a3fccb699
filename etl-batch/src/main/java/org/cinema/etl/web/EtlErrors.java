package org.cinema.etl.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cinema.common.error.ErrorCode;

/** The ETL's refusals in the system's one JSON error shape, {@code {"error", "message"}}. */
final class EtlErrors {

  private EtlErrors() {}

  static Response response(ErrorCode code, String message) {
    return Response.status(code.status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("error", code.name(), "message", message))
        .build();
  }

  /** JAX-RS's own refusals (not logged in, not an admin, no such path, wrong method). */
  @Provider
  public static class Refusals implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
      int status = e.getResponse().getStatus();
      return Response.fromResponse(e.getResponse())
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("error", ErrorCode.forStatus(status).name(), "message", e.getMessage()))
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
      LOG.log(Level.SEVERE, e, () -> "Incident " + incident);
      return response(ErrorCode.INTERNAL_ERROR, "Unexpected error, incident " + incident);
    }
  }
}
