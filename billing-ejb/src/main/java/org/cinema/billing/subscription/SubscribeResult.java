package org.cinema.billing.subscription;

import org.cinema.billing.payment.PaymentStatus;

/**
 * A subscription waiting for payment and the page to pay on; or, when a saved card was charged at
 * once, no page and the payment's outcome.
 *
 * @param checkoutUrl null when there is nothing for the viewer to do
 */
public record SubscribeResult(
    CheckoutTicket ticket, String checkoutUrl, PaymentStatus paymentStatus) {}
