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
  void aMonthFromThe31stEndsOnTheLastDayOfFebruaryThenKeepsThe31stWhereAMonthHasOne() {
    Instant anchor = Instant.parse("2026-01-31T08:00:00Z");
    Instant february = BillingPeriod.MONTH.after(anchor, anchor);
    Instant march = BillingPeriod.MONTH.after(february, anchor);
    Instant april = BillingPeriod.MONTH.after(march, anchor);

    assertThat(february).isEqualTo(Instant.parse("2026-02-28T08:00:00Z"));
    assertThat(march).isEqualTo(Instant.parse("2026-03-31T08:00:00Z"));
    assertThat(april).isEqualTo(Instant.parse("2026-04-30T08:00:00Z"));
    assertThat(BillingPeriod.MONTH.after(april, anchor))
        .isEqualTo(Instant.parse("2026-05-31T08:00:00Z"));
  }

  @Test
  void aLeapYearsFebruaryHasItsTwentyNinth() {
    Instant anchor = Instant.parse("2028-01-30T00:00:00Z");
    assertThat(BillingPeriod.MONTH.after(anchor, anchor))
        .isEqualTo(Instant.parse("2028-02-29T00:00:00Z"));
  }

  @Test
  void aYearFromTheTwentyNinthOfFebruaryComesBackToItInTheNextLeapYear() {
    Instant anchor = Instant.parse("2028-02-29T12:00:00Z");
    Instant first = BillingPeriod.YEAR.after(anchor, anchor);
    Instant second = BillingPeriod.YEAR.after(first, anchor);
    Instant third = BillingPeriod.YEAR.after(second, anchor);
    Instant fourth = BillingPeriod.YEAR.after(third, anchor);

    assertThat(first).isEqualTo(Instant.parse("2029-02-28T12:00:00Z"));
    assertThat(fourth).isEqualTo(Instant.parse("2032-02-29T12:00:00Z"));
    assertThat(BillingPeriod.YEAR.after(Instant.parse("2026-06-01T00:00:00Z")))
        .isEqualTo(Instant.parse("2027-06-01T00:00:00Z"));
  }

  @Test
  void periodsAreInUtcSoADaylightSavingChangeNeitherSkipsNorDoublesOne() {
    // Europe moved its clocks on 2026-03-29 and 2026-10-25; periods do not see it.
    assertThat(BillingPeriod.DAY.after(Instant.parse("2026-03-28T23:30:00Z")))
        .isEqualTo(Instant.parse("2026-03-29T23:30:00Z"));
    assertThat(BillingPeriod.MONTH.after(Instant.parse("2026-10-01T00:30:00Z")))
        .isEqualTo(Instant.parse("2026-11-01T00:30:00Z"));
  }

  @Test
  void theColumnHoldsTheOriginalLowerCaseCodes() {
    BillingPeriod.ColumnConverter converter = new BillingPeriod.ColumnConverter();
    assertThat(converter.convertToDatabaseColumn(BillingPeriod.MONTH)).isEqualTo("month");
    assertThat(converter.convertToEntityAttribute("day")).isEqualTo(BillingPeriod.DAY);
    assertThat(converter.convertToDatabaseColumn(BillingPeriod.YEAR)).isEqualTo("year");
  }
}
