package org.cinema.admin.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.cinema.admin.billing.BillingAdmin;
import org.cinema.admin.billing.BillingRecords.Customer;

/** Billing's customers (viewers), searched by login, email or name. */
@Named
@ViewScoped
public class CustomersView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private BillingAdmin billing;

  private PagedModel<Customer> customers;
  private String query;

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
