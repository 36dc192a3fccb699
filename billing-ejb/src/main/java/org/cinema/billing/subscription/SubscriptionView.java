package org.cinema.billing.subscription;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.cinema.billing.catalog.BillingPeriod;

/**
 * A subscription as its owner (or an administrator) sees it.
 *
 * @param renewalFailures declines of the renewal now owed (PAST_DUE), 0 otherwise
 * @param pastDueSince when that renewal was first declined
 * @param retryAt when it is charged again; null when no retry is left
 * @param payAgainUrl the page where the viewer pays the renewal now owed with another card
 */
public record SubscriptionView(
    UUID id,
    UUID accountId,
    UUID productId,
    String productName,
    SubscriptionStatus status,
    BigDecimal price,
    String currency,
    BillingPeriod period,
    Instant currentPeriodStart,
    Instant currentPeriodEnd,
    boolean cancelAtPeriodEnd,
    Instant createdAt,
    int renewalFailures,
    Instant pastDueSince,
    Instant retryAt,
    String payAgainUrl) {

  /** As a query reads it: the pay-again page is looked up after. */
  public SubscriptionView(
      UUID id,
      UUID accountId,
      UUID productId,
      String productName,
      SubscriptionStatus status,
      BigDecimal price,
      String currency,
      BillingPeriod period,
      Instant currentPeriodStart,
      Instant currentPeriodEnd,
      boolean cancelAtPeriodEnd,
      Instant createdAt,
      int renewalFailures,
      Instant pastDueSince,
      Instant retryAt) {
    this(
        id,
        accountId,
        productId,
        productName,
        status,
        price,
        currency,
        period,
        currentPeriodStart,
        currentPeriodEnd,
        cancelAtPeriodEnd,
        createdAt,
        renewalFailures,
        pastDueSince,
        retryAt,
        null);
  }

  public SubscriptionView withPayAgainUrl(String url) {
    return new SubscriptionView(
        id,
        accountId,
        productId,
        productName,
        status,
        price,
        currency,
        period,
        currentPeriodStart,
        currentPeriodEnd,
        cancelAtPeriodEnd,
        createdAt,
        renewalFailures,
        pastDueSince,
        retryAt,
        url);
  }

  /** When it renews next (the paid period's end, or the next retry when past due); null: never. */
  public Instant nextRenewalAt() {
    return switch (status) {
      case ACTIVE -> cancelAtPeriodEnd ? null : currentPeriodEnd;
      case PAST_DUE -> retryAt;
      default -> null;
    };
  }

  /** When it ends unless something changes: at period end when canceled to it. */
  public Instant endsAt() {
    return status.isRunning() && cancelAtPeriodEnd ? currentPeriodEnd : null;
  }
}
