package org.cinema.billing.payment.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.util.Optional;
import org.cinema.billing.payment.ProviderEvent;
import org.cinema.billing.payment.gateway.CheckoutRequest;
import org.cinema.billing.payment.gateway.CheckoutSession;
import org.cinema.billing.payment.gateway.PaymentGateway;
import org.cinema.billing.payment.gateway.RefundConfirmation;
import org.cinema.billing.payment.gateway.RefundRequest;
import org.cinema.billing.webhook.StripeEventFormat;

/**
 * The offline provider. Its checkout for a payment is always the same page (the session id derives
 * from our payment id), so opening it twice is harmless; refunds are accepted at once and confirmed
 * by a {@code charge.refunded} event, as Stripe does. A renewal charges the card the viewer last
 * paid with, off-session, and answers at once as Stripe's confirmed PaymentIntent does; when the
 * card is declined (or none is saved) the viewer gets the hosted page.
 */
@ApplicationScoped
public class SandboxGateway implements PaymentGateway {

  public static final String NAME = "sandbox";

  @Inject private SandboxWebhooks webhooks;

  @Inject private SavedCards savedCards;

  @Inject private Clock clock;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckoutSession openCheckout(CheckoutRequest request) {
    String session = "cs_sandbox_" + hex(request);
    String page = request.apiBase().resolve("v1/sandbox/checkout/" + session).toString();
    Optional<TestCard> saved =
        request.renewal() ? savedCards.of(request.accountId()) : Optional.empty();
    if (saved.isEmpty()) {
      return CheckoutSession.hosted(session, page);
    }
    TestCard card = saved.get();
    String intent = "pi_sandbox_" + hex(request);
    JsonObjectBuilder object =
        Json.createObjectBuilder()
            .add("id", intent)
            .add("object", "payment_intent")
            .add(
                "metadata",
                Json.createObjectBuilder()
                    .add("payment_id", request.paymentId().toString())
                    .add("user_id", request.accountId().toString()));
    if (card.succeeds()) {
      object.add("status", "succeeded");
      return new CheckoutSession(
          intent, null, Optional.of(outcome("payment_intent.succeeded", object)));
    }
    object
        .add("status", "requires_payment_method")
        .add(
            "last_payment_error",
            Json.createObjectBuilder()
                .add("code", card.code())
                .add("decline_code", card.declineCode())
                .add("message", card.message())
                .add("type", "card_error"));
    return new CheckoutSession(
        session, page, Optional.of(outcome("payment_intent.payment_failed", object)));
  }

  private ProviderEvent outcome(String type, JsonObjectBuilder object) {
    return StripeEventFormat.readObject(
        "off-session charge", type, object.build(), clock.instant());
  }

  private static String hex(CheckoutRequest request) {
    return request.paymentId().toString().replace("-", "");
  }

  @Override
  public RefundConfirmation refund(RefundRequest request) {
    String refundId = "re_sandbox_" + request.refundId().toString().replace("-", "");
    webhooks.send(
        "charge.refunded",
        Json.createObjectBuilder()
            .add("id", "ch_sandbox_" + request.paymentId().toString().replace("-", ""))
            .add("object", "charge")
            .add("payment_intent", request.providerPaymentId())
            .add("currency", request.currency().toLowerCase())
            .add(
                "amount_refunded",
                StripeEventFormat.toMinorUnits(request.refundedTotalAfter(), request.currency()))
            .add("refunded", true)
            .add(
                "metadata",
                Json.createObjectBuilder()
                    .add("payment_id", request.paymentId().toString())
                    .add("user_id", request.accountId().toString()))
            .build(),
        request.apiBase());
    return new RefundConfirmation(refundId);
  }

  @Override
  public String webhookSecret() {
    return webhooks.secret();
  }
}
