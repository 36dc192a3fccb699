package org.cinema.billing.payment.gateway;

/**
 * A payment provider. Calls are made outside database transactions and must be idempotent per
 * payment (or refund) id: a retry after a timeout must not charge or refund twice.
 */
public interface PaymentGateway {

  /** The provider's name as stored with each payment ({@code sandbox}, {@code stripe}). */
  String name();

  /** Opens (or finds again) the hosted checkout where the viewer pays. */
  CheckoutSession openCheckout(CheckoutRequest request);

  /** Gives money back; the outcome is confirmed later by a {@code charge.refunded} event too. */
  RefundConfirmation refund(RefundRequest request);

  /** The secret that signs this provider's webhook events ({@code Stripe-Signature}). */
  String webhookSecret();
}
