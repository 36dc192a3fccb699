package org.cinema.billing.payment.sandbox;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.cinema.billing.error.BillingException;
import org.cinema.billing.payment.sandbox.SandboxStore.Checkout;
import org.cinema.billing.payment.sandbox.SandboxStore.Intent;
import org.cinema.billing.platform.Money;
import org.cinema.common.error.ErrorCode;

/**
 * The sandbox's hosted checkout: shows what is being paid and takes a test card. It keeps what each
 * attempt did in the sandbox's own records and, like Stripe, reports the result by a signed webhook
 * event once that is committed; it never touches our payments.
 */
@Stateless
public class SandboxCheckout {

  @Inject private SandboxStore store;

  @Inject private SandboxWebhooks webhooks;

  @Inject private SavedCards savedCards;

  @Inject private Clock clock;

  public CheckoutPage page(String sessionId) {
    return page(checkout(store.checkout(sessionId)), Optional.empty());
  }

  /**
   * Tries a card: a test card that succeeds completes the page, is saved for renewals and reports
   * {@code checkout.session.completed}; a declining one reports {@code
   * payment_intent.payment_failed} with Stripe's codes.
   *
   * @throws BillingException CHECKOUT_CLOSED when the page was paid or closed already
   */
  public CheckoutPage pay(String sessionId, CardDetails card, URI apiBase) {
    Checkout checkout = checkout(store.lockCheckout(sessionId));
    if (!checkout.open()) {
      throw new BillingException(
          ErrorCode.CHECKOUT_CLOSED, "This checkout is closed: it is " + checkout.status());
    }
    card.requireUnexpired(clock);
    Optional<TestCard> testCard = TestCard.byNumber(card.number());
    Intent intent =
        store.attempt(
            checkout.paymentRef(),
            checkout.accountRef(),
            checkout.amountMinor(),
            checkout.currency(),
            testCard);
    if (intent.succeeded()) {
      store.complete(sessionId);
      savedCards.save(checkout.accountRef(), card.number());
      Checkout paid = checkout(store.checkout(sessionId));
      webhooks.send("checkout.session.completed", SandboxObjects.session(paid), apiBase);
      return page(paid, Optional.of("Payment accepted. Access opens as soon as it is confirmed."));
    }
    webhooks.send("payment_intent.payment_failed", SandboxObjects.intent(intent), apiBase);
    return page(checkout, Optional.of(intent.errorMessage()));
  }

  private static Checkout checkout(Optional<Checkout> found) {
    return found.orElseThrow(
        () -> new BillingException(ErrorCode.CHECKOUT_NOT_FOUND, "No such checkout"));
  }

  private static CheckoutPage page(Checkout checkout, Optional<String> outcome) {
    return new CheckoutPage(
        checkout.id(),
        checkout.description(),
        Money.fromMinorUnits(checkout.amountMinor(), checkout.currency()),
        checkout.currency(),
        checkout.status(),
        outcome);
  }
}
