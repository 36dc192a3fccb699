package org.cinema.admin.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.cinema.admin.billing.BillingAdmin;
import org.cinema.admin.billing.BillingRecords.WebhookEvent;
import org.cinema.admin.billing.BillingUnavailable;

/**
 * The payment provider's events as billing received them, by state: parked ones (billing gave up
 * after its attempts) and waiting ones first of all, with their last error; any not processed can
 * be tried again.
 */
@Named
@ViewScoped
public class WebhookEventsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private BillingAdmin billing;

  private PagedModel<WebhookEvent> events;
  private String state = "parked";

  @PostConstruct
  void init() {
    events =
        new PagedModel<>(
            new PagedModel.Source<>() {
              private static final long serialVersionUID = 1L;

              @Override
              public long count() {
                return BillingPages.total(() -> billing.webhookEvents(state, 1, 1));
              }

              @Override
              public List<WebhookEvent> page(int first, int size, String sort, boolean asc) {
                return BillingPages.items(
                    () -> billing.webhookEvents(state, BillingPages.pageOf(first, size), size));
              }
            },
            "received_at");
  }

  public List<String> getStates() {
    return List.of("parked", "waiting", "failing", "pending", "processed");
  }

  /** Tries the event again now and says what became of it. */
  public void retry(WebhookEvent event) {
    try {
      WebhookEvent after = billing.retryWebhookEvent(event.id());
      if ("processed".equals(after.state())) {
        Messages.info("events.retried", after.eventId());
      } else {
        Messages.error("events.stillFailing", after.eventId(), after.state(), after.lastError());
      }
    } catch (BillingUnavailable e) {
      Messages.errorText(e.getMessage());
    }
  }

  public PagedModel<WebhookEvent> getEvents() {
    return events;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }
}
