package org.cinema.billing.web.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cinema.common.error.ErrorCode;

/**
 * Anything else is a bug: logged with an incident id, answered 500 in the error shape without
 * internals.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable e) {
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, e, () -> "Incident " + incident);
    return ErrorBody.response(ErrorCode.INTERNAL_ERROR, "Unexpected error, incident " + incident);
  }
}
