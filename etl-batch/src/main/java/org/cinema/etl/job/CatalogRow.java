package org.cinema.etl.job;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * One source row as PostgreSQL's binary COPY format carries it, its fields in {@link
 * CatalogTable#columns()} order: the reader hands the tuple on as it came and the writer copies it
 * into billing unchanged, so a row is never turned into objects and back. Only what the key and the
 * validator need is decoded, on demand: {@code uuid}, {@code timestamptz}, text and {@code numeric}
 * fields.
 *
 * <p>A tuple is a 16-bit field count, then per field a 32-bit length ({@code -1}: NULL) and that
 * many bytes, all big-endian (PostgreSQL's "COPY", binary format).
 */
public record CatalogRow(CatalogTable table, ByteBuffer tuple) {

  /** {@code timestamptz} counts microseconds from 2000-01-01 00:00 UTC. */
  private static final long POSTGRES_EPOCH_SECONDS =
      Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();

  private static final int NUMERIC_NEGATIVE = 0x4000;

  public UUID id() {
    ByteBuffer field = field(0);
    return new UUID(field.getLong(), field.getLong());
  }

  public OffsetDateTime updatedAt() {
    long micros = field(table.columnIndex("updated_at")).getLong();
    return Instant.ofEpochSecond(
            POSTGRES_EPOCH_SECONDS + Math.floorDiv(micros, 1_000_000),
            Math.floorMod(micros, 1_000_000) * 1_000L)
        .atOffset(ZoneOffset.UTC);
  }

  public Key key() {
    return new Key(updatedAt(), id());
  }

  /** A text column ({@code varchar}, {@code char}, {@code text}), or null. */
  public String text(String column) {
    ByteBuffer field = field(table.columnIndex(column));
    return field == null
        ? null
        : new String(
            field.array(),
            field.arrayOffset() + field.position(),
            field.remaining(),
            StandardCharsets.UTF_8);
  }

  /**
   * A {@code numeric} column, or null when NULL or not a number (NaN, infinity). Binary numeric:
   * digit count, weight (the power of 10000 of the first digit), sign, display scale, then the
   * base-10000 digits.
   */
  public BigDecimal decimal(String column) {
    ByteBuffer field = field(table.columnIndex(column));
    if (field == null) {
      return null;
    }
    int digits = field.getShort();
    int weight = field.getShort();
    int sign = field.getShort() & 0xFFFF;
    int scale = field.getShort();
    if (sign != 0 && sign != NUMERIC_NEGATIVE) {
      return null;
    }
    BigDecimal value = BigDecimal.ZERO;
    for (int i = 0; i < digits; i++) {
      value = value.add(BigDecimal.valueOf(field.getShort()).scaleByPowerOfTen(4 * (weight - i)));
    }
    value = value.setScale(scale, RoundingMode.UNNECESSARY);
    return sign == NUMERIC_NEGATIVE ? value.negate() : value;
  }

  /** The bytes of field {@code index} (big-endian, positioned at its start), or null if NULL. */
  private ByteBuffer field(int index) {
    ByteBuffer cursor = tuple.duplicate();
    cursor.getShort();
    for (int i = 0; i < index; i++) {
      int length = cursor.getInt();
      cursor.position(cursor.position() + Math.max(length, 0));
    }
    int length = cursor.getInt();
    return length < 0 ? null : cursor.slice(cursor.position(), length);
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
