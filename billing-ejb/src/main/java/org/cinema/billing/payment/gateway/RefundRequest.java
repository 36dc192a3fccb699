package org.cinema.billing.payment.gateway;

import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;

/**
 * Money to give back on a payment the provider knows as {@code providerPaymentId}. The refund id is
 * the idempotency key: asking again with it never refunds twice.
 *
 * @param providerIntentId the provider's id of the charge itself, when known (Stripe: the
 *     PaymentIntent behind a Checkout Session); may be null
 * @param retry whether this refund was asked of the provider before (its outcome was unknown): the
 *     provider should look for it before making it
 * @param apiBase the API's base for links back to us; may be null when no request is at hand
 */
public record RefundRequest(
    UUID refundId,
    UUID paymentId,
    UUID accountId,
    String providerPaymentId,
    String providerIntentId,
    BigDecimal amount,
    String currency,
    boolean retry,
    URI apiBase) {}
