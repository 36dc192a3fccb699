package org.cinema.billing.payment;

import java.util.EnumSet;
import java.util.Set;

/**
 * A payment's states and the one table of moves between them. FAILED may still succeed or be
 * retried: a viewer whose card was declined can try another card on the same checkout.
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
      case SUCCEEDED -> EnumSet.of(PARTIALLY_REFUNDED, REFUNDED);
      case PARTIALLY_REFUNDED -> EnumSet.of(PARTIALLY_REFUNDED, REFUNDED);
      case CANCELED, REFUNDED -> EnumSet.noneOf(PaymentStatus.class);
    };
  }

  public boolean canMoveTo(PaymentStatus target) {
    return next().contains(target);
  }

  /** Money was taken and not (wholly) given back. */
  public boolean isRefundable() {
    return this == SUCCEEDED || this == PARTIALLY_REFUNDED;
  }
}
