package org.cinema.billing.payment.sandbox;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.cinema.billing.payment.sandbox.SandboxStore.Checkout;
import org.cinema.billing.payment.sandbox.SandboxStore.Intent;
import org.cinema.billing.payment.sandbox.SetupSessions.SetupSession;
import org.cinema.common.json.Jsons;

/** The sandbox's records written as the Stripe objects its events and answers carry. */
final class SandboxObjects {

  private SandboxObjects() {}

  static JsonObject session(Checkout checkout) {
    boolean complete = "complete".equals(checkout.status());
    return withMetadata(checkout.paymentRef().toString(), checkout.accountRef().toString())
        .add("id", checkout.id())
        .add("object", "checkout.session")
        .add("status", checkout.status())
        .add("payment_status", complete ? "paid" : "unpaid")
        .add("payment_intent", checkout.intentId())
        .add("amount_total", checkout.amountMinor())
        .add("currency", checkout.currency().toLowerCase())
        .build();
  }

  static JsonObject setupSession(SetupSession session) {
    return Jsons.object()
        .add("id", session.id())
        .add("object", "checkout.session")
        .add("mode", "setup")
        .add("status", session.status())
        .add("payment_status", "no_payment_required")
        .add("setup_intent", session.setupIntentId())
        .add("metadata", Jsons.object().add("user_id", session.accountRef().toString()))
        .build();
  }

  static JsonObject intent(Intent intent) {
    JsonObjectBuilder object =
        withMetadata(intent.paymentRef().toString(), intent.accountRef().toString())
            .add("id", intent.id())
            .add("object", "payment_intent")
            .add("status", intent.status())
            .add("amount", intent.amountMinor())
            .add("amount_received", intent.succeeded() ? intent.amountMinor() : 0)
            .add("currency", intent.currency().toLowerCase());
    if (intent.errorCode() != null) {
      JsonObjectBuilder error =
          Jsons.object()
              .add("code", intent.errorCode())
              .add("message", intent.errorMessage())
              .add("type", "card_error");
      if (intent.declineCode() != null) {
        error.add("decline_code", intent.declineCode());
      }
      object.add("last_payment_error", error);
    }
    return object.build();
  }

  static JsonObject refundedCharge(Intent intent, long refundedMinorInAll) {
    return withMetadata(intent.paymentRef().toString(), intent.accountRef().toString())
        .add("id", intent.id().replace("pi_", "ch_"))
        .add("object", "charge")
        .add("payment_intent", intent.id())
        .add("amount", intent.amountMinor())
        .add("amount_refunded", refundedMinorInAll)
        .add("currency", intent.currency().toLowerCase())
        .add("refunded", refundedMinorInAll >= intent.amountMinor())
        .build();
  }

  private static JsonObjectBuilder withMetadata(String payment, String account) {
    return Jsons.object()
        .add("metadata", Jsons.object().add("payment_id", payment).add("user_id", account));
  }
}
