package org.cinema.billing.platform;

import java.util.List;

/** One page of a longer list, 1-based. */
public record Page<T>(List<T> items, long total, int page, int size) {

  public long pages() {
    return (total + size - 1) / size;
  }

  /** The offset of the first row of {@code page}. */
  public static int offset(int page, int size) {
    return (page - 1) * size;
  }
}
