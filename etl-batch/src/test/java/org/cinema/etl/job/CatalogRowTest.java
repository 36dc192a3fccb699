package org.cinema.etl.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Field values as PostgreSQL 14's {@code *_send} functions write them (copied from psql). */
class CatalogRowTest {

  static final String ID = "00000000000040008000000000000201";
  static final String UPDATED_AT = "0003043e1bbf16c0";

  @Test
  void decodesTheKey() {
    CatalogRow link = row(CatalogTable.PRODUCT_MOVIE, ID, ID, ID, UPDATED_AT, UPDATED_AT, null);

    assertThat(link.key())
        .isEqualTo(
            new CatalogRow.Key(
                OffsetDateTime.parse("2026-11-27T10:15:30.123456Z"),
                UUID.fromString("00000000-0000-4000-8000-000000000201")));
  }

  @Test
  void decodesTextAsUtf8AndNullAsNull() {
    CatalogRow movie =
        row(
            CatalogTable.MOVIE,
            ID,
            "d0a4d0b8d0bbd18cd0bc",
            null,
            null,
            "0050",
            hex("movie"),
            UPDATED_AT,
            UPDATED_AT,
            null);

    assertThat(movie.text("title")).isEqualTo("Фильм");
    assertThat(movie.text("description")).isNull();
    assertThat(movie.text("type")).isEqualTo("movie");
  }

  @Test
  void decodesNumericWithItsScale() {
    assertThat(price("0003000100000002000109291a2c")).isEqualTo(new BigDecimal("12345.67"));
    assertThat(price("0001000000000002012b")).isEqualTo(new BigDecimal("299.00"));
    assertThat(price("0001ffff000000011388")).isEqualTo(new BigDecimal("0.5"));
    assertThat(price("0001000100000002000a")).isEqualTo(new BigDecimal("100000.00"));
    assertThat(price("0002000040000002000103e8")).isEqualTo(new BigDecimal("-1.10"));
  }

  @Test
  void notANumberIsNoPrice() {
    assertThat(price("00000000c0000000")).isNull();
  }

  private static BigDecimal price(String numeric) {
    return row(
            CatalogTable.PRODUCT,
            ID,
            hex("Bundle"),
            null,
            numeric,
            hex("RUB"),
            hex("month"),
            UPDATED_AT,
            UPDATED_AT,
            null)
        .decimal("price");
  }

  /** A row of {@code table} whose fields are the given bytes in hex (null: NULL). */
  static CatalogRow row(CatalogTable table, String... fields) {
    return new CatalogRow(table, ByteBuffer.wrap(tuple(fields)));
  }

  /** A tuple as binary COPY writes it: field count, then per field its length and bytes. */
  static byte[] tuple(String... fields) {
    ByteBuffer tuple = ByteBuffer.allocate(1024);
    tuple.putShort((short) fields.length);
    for (String field : fields) {
      if (field == null) {
        tuple.putInt(-1);
      } else {
        byte[] bytes = HexFormat.of().parseHex(field);
        tuple.putInt(bytes.length).put(bytes);
      }
    }
    return Arrays.copyOf(tuple.array(), tuple.position());
  }

  static String hex(String text) {
    return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
  }
}
