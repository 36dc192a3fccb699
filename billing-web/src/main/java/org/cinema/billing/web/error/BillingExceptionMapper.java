package org.cinema.billing.web.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.cinema.billing.error.BillingException;

/** A refused business request: its code, and the status its kind stands for. */
@Provider
public class BillingExceptionMapper implements ExceptionMapper<BillingException> {

  @Override
  public Response toResponse(BillingException e) {
    return ErrorBody.response(e.code(), e.getMessage());
  }
}
