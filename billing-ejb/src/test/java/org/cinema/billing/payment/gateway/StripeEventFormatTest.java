package org.cinema.billing.payment.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.cinema.billing.payment.gateway.ProviderEvent.Outcome;
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
                    + "\"payment_intent\":\"pi_9\",\"amount_total\":29900,\"currency\":\"rub\","
                    + metadata()
                    + "}"));

    assertThat(event.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(event.paymentId()).contains(PAYMENT);
    assertThat(event.providerPaymentId()).contains("cs_1");
    assertThat(event.providerIntentId()).as("the charge behind the session").contains("pi_9");
    assertThat(event.amountMinor()).as("what the provider says it took").contains(29_900L);
    assertThat(event.currency()).contains("RUB");
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
  void aSucceededIntentCarriesTheAmountReceived() {
    ProviderEvent event =
        StripeEventFormat.read(
            event(
                "payment_intent.succeeded",
                "{\"id\":\"pi_3\",\"amount\":29900,\"amount_received\":15000,"
                    + "\"currency\":\"rub\","
                    + metadata()
                    + "}"));

    assertThat(event.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(event.amountMinor()).contains(15_000L);
  }

  @Test
  void aMetadataIdThatIsNotAUuidIsNoIdAndAnEventWithoutAnObjectIsNoEvent() {
    ProviderEvent event =
        StripeEventFormat.read(
            event(
                "payment_intent.canceled",
                "{\"id\":\"pi_2\",\"metadata\":{\"payment_id\":\"x\"}}"));
    assertThat(event.paymentId()).isEmpty();
    assertThatThrownBy(() -> StripeEventFormat.read("{\"id\":\"evt_1\",\"type\":\"x\"}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StripeEventFormat.read("[1]"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRefundedChargeGivesTheTotalRefundedInMinorUnits() {
    ProviderEvent event =
        StripeEventFormat.read(
            event(
                "charge.refunded",
                "{\"id\":\"ch_1\",\"payment_intent\":\"pi_1\",\"currency\":\"rub\","
                    + "\"amount_refunded\":29900}"));

    assertThat(event.outcome()).isEqualTo(Outcome.REFUNDED);
    assertThat(event.amountMinor()).contains(29_900L);
    assertThat(event.currency()).contains("RUB");
    assertThat(event.paymentId()).isEmpty();
    assertThat(event.providerPaymentId()).contains("pi_1");
  }

  @Test
  void otherEventTypesAreStoredButChangeNothing() {
    assertThat(StripeEventFormat.read(event("customer.created", "{\"id\":\"cus_1\"}")).outcome())
        .isEqualTo(Outcome.IGNORED);
  }

  @Test
  void aCompletedSetupSessionSavedACardAndIsNoPaymentOutcome() {
    String completed =
        event(
            "checkout.session.completed",
            "{\"id\":\"cs_2\",\"object\":\"checkout.session\",\"mode\":\"setup\","
                + "\"status\":\"complete\",\"payment_status\":\"no_payment_required\","
                + "\"customer\":\"cus_7\",\"setup_intent\":\"seti_3\",\"payment_intent\":null,"
                + "\"metadata\":{\"user_id\":\""
                + PAYMENT
                + "\"}}");

    CardSetup setup = StripeEventFormat.cardSetup(completed).orElseThrow();

    assertThat(setup.sessionId()).isEqualTo("cs_2");
    assertThat(setup.customerId()).contains("cus_7");
    assertThat(setup.setupIntentId()).contains("seti_3");
    assertThat(setup.accountId()).contains(PAYMENT);
    assertThat(StripeEventFormat.read(completed).outcome())
        .as("nothing was paid: no payment of ours moves")
        .isEqualTo(Outcome.IGNORED);
  }

  @Test
  void onlyACompletedSetupSessionIsACardSetup() {
    assertThat(
            StripeEventFormat.cardSetup(
                event(
                    "checkout.session.completed",
                    "{\"id\":\"cs_1\",\"mode\":\"payment\",\"status\":\"complete\","
                        + "\"payment_status\":\"paid\"}")))
        .as("a paid checkout")
        .isEmpty();
    assertThat(
            StripeEventFormat.cardSetup(
                event(
                    "checkout.session.expired",
                    "{\"id\":\"cs_2\",\"mode\":\"setup\",\"status\":\"expired\"}")))
        .as("a card page left unused")
        .isEmpty();
    assertThat(StripeEventFormat.cardSetup(event("customer.created", "{\"id\":\"cus_1\"}")))
        .isEmpty();
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
