package org.cinema.billing.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.cinema.billing.platform.AuditedEntity;
import org.cinema.billing.subscription.Subscription;

/** What one period of a subscription costs. One per subscription and period start. */
@Entity
@Table(name = "invoice", schema = "billing")
public class Invoice extends AuditedEntity {

  @Id private UUID id;

  @Column(name = "subscription_id", nullable = false)
  private UUID subscriptionId;

  @Column(name = "account_id", nullable = false)
  private UUID accountId;

  @Column(nullable = false, precision = 12, scale = 2)
  private BigDecimal amount;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(name = "period_start", nullable = false)
  private Instant periodStart;

  @Column(name = "period_end", nullable = false)
  private Instant periodEnd;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private InvoiceStatus status;

  @Column(name = "paid_at")
  private Instant paidAt;

  protected Invoice() {}

  /** The invoice for the period of {@code subscription} that would start at {@code start}. */
  public static Invoice forPeriod(Subscription subscription, Instant start) {
    Invoice invoice = new Invoice();
    invoice.id = UUID.randomUUID();
    invoice.subscriptionId = subscription.id();
    invoice.accountId = subscription.accountId();
    invoice.amount = subscription.price();
    invoice.currency = subscription.currency();
    invoice.periodStart = start;
    invoice.periodEnd = subscription.period().after(start);
    invoice.status = InvoiceStatus.OPEN;
    return invoice;
  }

  /** Paid at {@code at} for the period the subscription now runs (it starts when paid for). */
  public void markPaid(Instant at, Instant periodStart, Instant periodEnd) {
    status = InvoiceStatus.PAID;
    paidAt = at;
    this.periodStart = periodStart;
    this.periodEnd = periodEnd;
  }

  /** No longer owed: the subscription ended before this period was paid for. */
  public void markVoid() {
    status = InvoiceStatus.VOID;
  }

  /** Whether this is the unpaid invoice for the period that follows {@code subscription}'s. */
  public boolean isRenewalOf(Subscription subscription) {
    return status == InvoiceStatus.OPEN
        && subscription.currentPeriodEnd() != null
        && periodStart.equals(subscription.currentPeriodEnd());
  }

  public UUID id() {
    return id;
  }

  public UUID subscriptionId() {
    return subscriptionId;
  }

  public UUID accountId() {
    return accountId;
  }

  public BigDecimal amount() {
    return amount;
  }

  public String currency() {
    return currency;
  }

  public Instant periodStart() {
    return periodStart;
  }

  public Instant periodEnd() {
    return periodEnd;
  }

  public InvoiceStatus status() {
    return status;
  }

  public Instant paidAt() {
    return paidAt;
  }
}
