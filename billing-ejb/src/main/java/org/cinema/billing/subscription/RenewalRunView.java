package org.cinema.billing.subscription;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One renewal pass and what it did: renewed (paid), failed (declined: first declines and retries),
 * pastDue (became past due), expired (ran to the end of the paid period), canceled (the last retry
 * failed), awaiting (a page handed to a viewer with no saved card), errors (a renewal that threw).
 */
public record RenewalRunView(
    UUID id,
    String trigger,
    String status,
    Instant startedAt,
    Instant finishedAt,
    int renewed,
    int failed,
    int pastDue,
    int expired,
    int canceled,
    int awaiting,
    int errors,
    String lastError) {

  /** How long it ran (so far, while running). */
  public Duration duration(Instant now) {
    return Duration.between(startedAt, finishedAt == null ? now : finishedAt);
  }
}
