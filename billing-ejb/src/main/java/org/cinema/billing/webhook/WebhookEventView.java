package org.cinema.billing.webhook;

import java.time.Instant;

/**
 * One stored provider event as an administrator sees it.
 *
 * @param state {@code processed}, {@code parked} (gave up; retry by hand), {@code waiting} (names
 *     no payment of ours yet), {@code failing} (failed, to be retried) or {@code pending}
 */
public record WebhookEventView(
    long id,
    String provider,
    String eventId,
    String type,
    String state,
    int attempts,
    Instant receivedAt,
    Instant nextAttemptAt,
    Instant processedAt,
    Instant parkedAt,
    String lastError) {}
