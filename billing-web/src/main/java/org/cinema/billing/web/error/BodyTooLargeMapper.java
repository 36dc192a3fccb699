package org.cinema.billing.web.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.cinema.common.error.ErrorCode;
import org.cinema.common.web.BodyLimitFilter;
import org.cinema.common.web.BodyTooLargeException;

/**
 * A body sent without a length that went past its limit while being read ({@link BodyLimitFilter}):
 * 413, as for one that declared its length.
 */
@Provider
public class BodyTooLargeMapper implements ExceptionMapper<BodyTooLargeException> {

  @Override
  public Response toResponse(BodyTooLargeException e) {
    return answer(e);
  }

  static Response answer(BodyTooLargeException e) {
    return ErrorBody.response(ErrorCode.BODY_TOO_LARGE, e.getMessage());
  }
}
