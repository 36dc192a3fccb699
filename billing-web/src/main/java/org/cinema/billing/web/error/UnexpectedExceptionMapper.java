package org.cinema.billing.web.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cinema.common.error.ErrorCode;
import org.cinema.common.web.RequestIds;

/**
 * Anything else is a bug: logged with an incident id, answered 500 in the error shape without
 * internals. One exception: text PostgreSQL cannot store (a NUL character, U+0000, which JSON
 * allows) fails the statement with SQLSTATE 22021 wherever it arrives (a login, a search, a
 * reason); that is the caller's input, so a 400, and the rolled-back transaction changed nothing.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && CHARACTER_NOT_IN_REPERTOIRE.equals(sql.getSQLState())) {
        return ErrorBody.response(
            ErrorCode.INVALID_INPUT, "Text must not contain NUL (\\u0000) characters");
      }
    }
    String incident = UUID.randomUUID().toString();
    String request = RequestIds.inLog();
    LOG.log(Level.SEVERE, e, () -> "Incident " + incident + request);
    return ErrorBody.response(ErrorCode.INTERNAL_ERROR, "Unexpected error, incident " + incident);
  }
}
