package org.cinema.billing.subscription;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.cinema.billing.catalog.BillingPeriod;

/** A subscription as its owner (or an administrator) sees it. */
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
    Instant createdAt) {}
