package org.cinema.admin.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.cinema.admin.billing.BillingAdmin;
import org.cinema.admin.billing.BillingRecords.Customer;
import org.cinema.admin.billing.BillingRecords.Notification;
import org.cinema.admin.billing.BillingRecords.Page;
import org.cinema.admin.billing.BillingUnavailable;

/**
 * Billing's customers (viewers), searched by login, email or name; a customer's latest
 * notifications, with the way to all of them on the notifications page.
 */
@Named
@ViewScoped
public class CustomersView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private BillingAdmin billing;

  /** How many of a customer's newest notifications the customer's dialog shows. */
  static final int LATEST_NOTIFICATIONS = 10;

  private PagedModel<Customer> customers;
  private String query;

  private Customer shown;
  private List<Notification> notifications = List.of();
  private long notificationsTotal;

  @PostConstruct
  void init() {
    customers =
        new PagedModel<>(
            new PagedModel.Source<>() {
              private static final long serialVersionUID = 1L;

              @Override
              public long count() {
                return BillingPages.total(() -> billing.customers(query, 1, 1));
              }

              @Override
              public List<Customer> page(int first, int size, String sort, boolean asc) {
                return BillingPages.items(
                    () -> billing.customers(query, BillingPages.pageOf(first, size), size));
              }
            },
            "created_at");
  }

  /** The customer's newest notifications, for the dialog. */
  public void showNotifications(Customer customer) {
    shown = customer;
    try {
      Page<Notification> page = billing.notifications(customer.id(), null, 1, LATEST_NOTIFICATIONS);
      notifications = page.items();
      notificationsTotal = page.total();
    } catch (BillingUnavailable e) {
      notifications = List.of();
      notificationsTotal = 0;
      Messages.errorText(e.getMessage());
    }
  }

  public Customer getShown() {
    return shown;
  }

  public List<Notification> getNotifications() {
    return notifications;
  }

  public long getNotificationsTotal() {
    return notificationsTotal;
  }

  public PagedModel<Customer> getCustomers() {
    return customers;
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }
}
