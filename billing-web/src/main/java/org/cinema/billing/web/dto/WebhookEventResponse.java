package org.cinema.billing.web.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import org.cinema.billing.webhook.WebhookEventView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A provider event in the inbox, as administrators watch it. */
public record WebhookEventResponse(
    long id,
    String provider,
    @JsonbProperty("event_id") @Schema(name = "event_id") String eventId,
    String type,
    @Schema(
            description =
                "processed; parked (gave up after the attempts allowed: retry by hand); waiting"
                    + " (names no payment of ours yet); failing (will be retried); pending")
        String state,
    int attempts,
    @JsonbProperty("received_at") @Schema(name = "received_at", ref = "Instant") Instant receivedAt,
    @JsonbProperty("next_attempt_at") @Schema(name = "next_attempt_at", ref = "Instant")
        Instant nextAttemptAt,
    @JsonbProperty("processed_at") @Schema(name = "processed_at", ref = "Instant")
        Instant processedAt,
    @JsonbProperty("parked_at") @Schema(name = "parked_at", ref = "Instant") Instant parkedAt,
    @JsonbProperty("last_error") @Schema(name = "last_error") String lastError) {

  public static WebhookEventResponse of(WebhookEventView event) {
    return new WebhookEventResponse(
        event.id(),
        event.provider(),
        event.eventId(),
        event.type(),
        event.state(),
        event.attempts(),
        event.receivedAt(),
        event.nextAttemptAt(),
        event.processedAt(),
        event.parkedAt(),
        event.lastError());
  }
}
