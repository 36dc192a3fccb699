package org.cinema.billing.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.cinema.billing.invoice.Invoice;
import org.cinema.billing.payment.gateway.ProviderEvent;
import org.cinema.billing.payment.gateway.ProviderEvent.Outcome;

/** Payments and provider events for the aggregate's unit tests. */
final class Payments {

  static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

  private Payments() {}

  /** A payment of {@code amount} {@code currency}, checked out (PENDING). */
  static Payment pending(String amount, String currency) {
    Invoice invoice =
        Invoice.open(
            UUID.randomUUID(),
            UUID.randomUUID(),
            new BigDecimal(amount),
            currency,
            T0,
            T0.plusSeconds(86_400));
    Payment payment = Payment.of(invoice, "sandbox", "subscribed", T0);
    payment.checkoutOpened("cs_1", "https://pay.example/cs_1", T0);
    payment.takeHistory();
    return payment;
  }

  /** A payment of 299.00 RUB, paid. */
  static Payment paid() {
    Payment payment = pending("299.00", "RUB");
    payment.onSucceeded(success(29_900, "RUB"), T0);
    payment.takeHistory();
    return payment;
  }

  static ProviderEvent success(long minor, String currency) {
    return event(Outcome.SUCCEEDED, "checkout.session.completed", Optional.of(minor), currency);
  }

  static ProviderEvent refunded(long minorInAll, String currency) {
    return event(Outcome.REFUNDED, "charge.refunded", Optional.of(minorInAll), currency);
  }

  static ProviderEvent declined(String code) {
    return new ProviderEvent(
        "webhook evt_f",
        "payment_intent.payment_failed",
        Outcome.FAILED,
        Optional.empty(),
        Optional.of("pi_1"),
        Optional.of("pi_1"),
        Optional.of(code),
        Optional.of("Your card was declined."),
        Optional.empty(),
        Optional.empty(),
        T0);
  }

  static ProviderEvent event(Outcome outcome, String type, Optional<Long> minor, String currency) {
    return new ProviderEvent(
        "webhook evt_" + type,
        type,
        outcome,
        Optional.empty(),
        Optional.of("cs_1"),
        Optional.of("pi_1"),
        Optional.empty(),
        Optional.empty(),
        minor,
        Optional.ofNullable(currency),
        T0);
  }
}
