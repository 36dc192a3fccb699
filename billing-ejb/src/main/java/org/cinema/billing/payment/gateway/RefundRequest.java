package org.cinema.billing.payment.gateway;

import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;

/** Money to give back on a payment the provider knows as {@code providerPaymentId}. */
public record RefundRequest(
    UUID refundId,
    UUID paymentId,
    UUID accountId,
    String providerPaymentId,
    BigDecimal amount,
    BigDecimal refundedTotalAfter,
    String currency,
    URI apiBase) {}
