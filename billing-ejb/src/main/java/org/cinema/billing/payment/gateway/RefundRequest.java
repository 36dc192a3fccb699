package org.cinema.billing.payment.gateway;

import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;

/**
 * Money to give back on a payment the provider knows as {@code providerPaymentId}.
 *
 * @param providerIntentId the provider's id of the charge itself, when known (Stripe: the
 *     PaymentIntent behind a Checkout Session); may be null
 */
public record RefundRequest(
    UUID refundId,
    UUID paymentId,
    UUID accountId,
    String providerPaymentId,
    String providerIntentId,
    BigDecimal amount,
    BigDecimal refundedTotalAfter,
    String currency,
    URI apiBase) {}
