package org.cinema.billing.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's figures.
 *
 * @param activeSubscriptions subscriptions paid up for now
 * @param paymentsByStatus how many payments are in each status
 * @param revenueByDay money kept (paid less refunded) per UTC day of payment and currency, oldest
 *     day first
 */
public record BillingStats(
    long activeSubscriptions, Map<String, Long> paymentsByStatus, List<DayRevenue> revenueByDay) {

  /** Money kept from the payments of one day in one currency. */
  public record DayRevenue(LocalDate day, String currency, BigDecimal amount) {}
}
