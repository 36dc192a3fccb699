package org.cinema.billing.web.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.UUID;
import org.cinema.billing.notification.NotificationView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One delivery of an event on one channel. */
public record NotificationResponse(
    UUID id,
    @JsonbProperty("account_id") @Schema(name = "account_id") UUID accountId,
    @JsonbProperty("subscription_id") @Schema(name = "subscription_id") UUID subscriptionId,
    @JsonbProperty("event_id") @Schema(name = "event_id") UUID eventId,
    @Schema(description = "The event's name, as payment.succeeded") String event,
    @Schema(description = "log, email, telegram or webhook") String channel,
    @JsonbProperty("endpoint_id") @Schema(name = "endpoint_id") UUID endpointId,
    @Schema(description = "PENDING, SENT, FAILED (tried again later) or DEAD (parked)")
        String status,
    int attempts,
    @JsonbProperty("created_at") @Schema(name = "created_at", ref = "Instant") Instant createdAt,
    @JsonbProperty("sent_at") @Schema(name = "sent_at", ref = "Instant") Instant sentAt,
    @JsonbProperty("next_attempt_at") @Schema(name = "next_attempt_at", ref = "Instant")
        Instant nextAttemptAt,
    String subject,
    @JsonbProperty("last_error") @Schema(name = "last_error") String lastError) {

  public static NotificationResponse of(NotificationView view) {
    boolean open = view.status().equals("PENDING") || view.status().equals("FAILED");
    return new NotificationResponse(
        view.id(),
        view.accountId(),
        view.subscriptionId(),
        view.eventId(),
        view.event(),
        view.channel(),
        view.endpointId(),
        view.status(),
        view.attempts(),
        view.createdAt(),
        view.sentAt(),
        open ? view.nextAttemptAt() : null,
        view.subject(),
        view.lastError());
  }
}
