package org.cinema.admin.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import org.cinema.admin.billing.BillingAdmin;
import org.cinema.admin.billing.BillingRecords.Invoice;

/** Billing's invoices, by status and customer. */
@Named
@ViewScoped
public class InvoicesView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private BillingAdmin billing;

  private PagedModel<Invoice> invoices;
  private String status;
  private UUID customer;

  @PostConstruct
  void init() {
    invoices =
        new PagedModel<>(
            new PagedModel.Source<>() {
              private static final long serialVersionUID = 1L;

              @Override
              public long count() {
                return BillingPages.total(() -> billing.invoices(customer, status, 1, 1));
              }

              @Override
              public List<Invoice> page(int first, int size, String sort, boolean asc) {
                return BillingPages.items(
                    () ->
                        billing.invoices(customer, status, BillingPages.pageOf(first, size), size));
              }
            },
            "created_at");
  }

  public List<String> getStatuses() {
    return List.of("OPEN", "PAID", "VOID", "UNCOLLECTIBLE");
  }

  public PagedModel<Invoice> getInvoices() {
    return invoices;
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
