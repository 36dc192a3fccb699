package org.cinema.etl.job;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One source row, its values in {@link CatalogTable#columns()} order. */
public record CatalogRow(CatalogTable table, Object[] values) {

  public UUID id() {
    return (UUID) values[0];
  }

  public OffsetDateTime updatedAt() {
    return (OffsetDateTime) values[table.columnIndex("updated_at")];
  }

  public Object value(String column) {
    return values[table.columnIndex(column)];
  }

  public Key key() {
    return new Key(updatedAt(), id());
  }

  /** A position in the keyset order: the reader's checkpoint and the saved watermark. */
  public record Key(OffsetDateTime updatedAt, UUID id) implements Serializable {

    public static final UUID SMALLEST_ID = new UUID(0, 0);

    public boolean after(Key other) {
      int byTime = updatedAt.compareTo(other.updatedAt);
      return byTime > 0 || (byTime == 0 && id.compareTo(other.id) > 0);
    }
  }
}
