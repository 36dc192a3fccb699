package org.cinema.billing.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: {@code base} after the first failure, doubling each time
 * up to {@code cap}, and not after {@code maxAttempts} (the delivery is parked). The defaults (1
 * minute, 6 hours, 13 attempts) keep trying for more than a day (about 26.5 hours).
 */
public record Retries(Duration base, Duration cap, int maxAttempts) {

  public Retries {
    if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || maxAttempts < 1) {
      throw new IllegalArgumentException(
          "NOTIFY_RETRY_BASE must be positive, NOTIFY_RETRY_CAP at least as long, and"
              + " NOTIFY_MAX_ATTEMPTS at least 1");
    }
  }

  /** After {@code attempts} tries that failed, when the next one is due; empty: park it. */
  public Optional<Instant> nextAfter(int attempts, Instant failedAt) {
    if (attempts >= maxAttempts) {
      return Optional.empty();
    }
    Duration delay = base;
    for (int i = 1; i < attempts && delay.compareTo(cap) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return Optional.of(failedAt.plus(delay.compareTo(cap) > 0 ? cap : delay));
  }
}
