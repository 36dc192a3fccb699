package org.cinema.billing.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What a provider's webhook event says about one of our payments, whatever the provider's format. A
 * hint, not a command: the ledger applies it only where the transition table allows.
 *
 * @param paymentId our payment id, from the event's metadata, when present
 * @param providerPaymentId the provider's id of the payment (checkout session or payment intent)
 * @param refundedTotal for {@link Outcome#REFUNDED}: the total refunded so far on the payment
 */
public record ProviderEvent(
    String eventId,
    String type,
    Outcome outcome,
    Optional<UUID> paymentId,
    Optional<String> providerPaymentId,
    Optional<String> failureCode,
    Optional<String> failureMessage,
    Optional<BigDecimal> refundedTotal,
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
    return "webhook " + eventId + " " + type;
  }
}
