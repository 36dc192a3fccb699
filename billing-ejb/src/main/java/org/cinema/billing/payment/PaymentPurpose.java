package org.cinema.billing.payment;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * What a payment pays for (an invoice of a subscription), told of what happened to the payment. The
 * payment's ledger calls it in its own transaction, the payment row locked; the subscription side
 * implements it, so that payments need not know subscriptions (one direction between the two
 * packages).
 */
public interface PaymentPurpose {

  /**
   * Locks, one statement per kind, what these payments pay for, before the ledger applies a group
   * of outcomes to them (their own rows locked already).
   */
  void lockAll(Collection<Payment> payments);

  /**
   * The payment's money arrived.
   *
   * @return empty when what it pays for took it; otherwise why it cannot (ended, void, paid
   *     already), and the ledger gives the money back
   */
  Optional<String> paid(Payment payment, Instant at);

  /** The payment's card was declined. */
  void declined(Payment payment, Instant at);

  /** The provider closed the payment's checkout unpaid. */
  void checkoutExpired(Payment payment, Instant at);

  /** All of the payment's money went back (or never stayed: refunded before it was applied). */
  void refundedWhole(Payment payment, Instant at);

  /**
   * The ledger is done with the payment in this transaction (its page, if any, is known): what the
   * calls above changed is told to the outbox now.
   */
  void announce(Payment payment);
}
