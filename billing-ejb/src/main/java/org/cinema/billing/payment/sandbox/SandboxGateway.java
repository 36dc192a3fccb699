package org.cinema.billing.payment.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cinema.billing.payment.gateway.CardSetup;
import org.cinema.billing.payment.gateway.CardSetupRequest;
import org.cinema.billing.payment.gateway.CheckoutRequest;
import org.cinema.billing.payment.gateway.CheckoutSession;
import org.cinema.billing.payment.gateway.PaymentGateway;
import org.cinema.billing.payment.gateway.PaymentReference;
import org.cinema.billing.payment.gateway.ProviderEvent;
import org.cinema.billing.payment.gateway.RefundConfirmation;
import org.cinema.billing.payment.gateway.RefundRequest;
import org.cinema.billing.payment.gateway.RenewalCharge;
import org.cinema.billing.payment.gateway.RequestPacing;
import org.cinema.billing.payment.gateway.StripeEventFormat;
import org.cinema.billing.payment.sandbox.SandboxStore.Checkout;
import org.cinema.billing.payment.sandbox.SandboxStore.Intent;
import org.cinema.billing.payment.sandbox.SandboxStore.OffSessionCharge;
import org.cinema.billing.platform.Money;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The offline provider. A payment's checkout is always the same page (its session id derives from
 * our payment id), so opening it twice is harmless; the page, the charge and refunds are the
 * sandbox's own records ({@link SandboxStore}), from which it answers the reconciler's questions as
 * Stripe's API does. A renewal charges the card the viewer last paid with, off-session, and answers
 * at once as Stripe's confirmed PaymentIntent does; when the card is declined (or none is saved)
 * the viewer gets the hosted page. Its card page (a checkout in setup mode) replaces the saved card
 * and charges nothing. Refunds are made at once, once per idempotency key, and confirmed by a
 * {@code charge.refunded} event.
 */
@ApplicationScoped
public class SandboxGateway implements PaymentGateway {

  public static final String NAME = "sandbox";

  private static final int RENEWAL_GROUP = 50;

  @Inject private SandboxStore store;

  @Inject private SandboxWebhooks webhooks;

  @Inject private SavedCards savedCards;

  @Inject private SetupSessions setupSessions;

  @Inject private Clock clock;

  /**
   * {@code SANDBOX_CHARGE_LATENCY_MS} (0): how long an off-session charge takes to answer, to
   * measure renewals against a provider as slow as a real one (the charge is recorded first, as a
   * provider receives it, then the answer waits).
   */
  @Inject
  @ConfigProperty(name = "sandbox.charge-latency-ms", defaultValue = "0")
  private long chargeLatencyMillis;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckoutSession openCheckout(CheckoutRequest request) {
    Checkout checkout = store.openCheckout(request);
    Optional<TestCard> saved =
        request.renewal() ? savedCards.of(request.accountId()) : Optional.empty();
    if (saved.isEmpty()) {
      return session(request, checkout, Optional.empty());
    }
    Intent intent =
        store.attempt(
            request.paymentId(),
            request.accountId(),
            checkout.amountMinor(),
            checkout.currency(),
            saved);
    answerAfterLatency();
    return session(request, checkout, Optional.of(intent));
  }

  /**
   * Renewals in groups of up to {@value #RENEWAL_GROUP}, each group in one transaction of the
   * sandbox's (a provider in the same database needs no network round trip per charge); one at a
   * time when {@code SANDBOX_CHARGE_LATENCY_MS} makes it play a provider over the network.
   */
  @Override
  public int renewalGroupSize() {
    return chargeLatencyMillis > 0 ? 1 : RENEWAL_GROUP;
  }

  @Override
  public List<RenewalCharge> chargeRenewals(List<CheckoutRequest> requests, RequestPacing pacing) {
    if (requests.size() == 1 || chargeLatencyMillis > 0) {
      return PaymentGateway.super.chargeRenewals(requests, pacing);
    }
    requests.forEach(request -> pacing.beforeRequest());
    List<OffSessionCharge> charges = store.chargeSaved(requests);
    List<RenewalCharge> answers = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      CheckoutRequest request = requests.get(i);
      OffSessionCharge charge = charges.get(i);
      answers.add(
          RenewalCharge.answered(request, session(request, charge.checkout(), charge.intent())));
    }
    return answers;
  }

  /**
   * What Stripe answers: the hosted page when no card was tried; the charge when it succeeded; the
   * page again, with the decline, when it failed.
   */
  private CheckoutSession session(
      CheckoutRequest request, Checkout checkout, Optional<Intent> attempt) {
    String page = request.apiBase().resolve("v1/sandbox/checkout/" + checkout.id()).toString();
    if (attempt.isEmpty()) {
      return CheckoutSession.hosted(checkout.id(), page);
    }
    Intent intent = attempt.get();
    if (intent.succeeded()) {
      return new CheckoutSession(
          intent.id(),
          null,
          Optional.of(outcome("off-session charge", "payment_intent.succeeded", intent)));
    }
    return new CheckoutSession(
        checkout.id(),
        page,
        Optional.of(outcome("off-session charge", "payment_intent.payment_failed", intent)));
  }

  private void answerAfterLatency() {
    if (chargeLatencyMillis > 0) {
      try {
        Thread.sleep(chargeLatencyMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String openCardSetup(CardSetupRequest request) {
    String session = setupSessions.open(request.setupId(), request.accountId()).id();
    return request.apiBase().resolve("v1/sandbox/checkout/" + session).toString();
  }

  /** Nothing to do: the sandbox's card page saved the card itself. */
  @Override
  public void cardSetUp(CardSetup setup) {}

  @Override
  public RefundConfirmation refund(RefundRequest request) {
    SandboxStore.RefundMade made =
        store.refund(
            "refund-" + request.refundId(),
            request.paymentId(),
            Money.toMinorUnits(request.amount(), request.currency()));
    Intent intent = store.intentOf(request.paymentId()).orElseThrow();
    JsonObject charge = SandboxObjects.refundedCharge(intent, made.refundedMinorInAll());
    webhooks.sendRefundConfirmation(charge, request.apiBase());
    return new RefundConfirmation(made.id());
  }

  @Override
  public Optional<ProviderEvent> lookup(PaymentReference payment) {
    return lookup(payment, "reconciler");
  }

  private Optional<ProviderEvent> lookup(PaymentReference payment, String source) {
    Optional<Intent> intent = store.intentOf(payment.paymentId());
    Optional<Checkout> checkout = store.checkoutOf(payment.paymentId());
    if (intent.isPresent() && intent.get().succeeded()) {
      return Optional.of(
          checkout.isPresent() && "complete".equals(checkout.get().status())
              ? read(source, "checkout.session.completed", SandboxObjects.session(checkout.get()))
              : outcome(source, "payment_intent.succeeded", intent.get()));
    }
    if (checkout.isPresent() && "expired".equals(checkout.get().status())) {
      return Optional.of(
          read(source, "checkout.session.expired", SandboxObjects.session(checkout.get())));
    }
    if (intent.isPresent() && intent.get().errorCode() != null) {
      return Optional.of(outcome(source, "payment_intent.payment_failed", intent.get()));
    }
    return Optional.empty();
  }

  @Override
  public Optional<ProviderEvent> closeCheckout(PaymentReference payment) {
    Optional<Checkout> closed = store.expire(payment.paymentId());
    if (store.intentOf(payment.paymentId()).map(Intent::succeeded).orElse(false)) {
      return lookup(payment, "checkout closed");
    }
    closed
        .filter(checkout -> "expired".equals(checkout.status()))
        .ifPresent(
            checkout ->
                webhooks.send("checkout.session.expired", SandboxObjects.session(checkout), null));
    return Optional.empty();
  }

  @Override
  public String webhookSecret() {
    return webhooks.secret();
  }

  private ProviderEvent outcome(String source, String type, Intent intent) {
    return StripeEventFormat.readObject(
        source, type, SandboxObjects.intent(intent), clock.instant());
  }

  private ProviderEvent read(String source, String type, JsonObject object) {
    return StripeEventFormat.readObject(source, type, object, clock.instant());
  }
}
