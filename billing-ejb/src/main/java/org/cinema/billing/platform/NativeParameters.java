package org.cinema.billing.platform;

import jakarta.persistence.Query;
import java.util.Collections;
import java.util.List;

/** Positional parameters of native queries that take a list ({@code in (?, ?, …)}). */
public final class NativeParameters {

  private NativeParameters() {}

  /** {@code (?, ?, …)} with {@code count} parameters. */
  public static String placeholders(int count) {
    return "(" + String.join(", ", Collections.nCopies(count, "?")) + ")";
  }

  /**
   * {@code (?, …), (?, …), …}: {@code count} rows of {@code columns} parameters, for a VALUES list.
   */
  public static String rows(int count, int columns) {
    return String.join(", ", Collections.nCopies(count, placeholders(columns)));
  }

  /**
   * Binds {@code values} to the positions from {@code first} on.
   *
   * @return the position after the last one bound
   */
  public static int bind(Query query, int first, List<?> values) {
    int at = first;
    for (Object value : values) {
      query.setParameter(at++, value);
    }
    return at;
  }
}
