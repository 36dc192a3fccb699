package org.cinema.billing.notification;

import java.time.Instant;
import java.util.UUID;

/** A delivery as the admin lists it. */
public record NotificationView(
    UUID id,
    UUID accountId,
    UUID subscriptionId,
    UUID eventId,
    String event,
    String channel,
    UUID endpointId,
    String status,
    int attempts,
    Instant createdAt,
    Instant sentAt,
    Instant nextAttemptAt,
    String subject,
    String lastError) {}
