package org.cinema.billing.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An invoice as its owner (or an administrator) sees it. */
public record InvoiceView(
    UUID id,
    UUID accountId,
    UUID subscriptionId,
    String productName,
    BigDecimal amount,
    String currency,
    Instant periodStart,
    Instant periodEnd,
    InvoiceStatus status,
    Instant paidAt,
    Instant createdAt) {}
