package org.cinema.billing.platform;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Maps {@link Instant} to {@code timestamptz}: the server's EclipseLink maps {@code OffsetDateTime}
 * natively but would store an {@code Instant} as serialized bytes.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, OffsetDateTime> {

  @Override
  public OffsetDateTime convertToDatabaseColumn(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  @Override
  public Instant convertToEntityAttribute(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }

  /**
   * A {@code timestamptz} as a native query hands it back (the driver's {@code Timestamp} or an
   * {@code OffsetDateTime}, depending on the path), as an instant; null stays null.
   */
  public static Instant ofColumn(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    throw new IllegalStateException("Not a time: " + value.getClass());
  }
}
