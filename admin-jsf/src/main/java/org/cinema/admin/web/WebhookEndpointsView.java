package org.cinema.admin.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.cinema.admin.audit.AuditAction;
import org.cinema.admin.audit.AuditTrail;
import org.cinema.admin.billing.BillingAdmin;
import org.cinema.admin.billing.BillingRecords.Notification;
import org.cinema.admin.billing.BillingRecords.WebhookEndpoint;
import org.cinema.admin.billing.BillingUnavailable;
import org.cinema.admin.billing.NotificationEvents;
import org.primefaces.PrimeFaces;

/**
 * The systems billing tells of events (superusers only, by web.xml, as the managers page: an
 * endpoint sends customers' payments to another system): added with their events, disabled,
 * enabled, deleted, each audited with its outcome; each one's deliveries. The signing secret
 * billing answers a creation with is shown once, in its own dialog, and forgotten when that closes.
 */
@Named
@ViewScoped
public class WebhookEndpointsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private BillingAdmin billing;

  @Inject private AuditTrail audit;

  @Inject private CurrentManager currentManager;

  private PagedModel<WebhookEndpoint> endpoints;

  private String url;
  private boolean allEvents = true;
  private List<String> events = new ArrayList<>();
  private String description;
  private WebhookEndpoint created;

  private WebhookEndpoint shown;
  private PagedModel<Notification> deliveries;

  @PostConstruct
  void init() {
    endpoints =
        new PagedModel<>(
            new PagedModel.Source<>() {
              private static final long serialVersionUID = 1L;

              @Override
              public long count() {
                return BillingPages.total(() -> billing.webhookEndpoints(1, 1));
              }

              @Override
              public List<WebhookEndpoint> page(int first, int size, String sort, boolean asc) {
                return BillingPages.items(
                    () -> billing.webhookEndpoints(BillingPages.pageOf(first, size), size));
              }
            },
            "created_at");
    deliveries =
        new PagedModel<>(
            new PagedModel.Source<>() {
              private static final long serialVersionUID = 1L;

              @Override
              public long count() {
                return shown == null
                    ? 0
                    : BillingPages.total(() -> billing.webhookDeliveries(shown.id(), null, 1, 1));
              }

              @Override
              public List<Notification> page(int first, int size, String sort, boolean asc) {
                return shown == null
                    ? List.of()
                    : BillingPages.items(
                        () ->
                            billing.webhookDeliveries(
                                shown.id(), null, BillingPages.pageOf(first, size), size));
              }
            },
            "created_at");
  }

  /** An empty form for a new endpoint: all events unless the manager picks some. */
  public void startNew() {
    url = null;
    allEvents = true;
    events = new ArrayList<>();
    description = null;
    created = null;
  }

  /**
   * Asks billing for the endpoint; on success the create dialog gives way to the secret's (the
   * {@code created} callback parameter), otherwise billing's reason is shown and the form stays.
   */
  public void create() {
    if (refusedToPlainManager()) {
      return;
    }
    List<String> wanted = allEvents ? List.of(WebhookEndpoint.ALL_EVENTS) : List.copyOf(events);
    if (wanted.isEmpty()) {
      Messages.error("endpoints.events.required");
      return;
    }
    String asked = url + ", events " + String.join(",", wanted) + ", description: " + description;
    try {
      created = billing.createWebhookEndpoint(url, wanted, description);
      audit.record(AuditAction.WEBHOOK_ENDPOINT_CREATE, created.id(), asked + "; outcome: created");
      Messages.info("endpoints.created", created.url());
      PrimeFaces.current().ajax().addCallbackParam("created", true);
    } catch (BillingUnavailable e) {
      audit.record(
          AuditAction.WEBHOOK_ENDPOINT_CREATE,
          null,
          asked + "; outcome: refused, " + e.getMessage());
      Messages.errorText(e.getMessage());
    }
  }

  /** The secret's dialog closed: it is not kept. */
  public void forgetSecret() {
    created = null;
  }

  public void toggle(WebhookEndpoint endpoint) {
    if (refusedToPlainManager()) {
      return;
    }
    AuditAction action =
        endpoint.enabled()
            ? AuditAction.WEBHOOK_ENDPOINT_DISABLE
            : AuditAction.WEBHOOK_ENDPOINT_ENABLE;
    try {
      WebhookEndpoint after =
          endpoint.enabled()
              ? billing.disableWebhookEndpoint(endpoint.id())
              : billing.enableWebhookEndpoint(endpoint.id());
      audit.record(action, endpoint.id(), endpoint.url() + "; outcome: enabled " + after.enabled());
      Messages.info(
          after.enabled() ? "endpoints.enabledNow" : "endpoints.disabledNow", after.url());
    } catch (BillingUnavailable e) {
      audit.record(action, endpoint.id(), endpoint.url() + "; outcome: failed, " + e.getMessage());
      Messages.errorText(e.getMessage());
    }
  }

  public void delete(WebhookEndpoint endpoint) {
    if (refusedToPlainManager()) {
      return;
    }
    try {
      billing.deleteWebhookEndpoint(endpoint.id());
      audit.record(
          AuditAction.WEBHOOK_ENDPOINT_DELETE,
          endpoint.id(),
          endpoint.url() + "; outcome: deleted");
      Messages.info("endpoints.deleted", endpoint.url());
      if (shown != null && shown.id().equals(endpoint.id())) {
        shown = null;
      }
    } catch (BillingUnavailable e) {
      audit.record(
          AuditAction.WEBHOOK_ENDPOINT_DELETE,
          endpoint.id(),
          endpoint.url() + "; outcome: failed, " + e.getMessage());
      Messages.errorText(e.getMessage());
    }
  }

  public void showDeliveries(WebhookEndpoint endpoint) {
    shown = endpoint;
  }

  /** The events as the list shows them: "all events" for {@code *}. */
  public String eventsOf(WebhookEndpoint endpoint) {
    return endpoint.isAllEvents()
        ? Messages.text("endpoints.allEvents")
        : String.join(", ", endpoint.events());
  }

  /** The page is a superuser's already (web.xml); this keeps a stale session from acting. */
  private boolean refusedToPlainManager() {
    if (currentManager.isSuperuser()) {
      return false;
    }
    Messages.error("endpoints.superuser");
    return true;
  }

  public List<String> getEventNames() {
    return NotificationEvents.NAMES;
  }

  public PagedModel<WebhookEndpoint> getEndpoints() {
    return endpoints;
  }

  public PagedModel<Notification> getDeliveries() {
    return deliveries;
  }

  public WebhookEndpoint getShown() {
    return shown;
  }

  public WebhookEndpoint getCreated() {
    return created;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public boolean isAllEvents() {
    return allEvents;
  }

  public void setAllEvents(boolean allEvents) {
    this.allEvents = allEvents;
  }

  public List<String> getEvents() {
    return events;
  }

  public void setEvents(List<String> events) {
    this.events = events == null ? new ArrayList<>() : new ArrayList<>(events);
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }
}
