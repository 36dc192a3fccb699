package org.cinema.billing.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook endpoint as the admin lists it: never its secret. */
public record WebhookEndpointView(
    UUID id,
    String url,
    List<String> events,
    String description,
    boolean enabled,
    Instant createdAt) {}
