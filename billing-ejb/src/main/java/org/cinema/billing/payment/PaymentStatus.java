package org.cinema.billing.payment;

import java.util.EnumSet;
import java.util.Set;

/**
 * A payment's states and the one table of moves between them. FAILED may still succeed or be
 * retried: a viewer whose card was declined can try another card on the same checkout. CANCELED may
 * still become SUCCEEDED, because money can reach the provider after our side gave up on the
 * payment (a page left open, an event in flight); such money is refunded at once, but the record
 * says that it came.
 */
public enum PaymentStatus {
  CREATED,
  PENDING,
  SUCCEEDED,
  FAILED,
  CANCELED,
  REFUNDED,
  PARTIALLY_REFUNDED;

  /** The states each state may move to. */
  public Set<PaymentStatus> next() {
    return switch (this) {
      case CREATED -> EnumSet.of(PENDING, SUCCEEDED, FAILED, CANCELED);
      case PENDING -> EnumSet.of(SUCCEEDED, FAILED, CANCELED);
      case FAILED -> EnumSet.of(PENDING, SUCCEEDED, CANCELED);
      case CANCELED -> EnumSet.of(SUCCEEDED);
      case SUCCEEDED -> EnumSet.of(PARTIALLY_REFUNDED, REFUNDED);
      case PARTIALLY_REFUNDED -> EnumSet.of(PARTIALLY_REFUNDED, REFUNDED);
      case REFUNDED -> EnumSet.noneOf(PaymentStatus.class);
    };
  }

  public boolean canMoveTo(PaymentStatus target) {
    return next().contains(target);
  }

  /** Money was taken and not (wholly) given back. */
  public boolean isRefundable() {
    return this == SUCCEEDED || this == PARTIALLY_REFUNDED;
  }

  /** Money was taken at some point (whatever was given back since). */
  public boolean isPaid() {
    return this == SUCCEEDED || this == PARTIALLY_REFUNDED || this == REFUNDED;
  }

  /** Still waiting for the viewer's money: a checkout may take it. */
  public boolean isUnpaid() {
    return this == CREATED || this == PENDING || this == FAILED;
  }
}
