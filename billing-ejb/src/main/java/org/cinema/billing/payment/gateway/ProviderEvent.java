package org.cinema.billing.payment.gateway;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What a provider said about one of our payments (in a webhook event, in the answer to a charge, or
 * to the reconciler's question), whatever the provider's format. A hint, not a command: the payment
 * applies it only where its transition table allows, and only when the money matches.
 *
 * @param source where it came from, for the payment's history ({@code webhook evt_123}, {@code
 *     reconciler}, {@code off-session charge})
 * @param paymentId our payment id, from the provider object's metadata, when present
 * @param providerPaymentId the provider's id of the payment as we stored it at checkout (Stripe:
 *     the Checkout Session, or the PaymentIntent of a saved-card charge)
 * @param providerIntentId the provider's id of the charge itself (Stripe: the PaymentIntent), when
 *     the object names it
 * @param amountMinor for {@link Outcome#SUCCEEDED}: the amount taken; for {@link Outcome#REFUNDED}:
 *     the total refunded so far on the charge; in the currency's minor units, as providers count
 * @param currency the ISO code of {@code amountMinor}, upper case
 */
public record ProviderEvent(
    String source,
    String type,
    Outcome outcome,
    Optional<UUID> paymentId,
    Optional<String> providerPaymentId,
    Optional<String> providerIntentId,
    Optional<String> failureCode,
    Optional<String> failureMessage,
    Optional<Long> amountMinor,
    Optional<String> currency,
    Instant occurredAt) {

  /** What happened to the payment. */
  public enum Outcome {
    SUCCEEDED,
    FAILED,
    REFUNDED,
    CANCELED,
    /** Nothing a payment needs to know (other event types). */
    IGNORED
  }

  public String cause() {
    return source + " " + type;
  }

  /** The provider ids the event names, for finding the payment. */
  public List<String> providerIds() {
    return Stream.of(providerPaymentId, providerIntentId)
        .flatMap(Optional::stream)
        .distinct()
        .toList();
  }
}
