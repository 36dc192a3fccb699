package org.cinema.billing.payment;

import java.util.UUID;

/**
 * Provider work that a committed change calls for, done after the commit and outside any
 * transaction ({@link PaymentFollowUps}): a refund to send, a checkout to close. Should the process
 * die before it is done, the reconciler finds the refund pending or the checkout still open.
 */
public sealed interface PaymentFollowUp {

  /** A pending refund (made automatically) to send to the provider. */
  record SendRefund(UUID refundId) implements PaymentFollowUp {}

  /** The checkout of a payment our side canceled, to close at the provider. */
  record CloseCheckout(UUID paymentId) implements PaymentFollowUp {}
}
