package org.cinema.billing.subscription;

import java.util.EnumSet;
import java.util.Set;

/** Where a subscription is in its life, and the one table of moves between those states. */
public enum SubscriptionStatus {
  /** Created, first payment not made yet. */
  PENDING,
  /** Paid for the current period. */
  ACTIVE,
  /**
   * A renewal payment failed: the period it was for is not paid (the one paid before stays
   * watchable to its end); paying the renewal's checkout makes it ACTIVE again.
   */
  PAST_DUE,
  /** Ended early: refunded, or abandoned before payment. */
  CANCELED,
  /** Ran to the end of its last paid period: cancelled to period end, or renewal never paid. */
  EXPIRED;

  /** The states each state may move to (ACTIVE to ACTIVE: renewed). */
  public Set<SubscriptionStatus> next() {
    return switch (this) {
      case PENDING -> EnumSet.of(ACTIVE, CANCELED);
      case ACTIVE -> EnumSet.of(ACTIVE, PAST_DUE, CANCELED, EXPIRED);
      case PAST_DUE -> EnumSet.of(ACTIVE, CANCELED, EXPIRED);
      case CANCELED, EXPIRED -> EnumSet.noneOf(SubscriptionStatus.class);
    };
  }

  public boolean canMoveTo(SubscriptionStatus target) {
    return next().contains(target);
  }

  /** Statuses that hold the one open slot per account and product. */
  public boolean isOpen() {
    return this == PENDING || this == ACTIVE || this == PAST_DUE;
  }

  /** Paid at least once and still running: it renews, its access follows the paid period. */
  public boolean isRunning() {
    return this == ACTIVE || this == PAST_DUE;
  }
}
