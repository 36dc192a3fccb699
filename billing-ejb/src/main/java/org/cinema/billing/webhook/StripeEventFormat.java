package org.cinema.billing.webhook;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.cinema.billing.payment.ProviderEvent;
import org.cinema.billing.payment.ProviderEvent.Outcome;

/**
 * Reads Stripe-format events (the sandbox writes the same format) into {@link ProviderEvent}s, from
 * the raw JSON: no typed Stripe model, so an event of another API version still parses.
 */
public final class StripeEventFormat {

  private StripeEventFormat() {}

  public static ProviderEvent read(String payload) {
    JsonObject event = parse(payload);
    Instant created =
        event.containsKey("created")
            ? Instant.ofEpochSecond(event.getJsonNumber("created").longValue())
            : Instant.now();
    return readObject(
        "webhook " + event.getString("id"),
        event.getString("type"),
        event.getJsonObject("data").getJsonObject("object"),
        created);
  }

  /**
   * What a Stripe object says about a payment, read as the event {@code type} would carry it: used
   * for webhook events and for objects the Stripe API returns (the reconciler, a saved-card
   * charge).
   */
  public static ProviderEvent readObject(
      String source, String type, JsonObject object, Instant occurredAt) {
    Optional<UUID> paymentId =
        Optional.ofNullable(object.getJsonObject("metadata"))
            .flatMap(metadata -> string(metadata, "payment_id"))
            .map(UUID::fromString);
    Outcome outcome = Outcome.IGNORED;
    Optional<String> providerPaymentId = Optional.empty();
    Optional<String> providerIntentId = Optional.empty();
    Optional<String> failureCode = Optional.empty();
    Optional<String> failureMessage = Optional.empty();
    Optional<BigDecimal> refunded = Optional.empty();
    switch (type) {
      case "checkout.session.completed" -> {
        providerPaymentId = string(object, "id");
        providerIntentId = string(object, "payment_intent");
        if ("paid".equals(string(object, "payment_status").orElse(""))) {
          outcome = Outcome.SUCCEEDED;
        }
      }
      case "checkout.session.expired" -> {
        providerPaymentId = string(object, "id");
        outcome = Outcome.CANCELED;
      }
      case "payment_intent.canceled" -> {
        providerPaymentId = string(object, "id");
        providerIntentId = providerPaymentId;
        outcome = Outcome.CANCELED;
      }
      case "payment_intent.succeeded" -> {
        providerPaymentId = string(object, "id");
        providerIntentId = providerPaymentId;
        outcome = Outcome.SUCCEEDED;
      }
      case "payment_intent.payment_failed" -> {
        providerPaymentId = string(object, "id");
        providerIntentId = providerPaymentId;
        outcome = Outcome.FAILED;
        JsonObject error = object.getJsonObject("last_payment_error");
        if (error != null) {
          failureCode = string(error, "decline_code").or(() -> string(error, "code"));
          failureMessage = string(error, "message");
        }
      }
      case "charge.refunded" -> {
        providerPaymentId = string(object, "payment_intent");
        providerIntentId = providerPaymentId;
        outcome = Outcome.REFUNDED;
        refunded =
            Optional.of(
                fromMinorUnits(
                    object.getJsonNumber("amount_refunded").longValue(),
                    string(object, "currency").orElseThrow()));
      }
      default -> {}
    }
    return new ProviderEvent(
        source,
        type,
        outcome,
        paymentId,
        providerPaymentId,
        providerIntentId,
        failureCode,
        failureMessage,
        refunded,
        occurredAt);
  }

  /** Minor units (what providers send) to an amount: 29900 RUB kopecks to 299.00. */
  public static BigDecimal fromMinorUnits(long minor, String currency) {
    int digits = Currency.getInstance(currency.toUpperCase()).getDefaultFractionDigits();
    return BigDecimal.valueOf(minor, Math.max(digits, 0));
  }

  /** An amount to minor units, exactly (no rounding: a fraction of a kopeck is a bug). */
  public static long toMinorUnits(BigDecimal amount, String currency) {
    int digits = Currency.getInstance(currency.toUpperCase()).getDefaultFractionDigits();
    return amount.movePointRight(Math.max(digits, 0)).longValueExact();
  }

  private static JsonObject parse(String payload) {
    try (JsonReader reader = Json.createReader(new StringReader(payload))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new IllegalArgumentException("not a JSON object", e);
    }
  }

  private static Optional<String> string(JsonObject object, String key) {
    JsonValue value = object.get(key);
    return value instanceof JsonString text ? Optional.of(text.getString()) : Optional.empty();
  }
}
