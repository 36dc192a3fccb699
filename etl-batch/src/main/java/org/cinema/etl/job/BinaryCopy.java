package org.cinema.etl.job;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * PostgreSQL's binary COPY stream: a signature header, the tuples, and a trailer (a field count of
 * -1). The reader splits what {@code COPY ... TO STDOUT} sends into tuples; the writer frames the
 * chunk's tuples again for {@code COPY ... FROM STDIN}.
 */
final class BinaryCopy {

  /** Signature, 32-bit flags (none), 32-bit header extension length (none). */
  static final byte[] HEADER = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
  };

  private static final int SIGNATURE_LENGTH = 11;
  private static final short TRAILER = -1;

  private BinaryCopy() {}

  /**
   * The tuples of a {@code COPY ... TO STDOUT (FORMAT binary)}, each a view on the message it came
   * in. PostgreSQL sends every row in a CopyData message of its own (the protocol promises it), the
   * header before the first row, and the trailer in a message of its own.
   */
  static List<ByteBuffer> tuples(Messages copy) throws SQLException {
    List<ByteBuffer> tuples = new ArrayList<>();
    boolean first = true;
    for (byte[] message = copy.next(); message != null; message = copy.next()) {
      ByteBuffer tuple = ByteBuffer.wrap(message);
      if (first) {
        skipHeader(tuple);
        first = false;
      }
      if (tuple.remaining() > 0 && tuple.getShort(tuple.position()) != TRAILER) {
        tuples.add(tuple.slice());
      }
    }
    return tuples;
  }

  private static void skipHeader(ByteBuffer stream) {
    if (stream.remaining() < HEADER.length
        || !Arrays.equals(stream.array(), 0, SIGNATURE_LENGTH, HEADER, 0, SIGNATURE_LENGTH)) {
      throw new IllegalArgumentException("not a binary COPY stream");
    }
    stream.position(SIGNATURE_LENGTH + 4);
    int extension = stream.getInt();
    stream.position(stream.position() + extension);
  }

  /** The rows as one COPY input: header, their tuples as they were read, trailer. */
  static byte[] stream(List<?> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(rows.size() * 160);
    out.writeBytes(HEADER);
    for (Object row : rows) {
      ByteBuffer tuple = ((CatalogRow) row).tuple();
      out.write(tuple.array(), tuple.arrayOffset() + tuple.position(), tuple.remaining());
    }
    out.write(TRAILER >> 8);
    out.write(TRAILER);
    return out.toByteArray();
  }

  /** The CopyData messages of a COPY OUT, one per call, then null (pgjdbc's {@code CopyOut}). */
  @FunctionalInterface
  interface Messages {
    byte[] next() throws SQLException;
  }
}
