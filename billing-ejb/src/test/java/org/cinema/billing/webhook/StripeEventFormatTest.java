package org.cinema.billing.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.UUID;
import org.cinema.billing.payment.ProviderEvent;
import org.cinema.billing.payment.ProviderEvent.Outcome;
import org.junit.jupiter.api.Test;

class StripeEventFormatTest {

  private static final UUID PAYMENT = UUID.fromString("11111111-2222-3333-4444-555555555555");

  @Test
  void aPaidCheckoutSessionIsASuccessOfTheNamedPayment() {
    ProviderEvent event =
        StripeEventFormat.read(
            event(
                "checkout.session.completed",
                "{\"id\":\"cs_1\",\"object\":\"checkout.session\",\"payment_status\":\"paid\","
                    + "\"payment_intent\":\"pi_9\","
                    + metadata()
                    + "}"));

    assertThat(event.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(event.paymentId()).contains(PAYMENT);
    assertThat(event.providerPaymentId()).contains("cs_1");
    assertThat(event.providerIntentId()).as("the charge behind the session").contains("pi_9");
    assertThat(event.cause()).isEqualTo("webhook evt_1 checkout.session.completed");
  }

  @Test
  void aCanceledIntentCancelsThePayment() {
    ProviderEvent event =
        StripeEventFormat.read(
            event("payment_intent.canceled", "{\"id\":\"pi_2\"," + metadata() + "}"));

    assertThat(event.outcome()).isEqualTo(Outcome.CANCELED);
    assertThat(event.providerIntentId()).contains("pi_2");
  }

  @Test
  void anUnpaidCompletedSessionIsNotASuccess() {
    ProviderEvent event =
        StripeEventFormat.read(
            event(
                "checkout.session.completed",
                "{\"id\":\"cs_1\",\"payment_status\":\"unpaid\"," + metadata() + "}"));

    assertThat(event.outcome()).isEqualTo(Outcome.IGNORED);
  }

  @Test
  void aFailedIntentCarriesTheDeclineCodeAndMessage() {
    ProviderEvent event =
        StripeEventFormat.read(
            event(
                "payment_intent.payment_failed",
                "{\"id\":\"pi_1\",\"last_payment_error\":{\"code\":\"card_declined\","
                    + "\"decline_code\":\"insufficient_funds\",\"message\":\"No money.\"},"
                    + metadata()
                    + "}"));

    assertThat(event.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(event.failureCode()).contains("insufficient_funds");
    assertThat(event.failureMessage()).contains("No money.");
  }

  @Test
  void aRefundedChargeGivesTheTotalRefundedInMajorUnits() {
    ProviderEvent event =
        StripeEventFormat.read(
            event(
                "charge.refunded",
                "{\"id\":\"ch_1\",\"payment_intent\":\"pi_1\",\"currency\":\"rub\","
                    + "\"amount_refunded\":29900}"));

    assertThat(event.outcome()).isEqualTo(Outcome.REFUNDED);
    assertThat(event.refundedTotal())
        .hasValueSatisfying(total -> assertThat(total).isEqualByComparingTo("299.00"));
    assertThat(event.paymentId()).isEmpty();
    assertThat(event.providerPaymentId()).contains("pi_1");
  }

  @Test
  void otherEventTypesAreStoredButChangeNothing() {
    assertThat(StripeEventFormat.read(event("customer.created", "{\"id\":\"cus_1\"}")).outcome())
        .isEqualTo(Outcome.IGNORED);
  }

  @Test
  void minorUnitsFollowTheCurrency() {
    assertThat(StripeEventFormat.toMinorUnits(new BigDecimal("299.00"), "RUB")).isEqualTo(29900);
    assertThat(StripeEventFormat.toMinorUnits(new BigDecimal("1500"), "JPY")).isEqualTo(1500);
    assertThat(StripeEventFormat.fromMinorUnits(1999, "usd")).isEqualByComparingTo("19.99");
    assertThatThrownBy(() -> StripeEventFormat.toMinorUnits(new BigDecimal("1.005"), "EUR"))
        .as("a fraction of a cent is a bug, not something to round")
        .isInstanceOf(ArithmeticException.class);
  }

  private static String metadata() {
    return "\"metadata\":{\"payment_id\":\"" + PAYMENT + "\"}";
  }

  private static String event(String type, String object) {
    return "{\"id\":\"evt_1\",\"object\":\"event\",\"created\":1700000000,\"type\":\""
        + type
        + "\",\"data\":{\"object\":"
        + object
        + "}}";
  }
}
