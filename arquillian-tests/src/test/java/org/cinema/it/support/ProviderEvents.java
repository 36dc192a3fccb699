package org.cinema.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.UUID;

/**
 * Stripe-format events as a provider sends them, for tests that play the provider: the objects
 * carry what Stripe's carry (amounts in minor units, the currency, our ids in the metadata).
 */
public final class ProviderEvents {

  private ProviderEvents() {}

  /** A paid Checkout Session of {@code minor} {@code currency} for our payment. */
  public static String checkoutCompleted(
      String paymentId, long minor, String currency, String intent) {
    return event(
        "checkout.session.completed",
        Json.createObjectBuilder()
            .add("id", id("cs_test_"))
            .add("object", "checkout.session")
            .add("status", "complete")
            .add("payment_status", "paid")
            .add("payment_intent", intent)
            .add("amount_total", minor)
            .add("currency", currency.toLowerCase())
            .add("metadata", metadata(paymentId)));
  }

  /** A paid Checkout Session of 299.00 RUB, the price of most test products. */
  public static String checkoutCompleted(String paymentId) {
    return checkoutCompleted(paymentId, 29_900, "rub", id("pi_test_"));
  }

  /** A card declined on our payment. */
  public static String paymentFailed(String paymentId) {
    return event(
        "payment_intent.payment_failed",
        Json.createObjectBuilder()
            .add("id", id("pi_test_"))
            .add("object", "payment_intent")
            .add(
                "last_payment_error",
                Json.createObjectBuilder().add("code", "card_declined").add("message", "declined"))
            .add("metadata", metadata(paymentId)));
  }

  /**
   * A charge refunded, {@code refundedInAll} minor units so far; {@code paymentId} null for a
   * charge that names only its PaymentIntent.
   */
  public static String chargeRefunded(
      String paymentId, String intent, long refundedInAll, String currency) {
    JsonObjectBuilder charge =
        Json.createObjectBuilder()
            .add("id", id("ch_test_"))
            .add("object", "charge")
            .add("payment_intent", intent)
            .add("amount_refunded", refundedInAll)
            .add("currency", currency.toLowerCase())
            .add("refunded", true);
    if (paymentId != null) {
      charge.add("metadata", metadata(paymentId));
    }
    return event("charge.refunded", charge);
  }

  public static String event(String type, JsonObjectBuilder object) {
    return Json.createObjectBuilder()
        .add("id", id("evt_test_"))
        .add("object", "event")
        .add("created", Instant.now().getEpochSecond())
        .add("type", type)
        .add("data", Json.createObjectBuilder().add("object", object))
        .build()
        .toString();
  }

  public static String id(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
  }

  private static JsonObjectBuilder metadata(String paymentId) {
    return Json.createObjectBuilder().add("payment_id", paymentId);
  }
}
