package org.cinema.billing.payment.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import org.cinema.billing.payment.gateway.CheckoutRequest;
import org.cinema.billing.payment.gateway.CheckoutSession;
import org.cinema.billing.payment.gateway.PaymentGateway;
import org.cinema.billing.payment.gateway.RefundConfirmation;
import org.cinema.billing.payment.gateway.RefundRequest;
import org.cinema.billing.webhook.StripeEventFormat;

/**
 * The offline provider. Its checkout for a payment is always the same page (the session id derives
 * from our payment id), so opening it twice is harmless; refunds are accepted at once and confirmed
 * by a {@code charge.refunded} event, as Stripe does.
 */
@ApplicationScoped
public class SandboxGateway implements PaymentGateway {

  public static final String NAME = "sandbox";

  @Inject private SandboxWebhooks webhooks;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckoutSession openCheckout(CheckoutRequest request) {
    String session = "cs_sandbox_" + request.paymentId().toString().replace("-", "");
    return CheckoutSession.hosted(
        session, request.apiBase().resolve("v1/sandbox/checkout/" + session).toString());
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
