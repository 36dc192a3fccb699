package org.cinema.admin.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import org.cinema.admin.billing.BillingAdmin;
import org.cinema.admin.billing.BillingRecords.Subscription;

/** Billing's subscriptions, by status (and customer, when opened from a customer). */
@Named
@ViewScoped
public class SubscriptionsView implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final List<String> STATUSES =
      List.of("PENDING", "ACTIVE", "PAST_DUE", "CANCELED", "EXPIRED");

  @Inject private BillingAdmin billing;

  private PagedModel<Subscription> subscriptions;
  private String status;
  private UUID customer;

  @PostConstruct
  void init() {
    subscriptions =
        new PagedModel<>(
            new PagedModel.Source<>() {
              private static final long serialVersionUID = 1L;

              @Override
              public long count() {
                return BillingPages.total(() -> billing.subscriptions(customer, status, 1, 1));
              }

              @Override
              public List<Subscription> page(int first, int size, String sort, boolean asc) {
                return BillingPages.items(
                    () ->
                        billing.subscriptions(
                            customer, status, BillingPages.pageOf(first, size), size));
              }
            },
            "created_at");
  }

  public List<String> getStatuses() {
    return STATUSES;
  }

  public PagedModel<Subscription> getSubscriptions() {
    return subscriptions;
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
