package org.cinema.billing.payment.stripe;

import com.stripe.model.PaymentMethod;
import java.util.Optional;

/**
 * Which of a Stripe customer's cards a charge without the viewer uses: the card saved last. That is
 * the customer's default payment method (a card page makes its card the default), unless a card was
 * attached after it: a checkout paid with another card saves that one, and the viewer who paid with
 * it expects it to be charged next, as the sandbox does.
 */
final class CardOnFile {

  private CardOnFile() {}

  /**
   * @param byDefault the customer's {@code invoice_settings.default_payment_method}
   * @param newest the card most recently attached to the customer
   */
  static Optional<PaymentMethod> choose(
      Optional<PaymentMethod> byDefault, Optional<PaymentMethod> newest) {
    if (byDefault.isEmpty()) {
      return newest;
    }
    Long defaultCreated = byDefault.get().getCreated();
    Long newestCreated = newest.map(PaymentMethod::getCreated).orElse(null);
    if (defaultCreated != null && newestCreated != null && newestCreated > defaultCreated) {
      return newest;
    }
    return byDefault;
  }
}
