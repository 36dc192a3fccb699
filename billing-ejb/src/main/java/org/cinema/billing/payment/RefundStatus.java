package org.cinema.billing.payment;

import java.util.EnumSet;
import java.util.Set;

/**
 * Whether the provider has given the money back, and the table of moves. A refund whose call timed
 * out stays PENDING (its outcome is unknown, not failed) until the provider is asked again with the
 * same idempotency key.
 */
public enum RefundStatus {
  PENDING,
  SUCCEEDED,
  FAILED;

  public Set<RefundStatus> next() {
    return switch (this) {
      case PENDING -> EnumSet.of(SUCCEEDED, FAILED);
      case SUCCEEDED, FAILED -> EnumSet.noneOf(RefundStatus.class);
    };
  }

  public boolean canMoveTo(RefundStatus target) {
    return next().contains(target);
  }
}
