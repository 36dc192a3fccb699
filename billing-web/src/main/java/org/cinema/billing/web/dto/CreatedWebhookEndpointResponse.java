package org.cinema.billing.web.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cinema.billing.notification.WebhookEndpoints;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook endpoint just registered, with its signing secret: shown this once, never again. */
public record CreatedWebhookEndpointResponse(
    UUID id,
    String url,
    @Schema(description = "[\"*\"] or event names") List<String> events,
    String description,
    boolean enabled,
    @JsonbProperty("created_at") @Schema(name = "created_at", ref = "Instant") Instant createdAt,
    @Schema(
            description =
                "whsec_ and 64 hex digits: the key of the HMAC-SHA256 in Billing-Signature."
                    + " Shown only in this answer")
        String secret) {

  public static CreatedWebhookEndpointResponse of(WebhookEndpoints.Registered registered) {
    var view = registered.endpoint();
    return new CreatedWebhookEndpointResponse(
        view.id(),
        view.url(),
        view.events(),
        view.description(),
        view.enabled(),
        view.createdAt(),
        registered.secret());
  }
}
