package org.cinema.billing.web.dto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.cinema.billing.subscription.SubscriptionQueries.UpcomingDay;

/** Renewals due per UTC day and currency. */
public record UpcomingRenewalsResponse(List<Day> days) {

  /** One day's renewals in one currency. */
  public record Day(LocalDate day, String currency, long count, BigDecimal amount) {}

  public static UpcomingRenewalsResponse of(List<UpcomingDay> days) {
    return new UpcomingRenewalsResponse(
        days.stream().map(d -> new Day(d.day(), d.currency(), d.count(), d.amount())).toList());
  }
}
