package org.cinema.billing.subscription;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import org.cinema.billing.catalog.BillingPeriod;
import org.cinema.billing.payment.PaymentStatus;

/**
 * The payment a subscribe request leads to.
 *
 * @param checkoutUrl the page to pay on, when the provider has opened it already
 * @param paymentStatus the payment's status when the ticket was made
 * @param created whether this request created the subscription (false: an unpaid one was reused)
 * @param pastDue whether the subscription was past due already (a dunning retry)
 */
public record CheckoutTicket(
    UUID subscriptionId,
    UUID paymentId,
    UUID accountId,
    String customerEmail,
    String customerName,
    String productName,
    BigDecimal price,
    String currency,
    BillingPeriod period,
    Optional<String> checkoutUrl,
    PaymentStatus paymentStatus,
    boolean created,
    boolean pastDue) {}
