package org.cinema.billing.payment.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A payment provider. Calls are made outside database transactions and must be idempotent per
 * payment (or refund) id: a retry after a timeout must not charge or refund twice. A call whose
 * outcome is unknown throws {@link GatewayException#unknown}; one the provider refused, {@link
 * GatewayException#refused}.
 */
public interface PaymentGateway {

  /** The provider's name as stored with each payment ({@code sandbox}, {@code stripe}). */
  String name();

  /**
   * How many requests a second the renewals may send this provider when {@code
   * RENEWAL_REQUESTS_PER_SECOND} does not say: below its published rate limit; 0 for none.
   */
  default double defaultRequestsPerSecond() {
    return 0;
  }

  /** Opens (or finds again) the hosted checkout where the viewer pays, or charges a saved card. */
  CheckoutSession openCheckout(CheckoutRequest request);

  /**
   * {@link #openCheckout(CheckoutRequest)}, with {@code pacing} before each request sent to the
   * provider: one by default; a gateway that sends more overrides this.
   */
  default CheckoutSession openCheckout(CheckoutRequest request, RequestPacing pacing) {
    pacing.beforeRequest();
    return openCheckout(request);
  }

  /**
   * How many renewals the renewal engine hands {@link #chargeRenewals} at once: 1 (the default) for
   * a provider called over the network, whose charges the engine spreads over its threads one by
   * one and records as each answers.
   */
  default int renewalGroupSize() {
    return 1;
  }

  /**
   * Charges a group of renewals ({@link CheckoutRequest#renewal()}) as {@link
   * #openCheckout(CheckoutRequest, RequestPacing)} does each: one that fails carries its error and
   * does not stop the others.
   *
   * @return one answer per request, in the requests' order
   */
  default List<RenewalCharge> chargeRenewals(List<CheckoutRequest> requests, RequestPacing pacing) {
    List<RenewalCharge> answers = new ArrayList<>(requests.size());
    for (CheckoutRequest request : requests) {
      try {
        answers.add(RenewalCharge.answered(request, openCheckout(request, pacing)));
      } catch (GatewayException e) {
        answers.add(RenewalCharge.failed(request, e));
      }
    }
    return answers;
  }

  /**
   * Opens a page where the viewer saves a card that later charges without them use (renewals),
   * charging nothing: Stripe's Checkout Session in setup mode. Idempotent per {@code setupId}.
   *
   * @return the page's URL
   */
  String openCardSetup(CardSetupRequest request);

  /**
   * The provider reported that a card page completed: makes the card saved there the one that later
   * charges without the viewer use. It may be told more than once about one page (a repeated or
   * retried event), and about two pages in either order.
   */
  void cardSetUp(CardSetup setup);

  /** Gives money back; the outcome is confirmed later by a {@code charge.refunded} event too. */
  RefundConfirmation refund(RefundRequest request);

  /** The secret that signs this provider's webhook events ({@code Stripe-Signature}). */
  String webhookSecret();

  /**
   * Asks the provider what became of a payment we still think is open, for the reconciler.
   *
   * @return the outcome when the provider knows one; empty while it is still open
   */
  Optional<ProviderEvent> lookup(PaymentReference payment);

  /**
   * Closes the checkout of a payment our side ended, so that it takes no money any more (Stripe:
   * expires the Checkout Session). Closing one closed already is no error.
   *
   * @return what the provider knew already when it could not be closed because it was paid: the
   *     money came, and the caller gives it back
   */
  Optional<ProviderEvent> closeCheckout(PaymentReference payment);
}
