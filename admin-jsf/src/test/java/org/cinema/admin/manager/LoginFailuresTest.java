package org.cinema.admin.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginFailuresTest {

  private static final Duration WINDOW = Duration.ofMinutes(15);
  private static final Instant START = Instant.parse("2026-01-10T10:00:00Z");

  @Test
  void locksAfterMaxFailuresInTheWindowUntilItEnds() {
    LoginFailures failures = new LoginFailures(LoginFailures.ofUsername("Alice"), START);
    for (int i = 0; i < 4; i++) {
      failures.failed(START.plusSeconds(i * 60L), WINDOW);
    }
    assertThat(failures.lockedFor(START.plusSeconds(240), WINDOW, 5)).as("4 of 5").isEmpty();

    failures.failed(START.plusSeconds(300), WINDOW);

    assertThat(failures.lockedFor(START.plusSeconds(300), WINDOW, 5))
        .contains(Duration.ofMinutes(10));
    assertThat(failures.lockedFor(START.plus(WINDOW).minusSeconds(1), WINDOW, 5))
        .contains(Duration.ofSeconds(1));
    assertThat(failures.lockedFor(START.plus(WINDOW), WINDOW, 5)).as("window over").isEmpty();
  }

  @Test
  void aFailureAfterTheWindowStartsANewOne() {
    LoginFailures failures = new LoginFailures(LoginFailures.ofAddress("10.0.0.1"), START);
    for (int i = 0; i < 5; i++) {
      failures.failed(START, WINDOW);
    }
    Instant later = START.plus(WINDOW).plusSeconds(5);

    failures.failed(later, WINDOW);

    assertThat(failures.failures()).isEqualTo(1);
    assertThat(failures.lockedFor(later, WINDOW, 5)).isEmpty();
    assertThat(failures.lockedFor(later, WINDOW, 1)).contains(WINDOW);
  }

  @Test
  void usernamesAreCountedIgnoringCaseAndApartFromAddresses() {
    assertThat(LoginFailures.ofUsername(" Alice ")).isEqualTo(LoginFailures.ofUsername("alice"));
    assertThat(LoginFailures.ofUsername("127.0.0.1"))
        .isNotEqualTo(LoginFailures.ofAddress("127.0.0.1"));
    assertThat(LoginFailures.ofUsername("x".repeat(10_000)))
        .as("fits the column whatever is typed")
        .hasSizeLessThanOrEqualTo(320);
  }
}
