package org.cinema.billing.web.error;

import jakarta.ws.rs.WebApplicationException;
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
    return ErrorBody.response(ErrorCode.forStatus(status), message);
  }
}
