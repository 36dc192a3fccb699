package org.cinema.billing.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import org.cinema.billing.error.BillingException;
import org.cinema.common.error.ErrorCode;

/**
 * Path and query parameters arrive as strings and are checked here (a bad value is a 400, not
 * JAX-RS's 404 for an unconvertible parameter). Path parameters carry their patterns as Bean
 * Validation constraints; query parameters are checked in code, because Payara's OpenAPI generator
 * fails on constraints on any parameter but a path parameter (payara/Payara#7649).
 */
public final class Params {

  public static final String UUID_PATTERN =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
  public static final int MAX_PAGE_SIZE = 500;
  public static final String UUID_MESSAGE = "must be a UUID";
  public static final String DATE_PATTERN = "\\d{4}-\\d{2}-\\d{2}";
  public static final String DATE_MESSAGE = "must be a date, yyyy-mm-dd";
  private static final java.util.regex.Pattern PAGE =
      java.util.regex.Pattern.compile("[1-9][0-9]{0,5}");
  private static final java.util.regex.Pattern UUID_SHAPE =
      java.util.regex.Pattern.compile(UUID_PATTERN);

  private Params() {}

  /** A value already checked by a constraint ({@link #UUID_PATTERN}). */
  public static UUID uuid(String value) {
    return UUID.fromString(value);
  }

  /** A UUID path parameter not checked by a constraint: 400 unless it is one. */
  public static UUID uuid(String name, String value) {
    if (value == null || !UUID_SHAPE.matcher(value).matches()) {
      throw new BillingException(ErrorCode.INVALID_INPUT, name + ": " + UUID_MESSAGE);
    }
    return UUID.fromString(value);
  }

  public static LocalDate date(String name, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new BillingException(ErrorCode.INVALID_INPUT, name + ": no such date " + value);
    }
  }

  /** A page number from 1 (query parameter {@code name}). */
  public static int page(String name, String value) {
    if (!PAGE.matcher(value).matches()) {
      throw new BillingException(ErrorCode.INVALID_INPUT, name + ": must be a whole number from 1");
    }
    return Integer.parseInt(value);
  }

  /** A page size from 1 to {@value #MAX_PAGE_SIZE}. */
  public static int size(String value) {
    int size = page("size", value);
    if (size > MAX_PAGE_SIZE) {
      throw new BillingException(ErrorCode.INVALID_INPUT, "size: at most " + MAX_PAGE_SIZE);
    }
    return size;
  }

  /** An optional UUID query parameter: empty when absent or blank. */
  public static Optional<UUID> optionalUuid(String name, String value) {
    return present(value).map(v -> uuid(name, v));
  }

  /** An optional date query parameter: empty when absent or blank. */
  public static Optional<LocalDate> optionalDate(String name, String value) {
    return present(value).map(v -> date(name, v));
  }

  /** An optional true/false query parameter: false when absent. */
  public static boolean flag(String name, String value) {
    return present(value)
        .map(
            v -> {
              if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                throw new BillingException(ErrorCode.INVALID_INPUT, name + ": true or false");
              }
              return Boolean.parseBoolean(v);
            })
        .orElse(false);
  }

  public static Optional<String> present(String value) {
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }
}
