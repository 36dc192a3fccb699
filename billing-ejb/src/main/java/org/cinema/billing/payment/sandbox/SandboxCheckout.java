package org.cinema.billing.payment.sandbox;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import org.cinema.billing.error.BillingException;
import org.cinema.billing.error.ErrorCode;
import org.cinema.billing.payment.Payment;
import org.cinema.billing.payment.PaymentLedger;
import org.cinema.billing.webhook.StripeEventFormat;

/**
 * The sandbox's hosted checkout: shows what is being paid and takes a test card. It never changes a
 * payment itself; like Stripe, it reports the result by a signed webhook event.
 */
@Stateless
public class SandboxCheckout {

  @PersistenceContext private EntityManager em;

  @Inject private PaymentLedger payments;

  @Inject private SandboxWebhooks webhooks;

  @Inject private SavedCards savedCards;

  @Inject private Clock clock;

  public CheckoutPage page(String sessionId) {
    return page(payment(sessionId), Optional.empty());
  }

  /**
   * Tries a card: a test card that succeeds is saved for renewals and reports {@code
   * checkout.session.completed}, a declining one {@code payment_intent.payment_failed} with
   * Stripe's codes.
   *
   * @throws BillingException CHECKOUT_CLOSED when the payment is settled or canceled already
   */
  public CheckoutPage pay(String sessionId, CardDetails card, URI apiBase) {
    Payment payment = payment(sessionId);
    CheckoutPage before = page(payment, Optional.empty());
    if (!before.open()) {
      throw new BillingException(
          ErrorCode.CHECKOUT_CLOSED, "This checkout is closed: the payment is " + payment.status());
    }
    YearMonth expiry =
        YearMonth.of(
            card.expYear() < 100 ? 2000 + card.expYear() : card.expYear(), card.expMonth());
    if (expiry.isBefore(YearMonth.now(clock.withZone(ZoneOffset.UTC)))) {
      throw new BillingException(ErrorCode.INVALID_INPUT, "The card has expired");
    }
    Optional<TestCard> testCard = TestCard.byNumber(card.number());
    String intent = "pi_sandbox_" + payment.id().toString().replace("-", "");
    if (testCard.isPresent() && testCard.get().succeeds()) {
      savedCards.save(payment.accountId(), card.number());
      webhooks.send(
          "checkout.session.completed",
          withPayment(payment)
              .add("id", sessionId)
              .add("object", "checkout.session")
              .add("payment_status", "paid")
              .add("status", "complete")
              .add("payment_intent", intent)
              .add(
                  "amount_total",
                  StripeEventFormat.toMinorUnits(payment.amount(), payment.currency()))
              .add("currency", payment.currency().toLowerCase())
              .build(),
          apiBase);
      return page(
          payment, Optional.of("Payment accepted. Access opens as soon as it is confirmed."));
    }
    String code = testCard.map(TestCard::code).orElse("incorrect_number");
    String message = testCard.map(TestCard::message).orElse("Your card number is incorrect.");
    JsonObjectBuilder error =
        Json.createObjectBuilder()
            .add("code", code)
            .add("message", message)
            .add("type", "card_error");
    testCard.map(TestCard::declineCode).ifPresent(decline -> error.add("decline_code", decline));
    webhooks.send(
        "payment_intent.payment_failed",
        withPayment(payment)
            .add("id", intent)
            .add("object", "payment_intent")
            .add("status", "requires_payment_method")
            .add("last_payment_error", error)
            .build(),
        apiBase);
    return page(payment, Optional.of(message));
  }

  private JsonObjectBuilder withPayment(Payment payment) {
    return Json.createObjectBuilder()
        .add(
            "metadata",
            Json.createObjectBuilder()
                .add("payment_id", payment.id().toString())
                .add("user_id", payment.accountId().toString()));
  }

  private Payment payment(String sessionId) {
    return payments
        .findByProviderPaymentId(SandboxGateway.NAME, sessionId)
        .orElseThrow(() -> new BillingException(ErrorCode.CHECKOUT_NOT_FOUND, "No such checkout"));
  }

  private CheckoutPage page(Payment payment, Optional<String> outcome) {
    String product =
        em.createQuery(
                "select pr.name from Invoice i, Subscription s, Product pr"
                    + " where i.id = :invoice and s.id = i.subscriptionId and pr.id = s.productId",
                String.class)
            .setParameter("invoice", payment.invoiceId())
            .getSingleResult();
    return new CheckoutPage(
        payment.providerPaymentId(),
        product,
        payment.amount(),
        payment.currency(),
        payment.status(),
        outcome);
  }
}
