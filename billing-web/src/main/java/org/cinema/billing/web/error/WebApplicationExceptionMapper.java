package org.cinema.billing.web.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.cinema.common.error.ErrorCode;

/**
 * JAX-RS's own refusals (no such path, wrong method or media type, unreadable JSON, not allowed) in
 * the one error shape, keeping their status.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    String message = status == 400 ? "The request body could not be read" : e.getMessage();
    ErrorCode code = ErrorCode.forStatus(status);
    // JAX-RS's own status and headers (Allow on a 405, WWW-Authenticate on a 401) are kept.
    return Response.fromResponse(e.getResponse())
        .status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ErrorBody.of(code, message, null))
        .build();
  }
}
