package org.cinema.billing.web.error;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.cinema.billing.account.TooManyAttempts;

/** A throttled login: 429 in the error shape, with when to try again in {@code Retry-After}. */
@Provider
public class TooManyAttemptsMapper implements ExceptionMapper<TooManyAttempts> {

  @Override
  public Response toResponse(TooManyAttempts e) {
    Response refusal = ErrorBody.response(e.code(), e.getMessage());
    return Response.fromResponse(refusal)
        .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
        .build();
  }
}
