package org.cinema.billing.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One of the cinema's systems that is told of events by webhook. It decides whether deliveries may
 * go to it: not while disabled, never again once deleted (a soft delete, so that its deliveries
 * keep naming it).
 */
@Entity
@Table(name = "webhook_endpoint", schema = "billing")
public class WebhookEndpoint {

  @Id private UUID id;

  @Column(nullable = false)
  private String url;

  /** {@code *} or names, comma-separated ({@link WebhookEvents}). */
  @Column(nullable = false)
  private String events;

  @Column(nullable = false)
  private String secret;

  private String description;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  protected WebhookEndpoint() {}

  /**
   * @param events the stored form {@link WebhookEvents#normalize} made
   */
  public WebhookEndpoint(
      UUID id, URI url, String events, String secret, String description, Instant createdAt) {
    this.id = id;
    this.url = url.toString();
    this.events = events;
    this.secret = secret;
    this.description = description;
    this.enabled = true;
    this.createdAt = createdAt;
  }

  public void disable() {
    enabled = false;
  }

  public void enable() {
    enabled = true;
  }

  /** Deleted for good; a second delete keeps the first time. */
  public void delete(Instant at) {
    if (deletedAt == null) {
      deletedAt = at;
    }
  }

  /**
   * Why nothing may be sent to it now ({@code endpoint deleted}, {@code endpoint disabled}: the
   * last error of the deliveries it leaves); empty while it takes deliveries.
   */
  public Optional<String> closedReason() {
    if (deleted()) {
      return Optional.of("endpoint deleted");
    }
    return enabled ? Optional.empty() : Optional.of("endpoint disabled");
  }

  public UUID id() {
    return id;
  }

  public String secret() {
    return secret;
  }

  public boolean enabled() {
    return enabled;
  }

  public boolean deleted() {
    return deletedAt != null;
  }

  public Instant deletedAt() {
    return deletedAt;
  }

  /** The events it wants, as the caller listed them ({@code ["*"]} for all). */
  public List<String> events() {
    return Arrays.stream(events.split(",")).map(String::strip).toList();
  }

  /** What the admin sees of it: everything but the secret. */
  public WebhookEndpointView view() {
    return new WebhookEndpointView(id, url, events(), description, enabled, createdAt);
  }
}
