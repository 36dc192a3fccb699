package org.cinema.billing.platform;

import java.sql.SQLException;

/** Tells a unique-constraint violation (SQLSTATE 23505) of a named constraint from other errors. */
public final class UniqueViolation {

  private static final String UNIQUE_VIOLATION = "23505";

  private UniqueViolation() {}

  /** Whether {@code error}, or one of its causes, is a violation of {@code constraint}. */
  public static boolean of(Throwable error, String constraint) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && UNIQUE_VIOLATION.equals(sql.getSQLState())
          && String.valueOf(sql.getMessage()).contains(constraint)) {
        return true;
      }
    }
    return false;
  }
}
