package org.cinema.billing.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.cinema.billing.catalog.BillingPeriod;

/** One payment as a statement (or the admin's payment list) shows it. */
public record StatementLine(
    UUID id,
    UUID accountId,
    String productName,
    BillingPeriod period,
    BigDecimal amount,
    String currency,
    PaymentStatus status,
    BigDecimal refundedAmount,
    Instant payDate,
    Instant createdAt,
    String failureCode,
    String failureMessage,
    String reviewReason) {

  /** What was paid for, as the original statement described it. */
  public String description() {
    return productName + ", " + period.code();
  }
}
