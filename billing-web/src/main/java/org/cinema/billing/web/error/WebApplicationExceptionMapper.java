package org.cinema.billing.web.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS's own refusals (no such path, wrong method or media type, unreadable JSON, not allowed) in
 * the one error shape, keeping their status.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    Response.StatusType type = Response.Status.fromStatusCode(status);
    String code =
        type == null ? "HTTP_" + status : type.getReasonPhrase().toUpperCase().replace(' ', '_');
    String message = status == 400 ? "The request body could not be read" : e.getMessage();
    return new ErrorBody(code, message).toResponse(status);
  }
}
