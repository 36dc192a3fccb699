package org.cinema.etl.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinaryCopyTest {

  private static final byte[] TRAILER = {(byte) 0xFF, (byte) 0xFF};
  private static final byte[] FIRST =
      CatalogRowTest.tuple(CatalogRowTest.ID, CatalogRowTest.hex("a"), null);
  private static final byte[] SECOND =
      CatalogRowTest.tuple(CatalogRowTest.ID, CatalogRowTest.hex("bb"), CatalogRowTest.hex("c"));

  @Test
  void readsOneTuplePerMessageAfterTheHeaderUpToTheTrailer() throws SQLException {
    List<ByteBuffer> tuples =
        BinaryCopy.tuples(messages(join(BinaryCopy.HEADER, FIRST), SECOND, TRAILER));

    assertThat(tuples).containsExactly(ByteBuffer.wrap(FIRST), ByteBuffer.wrap(SECOND));
  }

  @Test
  void anEmptyPageHasNoTuples() throws SQLException {
    assertThat(BinaryCopy.tuples(messages(join(BinaryCopy.HEADER, TRAILER)))).isEmpty();
    assertThat(BinaryCopy.tuples(messages(BinaryCopy.HEADER, TRAILER))).isEmpty();
  }

  @Test
  void writesTheRowsBackAsTheyCameBetweenHeaderAndTrailer() throws SQLException {
    List<CatalogRow> rows =
        BinaryCopy.tuples(messages(join(BinaryCopy.HEADER, FIRST), SECOND, TRAILER)).stream()
            .map(tuple -> new CatalogRow(CatalogTable.PRODUCT_MOVIE, tuple))
            .toList();

    assertThat(BinaryCopy.stream(rows)).isEqualTo(join(BinaryCopy.HEADER, FIRST, SECOND, TRAILER));
  }

  @Test
  void refusesAnythingElse() {
    byte[] csv = "id,title\n1,First\n".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> BinaryCopy.tuples(messages(csv)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The CopyData messages of a COPY OUT, as pgjdbc hands them over one by one. */
  private static BinaryCopy.Messages messages(byte[]... messages) {
    Iterator<byte[]> next = List.of(messages).iterator();
    return () -> next.hasNext() ? next.next() : null;
  }

  private static byte[] join(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
