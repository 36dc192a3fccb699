package org.cinema.billing.catalog;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.ZoneOffset;

/** What a product's price pays for: a day or a calendar month (stored as 'day' / 'month'). */
public enum BillingPeriod {
  DAY,
  MONTH;

  /** The end of a period that starts at {@code start} (months are calendar months, in UTC). */
  public Instant after(Instant start) {
    return switch (this) {
      case DAY -> start.atOffset(ZoneOffset.UTC).plusDays(1).toInstant();
      case MONTH -> start.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
    };
  }

  public String code() {
    return name().toLowerCase();
  }

  /** Maps the column's lower-case codes. */
  @Converter(autoApply = true)
  public static class ColumnConverter implements AttributeConverter<BillingPeriod, String> {

    @Override
    public String convertToDatabaseColumn(BillingPeriod period) {
      return period == null ? null : period.code();
    }

    @Override
    public BillingPeriod convertToEntityAttribute(String code) {
      return code == null ? null : BillingPeriod.valueOf(code.toUpperCase());
    }
  }
}
