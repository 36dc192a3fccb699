package org.cinema.billing.web.error;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.cinema.common.error.ErrorCode;
import org.cinema.common.web.BodyTooLargeException;

/**
 * A request body that is not the JSON the endpoint reads (JSON-B could not bind it): the client's
 * mistake, 400. Processing errors arise only while reading requests here; responses are records
 * that always serialize. One that went past the body limit is a 413 ({@link BodyTooLargeMapper}).
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

  @Override
  public Response toResponse(ProcessingException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BodyTooLargeException tooLarge) {
        return BodyTooLargeMapper.answer(tooLarge);
      }
    }
    return ErrorBody.response(
        ErrorCode.INVALID_INPUT, "The request body is not valid JSON for this endpoint");
  }
}
