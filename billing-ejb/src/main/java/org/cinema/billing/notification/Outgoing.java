package org.cinema.billing.notification;

import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.UUID;

/**
 * One delivery to send: the event (its payload as delivered, and its {@code data} read back), and
 * whom it goes to.
 *
 * @param notificationId the delivery's id (a receiver can tell a repeated delivery by the event id)
 * @param channel the {@link NotificationChannel#name()} it goes out on
 * @param attempt 1 for the first try
 * @param payload the event's JSON exactly as stored: what a webhook delivery posts and signs
 * @param viewer the viewer it is about, when it is about one
 * @param endpoint the webhook endpoint it goes to, for the webhook channel
 */
public record Outgoing(
    UUID notificationId,
    String channel,
    int attempt,
    EventType type,
    UUID eventId,
    String payload,
    JsonObject data,
    Optional<Viewer> viewer,
    Optional<Endpoint> endpoint) {

  /** The viewer an event is about. */
  public record Viewer(UUID accountId, String email, String name, String language) {}

  /** A registered webhook endpoint. */
  public record Endpoint(UUID id, String url, String secret) {}
}
