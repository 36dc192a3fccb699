package org.cinema.billing.web.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cinema.billing.notification.WebhookEndpointView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook endpoint as listed: never its secret. */
public record WebhookEndpointResponse(
    UUID id,
    String url,
    @Schema(description = "[\"*\"] or event names") List<String> events,
    String description,
    @Schema(description = "false: nothing is queued or sent to it") boolean enabled,
    @JsonbProperty("created_at") @Schema(name = "created_at", ref = "Instant") Instant createdAt) {

  public static WebhookEndpointResponse of(WebhookEndpointView view) {
    return new WebhookEndpointResponse(
        view.id(), view.url(), view.events(), view.description(), view.enabled(), view.createdAt());
  }
}
