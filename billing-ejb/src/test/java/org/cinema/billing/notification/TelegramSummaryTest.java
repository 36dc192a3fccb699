package org.cinema.billing.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import org.cinema.common.json.Jsons;
import org.junit.jupiter.api.Test;

class TelegramSummaryTest {

  @Test
  void theEventAndItsAmountFirstThenWhatItIsAbout() {
    UUID account = UUID.randomUUID();
    UUID event = UUID.randomUUID();
    Outgoing declined =
        new Outgoing(
            UUID.randomUUID(),
            TelegramChannel.NAME,
            1,
            EventType.PAYMENT_FAILED,
            event,
            "{}",
            Jsons.object()
                .add("account_id", account.toString())
                .add("subscription_id", "00000000-0000-4000-8000-000000000999")
                .add("amount", new BigDecimal("299"))
                .add("currency", "RUB")
                .add("status", "FAILED")
                .add("failure_message", "Your card was declined.")
                .add("pay_again_url", "https://pay.example.org/x")
                .build(),
            Optional.of(new Outgoing.Viewer(account, "a@example.org", "Ann", "ru")),
            Optional.empty());

    assertThat(TelegramChannel.summary(declined, Optional.of("Feature films, monthly")))
        .containsExactly(
            "payment.failed: 299.00 RUB",
            "Product: Feature films, monthly",
            "Account: " + account,
            "Subscription: 00000000-0000-4000-8000-000000000999",
            "Status: FAILED",
            "Failure: Your card was declined.",
            "Pay again: https://pay.example.org/x",
            "Event: " + event);
  }
}
