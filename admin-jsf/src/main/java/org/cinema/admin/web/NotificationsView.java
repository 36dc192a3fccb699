package org.cinema.admin.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cinema.admin.audit.AuditAction;
import org.cinema.admin.audit.AuditTrail;
import org.cinema.admin.billing.BillingAdmin;
import org.cinema.admin.billing.BillingRecords.Notification;
import org.cinema.admin.billing.BillingUnavailable;

/**
 * Billing's deliveries of events (to viewers, the operations chat, webhook endpoints), newest
 * first, by status and customer; a failed or parked one can be sent again (any manager, audited). A
 * row sent again shows billing's answer (PENDING) until the next search, so the manager sees what
 * the click did; searching again shows how it went on.
 */
@Named
@ViewScoped
public class NotificationsView implements Serializable {

  private static final long serialVersionUID = 1L;

  static final List<String> STATUSES = List.of("PENDING", "SENT", "FAILED", "DEAD");

  @Inject private BillingAdmin billing;

  @Inject private AuditTrail audit;

  private PagedModel<Notification> notifications;
  private String status;
  private UUID customer;
  private final Map<UUID, Notification> sentAgain = new HashMap<>();

  @PostConstruct
  void init() {
    notifications =
        new PagedModel<>(
            new PagedModel.Source<>() {
              private static final long serialVersionUID = 1L;

              @Override
              public long count() {
                return BillingPages.total(() -> billing.notifications(customer, status, 1, 1));
              }

              @Override
              public List<Notification> page(int first, int size, String sort, boolean asc) {
                return BillingPages.items(
                        () ->
                            billing.notifications(
                                customer, status, BillingPages.pageOf(first, size), size))
                    .stream()
                    .map(row -> sentAgain.getOrDefault(row.id(), row))
                    .toList();
              }
            },
            "created_at");
  }

  /** The filters as they are now: rows as billing has them. */
  public void search() {
    sentAgain.clear();
  }

  /** Asks billing to send it again now, with a fresh set of attempts, and says so. */
  public void retry(Notification notification) {
    String asked =
        notification.event()
            + " on "
            + notification.channel()
            + (notification.accountId() == null ? "" : " for account " + notification.accountId())
            + ", was "
            + notification.status()
            + " after "
            + notification.attempts()
            + " attempt(s)";
    try {
      Notification after = billing.retryNotification(notification.id());
      sentAgain.put(after.id(), after);
      audit.record(
          AuditAction.NOTIFICATION_RETRY, after.id(), asked + "; outcome: " + after.status());
      Messages.info("notifications.retried", after.event(), after.channel(), after.status());
    } catch (BillingUnavailable e) {
      audit.record(
          AuditAction.NOTIFICATION_RETRY,
          notification.id(),
          asked + "; outcome: refused, " + e.getMessage());
      Messages.errorText(e.getMessage());
    }
  }

  public List<String> getStatuses() {
    return STATUSES;
  }

  public PagedModel<Notification> getNotifications() {
    return notifications;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public UUID getCustomer() {
    return customer;
  }

  public void setCustomer(UUID customer) {
    this.customer = customer;
  }
}
