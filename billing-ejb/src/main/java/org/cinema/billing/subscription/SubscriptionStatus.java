package org.cinema.billing.subscription;

/** Where a subscription is in its life. */
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

  /** Statuses that hold the one open slot per account and product. */
  public boolean isOpen() {
    return this == PENDING || this == ACTIVE || this == PAST_DUE;
  }
}
