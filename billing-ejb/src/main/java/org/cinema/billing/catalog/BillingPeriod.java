package org.cinema.billing.catalog;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * What a product's price pays for: a day, a calendar month or a calendar year (stored as 'day',
 * 'month', 'year'). Periods are counted in UTC, so a daylight-saving change neither skips nor
 * doubles one.
 */
public enum BillingPeriod {
  DAY,
  MONTH,
  YEAR;

  /** The end of a first period that starts at {@code start}. */
  public Instant after(Instant start) {
    return after(start, start);
  }

  /**
   * The end of a period that starts at {@code start}, in a series anchored at {@code anchor} (the
   * first period's start): months and years keep the anchor's day of the month where the month has
   * it, and end on its last day where it does not, so a series from Jan 31 runs Feb 28 (29), Mar
   * 31, Apr 30, May 31, and one from Feb 29 comes back to it in the next leap year.
   */
  public Instant after(Instant start, Instant anchor) {
    ZonedDateTime from = start.atZone(ZoneOffset.UTC);
    int anchorDay = anchor.atZone(ZoneOffset.UTC).getDayOfMonth();
    ZonedDateTime end =
        switch (this) {
          case DAY -> from.plusDays(1);
          case MONTH -> from.plusMonths(1);
          case YEAR -> from.plusYears(1);
        };
    if (this != DAY) {
      end = end.withDayOfMonth(Math.min(anchorDay, end.toLocalDate().lengthOfMonth()));
    }
    return end.toInstant();
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
