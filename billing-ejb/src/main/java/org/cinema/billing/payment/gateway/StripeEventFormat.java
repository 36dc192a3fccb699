package org.cinema.billing.payment.gateway;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.cinema.billing.payment.gateway.ProviderEvent.Outcome;
import org.cinema.common.json.Jsons;

/**
 * Reads Stripe-format events (the sandbox writes the same format) into {@link ProviderEvent}s, from
 * the raw JSON: no typed Stripe model, so an event of another API version still parses. Every
 * provider of ours speaks this format, so it lives with the provider SPI.
 */
public final class StripeEventFormat {

  private StripeEventFormat() {}

  /**
   * @throws IllegalArgumentException when the payload is not an event
   */
  public static ProviderEvent read(String payload) {
    JsonObject event = parse(payload);
    Instant created =
        event.get("created") instanceof JsonNumber number
            ? Instant.ofEpochSecond(number.longValue())
            : Instant.EPOCH;
    JsonObject data = event.getJsonObject("data");
    if (data == null || !(data.get("object") instanceof JsonObject object)) {
      throw new IllegalArgumentException("An event without data.object");
    }
    return readObject(
        "webhook " + event.getString("id", "?"), event.getString("type", "?"), object, created);
  }

  /**
   * The card page an event reports completed ({@code checkout.session.completed} of a session in
   * setup mode); empty for every other event, which {@link #read} reads.
   *
   * @throws IllegalArgumentException when the payload is not a JSON object
   */
  public static Optional<CardSetup> cardSetup(String payload) {
    JsonObject event = parse(payload);
    JsonObject session =
        event.get("data") instanceof JsonObject data
                && data.get("object") instanceof JsonObject object
            ? object
            : null;
    if (session == null
        || !"checkout.session.completed".equals(event.getString("type", ""))
        || !"setup".equals(string(session, "mode").orElse(""))
        || !"complete".equals(string(session, "status").orElse(""))) {
      return Optional.empty();
    }
    Optional<UUID> account =
        (session.get("metadata") instanceof JsonObject metadata
                ? string(metadata, "user_id")
                : Optional.<String>empty())
            .flatMap(StripeEventFormat::uuid);
    return string(session, "id")
        .map(
            id ->
                new CardSetup(
                    id, string(session, "customer"), string(session, "setup_intent"), account));
  }

  /**
   * What a Stripe object says about a payment, read as the event {@code type} would carry it: used
   * for webhook events and for objects the Stripe API returns (the reconciler, a saved-card
   * charge).
   */
  public static ProviderEvent readObject(
      String source, String type, JsonObject object, Instant occurredAt) {
    Optional<UUID> paymentId =
        (object.get("metadata") instanceof JsonObject metadata
                ? string(metadata, "payment_id")
                : Optional.<String>empty())
            .flatMap(StripeEventFormat::uuid);
    Outcome outcome = Outcome.IGNORED;
    Optional<String> providerPaymentId = Optional.empty();
    Optional<String> providerIntentId = Optional.empty();
    Optional<String> failureCode = Optional.empty();
    Optional<String> failureMessage = Optional.empty();
    Optional<Long> amount = Optional.empty();
    Optional<String> currency = string(object, "currency").map(String::toUpperCase);
    switch (type) {
      case "checkout.session.completed" -> {
        providerPaymentId = string(object, "id");
        providerIntentId = string(object, "payment_intent");
        amount = number(object, "amount_total");
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
        amount = number(object, "amount_received").or(() -> number(object, "amount"));
        outcome = Outcome.SUCCEEDED;
      }
      case "payment_intent.payment_failed" -> {
        providerPaymentId = string(object, "id");
        providerIntentId = providerPaymentId;
        outcome = Outcome.FAILED;
        if (object.get("last_payment_error") instanceof JsonObject error) {
          failureCode = string(error, "decline_code").or(() -> string(error, "code"));
          failureMessage = string(error, "message");
        }
      }
      case "charge.refunded" -> {
        providerPaymentId = string(object, "payment_intent");
        providerIntentId = providerPaymentId;
        amount = number(object, "amount_refunded");
        outcome = Outcome.REFUNDED;
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
        amount,
        currency,
        occurredAt);
  }

  private static JsonObject parse(String payload) {
    try (JsonReader reader = Jsons.reader(new StringReader(payload))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException | ClassCastException e) {
      throw new IllegalArgumentException("not a JSON object", e);
    }
  }

  private static Optional<String> string(JsonObject object, String key) {
    JsonValue value = object.get(key);
    return value instanceof JsonString text ? Optional.of(text.getString()) : Optional.empty();
  }

  private static Optional<Long> number(JsonObject object, String key) {
    JsonValue value = object.get(key);
    if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
      return Optional.empty();
    }
    try {
      return Optional.of(number.longValueExact());
    } catch (ArithmeticException e) {
      return Optional.empty();
    }
  }

  private static Optional<UUID> uuid(String text) {
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
