package org.cinema.billing.payment.stripe;

import com.stripe.exception.CardException;

/** Stripe refused to charge a card: the viewer's card problem, not Stripe's, never retried. */
class CardDeclined extends RuntimeException {

  private final transient CardException cause;

  CardDeclined(CardException cause) {
    super(cause.getMessage(), cause);
    this.cause = cause;
  }

  /** The decline code when Stripe gives one ({@code insufficient_funds}), else the error code. */
  String code() {
    return cause.getDeclineCode() != null ? cause.getDeclineCode() : cause.getCode();
  }

  String intentId() {
    var intent = cause.getStripeError() == null ? null : cause.getStripeError().getPaymentIntent();
    return intent == null ? null : intent.getId();
  }
}
