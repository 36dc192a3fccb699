package org.cinema.billing.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetriesTest {

  private static final Instant FAILED = Instant.parse("2026-12-02T00:00:00Z");

  private final Retries defaults = new Retries(Duration.ofMinutes(1), Duration.ofHours(6), 13);

  @Test
  void theDelayDoublesFromTheBaseUpToTheCap() {
    assertThat(delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(delayAfter(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(delayAfter(3)).isEqualTo(Duration.ofMinutes(4));
    assertThat(delayAfter(9)).isEqualTo(Duration.ofMinutes(256));
    assertThat(delayAfter(10)).isEqualTo(Duration.ofHours(6));
    assertThat(delayAfter(12)).isEqualTo(Duration.ofHours(6));
  }

  @Test
  void theDefaultsKeepTryingForMoreThanADayThenPark() {
    Duration total = Duration.ZERO;
    for (int attempts = 1; attempts < 13; attempts++) {
      total = total.plus(delayAfter(attempts));
    }
    assertThat(total).isGreaterThan(Duration.ofHours(24)).isLessThan(Duration.ofHours(27));
    assertThat(defaults.nextAfter(13, FAILED)).as("the last attempt failed: parked").isEmpty();
  }

  @Test
  void aScheduleThatCannotWorkIsRefused() {
    assertThatThrownBy(() -> new Retries(Duration.ZERO, Duration.ofHours(1), 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Retries(Duration.ofHours(2), Duration.ofHours(1), 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Retries(Duration.ofMinutes(1), Duration.ofHours(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eventNamesAreMatchedWholeAndCheckedWhenGiven() {
    assertThat(WebhookEvents.matches("*", "payment.failed")).isTrue();
    assertThat(WebhookEvents.matches("payment.succeeded,payment.failed", "payment.failed"))
        .isTrue();
    assertThat(WebhookEvents.matches("payment.succeeded", "payment.failed")).isFalse();
    assertThat(WebhookEvents.matches("payment", "payment.failed")).isFalse();
    assertThat(WebhookEvents.normalize(List.of("*"))).hasValue("*");
    assertThat(WebhookEvents.normalize(List.of("payment.failed", "payment.failed")))
        .hasValue("payment.failed");
    assertThat(WebhookEvents.normalize(List.of("payment.lost"))).isEmpty();
    assertThat(WebhookEvents.normalize(List.of())).isEmpty();
  }

  private Duration delayAfter(int attempts) {
    Optional<Instant> next = defaults.nextAfter(attempts, FAILED);
    assertThat(next).isPresent();
    return Duration.between(FAILED, next.get());
  }
}
