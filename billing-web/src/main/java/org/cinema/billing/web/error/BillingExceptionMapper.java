package org.cinema.billing.web.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.cinema.billing.error.BillingException;
import org.cinema.billing.error.ErrorCode;

/** A refused business request: its code, and the status its kind stands for. */
@Provider
public class BillingExceptionMapper implements ExceptionMapper<BillingException> {

  @Override
  public Response toResponse(BillingException e) {
    return new ErrorBody(e.code().name(), e.getMessage()).toResponse(status(e.code().kind()));
  }

  static int status(ErrorCode.Kind kind) {
    return switch (kind) {
      case INVALID -> 400;
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case UNPROCESSABLE -> 422;
      case UPSTREAM -> 502;
    };
  }
}
