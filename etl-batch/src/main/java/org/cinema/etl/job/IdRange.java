package org.cinema.etl.job;

import java.io.Serializable;
import java.util.Optional;

/**
 * Part {@code index} of {@code count} of a table, by id: the ids whose first 32 bits fall in
 * [index·2³²/count, (index+1)·2³²/count). PostgreSQL orders uuids by their bytes, so each part is
 * one range of the primary key, and random ids spread evenly over the parts. A partitioned step
 * reads, writes and keeps a watermark per part.
 */
public record IdRange(int index, int count) implements Serializable {

  /** The whole table: one part. */
  public static final IdRange ALL = new IdRange(0, 1);

  public IdRange {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException("no part " + index + " of " + count);
    }
  }

  /** The part a partition plan names, or the whole table when the step is not partitioned. */
  public static IdRange of(String index, String count) {
    return index == null || index.isBlank()
        ? ALL
        : new IdRange(Integer.parseInt(index), Integer.parseInt(count));
  }

  /** The part's condition on {@code id}, to AND to a query ("" for the whole table). */
  public String condition() {
    String condition = lower().map(id -> " and id >= '" + id + "'::uuid").orElse("");
    return condition + upper().map(id -> " and id < '" + id + "'::uuid").orElse("");
  }

  /** The name its watermark is saved under: the table's, then which part, e.g. "movie 1/2". */
  public String watermarkName(CatalogTable table) {
    return count == 1 ? table.tableName() : table.tableName() + " " + (index + 1) + "/" + count;
  }

  @Override
  public String toString() {
    return count == 1 ? "all ids" : "ids part " + (index + 1) + "/" + count;
  }

  private Optional<String> lower() {
    return index == 0 ? Optional.empty() : Optional.of(bound(index));
  }

  private Optional<String> upper() {
    return index == count - 1 ? Optional.empty() : Optional.of(bound(index + 1));
  }

  private String bound(int part) {
    long first32Bits = (part * (1L << 32)) / count;
    return String.format("%08x-0000-0000-0000-000000000000", first32Bits);
  }
}
