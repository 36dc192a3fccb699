package org.cinema.billing.web.dto;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * POST /api/v1/admin/webhook-endpoints. The URL's rules beyond its length (absolute http or https,
 * no user-info, no address inside the network) and the events' names are checked by the service,
 * which knows them (a class, not a record: see {@link RegisterRequest}).
 */
public final class WebhookEndpointRequest {

  @NotBlank(message = "is required")
  @Size(max = 2048, message = "must be at most 2048 characters")
  @Schema(
      description = "Absolute http or https URL, no user name or password",
      example = "https://crm.cinema.example/billing-events")
  private final String url;

  @NotEmpty(message = "must list [\"*\"] or event names")
  @Size(max = 20, message = "must list at most 20 names")
  @Schema(description = "[\"*\"] for every event, or names as payment.succeeded")
  private final List<String> events;

  @Size(max = 200, message = "must be at most 200 characters")
  private final String description;

  @JsonbCreator
  public WebhookEndpointRequest(
      @JsonbProperty("url") String url,
      @JsonbProperty("events") List<String> events,
      @JsonbProperty("description") String description) {
    this.url = url;
    this.events = events;
    this.description = description;
  }

  public String getUrl() {
    return url;
  }

  public List<String> getEvents() {
    return events;
  }

  public String getDescription() {
    return description;
  }
}
