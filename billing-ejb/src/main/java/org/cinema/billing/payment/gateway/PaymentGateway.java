package org.cinema.billing.payment.gateway;

import java.util.Optional;
import org.cinema.billing.payment.ProviderEvent;

/**
 * A payment provider. Calls are made outside database transactions and must be idempotent per
 * payment (or refund) id: a retry after a timeout must not charge or refund twice.
 */
public interface PaymentGateway {

  /** The provider's name as stored with each payment ({@code sandbox}, {@code stripe}). */
  String name();

  /** Opens (or finds again) the hosted checkout where the viewer pays, or charges a saved card. */
  CheckoutSession openCheckout(CheckoutRequest request);

  /** Gives money back; the outcome is confirmed later by a {@code charge.refunded} event too. */
  RefundConfirmation refund(RefundRequest request);

  /** The secret that signs this provider's webhook events ({@code Stripe-Signature}). */
  String webhookSecret();

  /**
   * Asks the provider what became of a payment we still think is open, for the reconciler.
   *
   * @return the outcome when the provider knows one; empty while it is still open (or when the
   *     provider reports everything by webhook and keeps nothing to ask, as the sandbox)
   */
  default Optional<ProviderEvent> lookup(PaymentReference payment) {
    return Optional.empty();
  }
}
