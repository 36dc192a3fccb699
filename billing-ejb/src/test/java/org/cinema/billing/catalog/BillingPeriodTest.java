package org.cinema.billing.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BillingPeriodTest {

  @Test
  void aDayIsTwentyFourHours() {
    assertThat(BillingPeriod.DAY.after(Instant.parse("2026-03-28T10:15:00Z")))
        .isEqualTo(Instant.parse("2026-03-29T10:15:00Z"));
  }

  @Test
  void aMonthIsACalendarMonthAndEndsOnTheLastDayOfAShorterOne() {
    assertThat(BillingPeriod.MONTH.after(Instant.parse("2026-01-15T08:00:00Z")))
        .isEqualTo(Instant.parse("2026-02-15T08:00:00Z"));
    assertThat(BillingPeriod.MONTH.after(Instant.parse("2026-01-31T08:00:00Z")))
        .isEqualTo(Instant.parse("2026-02-28T08:00:00Z"));
  }

  @Test
  void theColumnHoldsTheOriginalLowerCaseCodes() {
    BillingPeriod.ColumnConverter converter = new BillingPeriod.ColumnConverter();
    assertThat(converter.convertToDatabaseColumn(BillingPeriod.MONTH)).isEqualTo("month");
    assertThat(converter.convertToEntityAttribute("day")).isEqualTo(BillingPeriod.DAY);
  }
}
