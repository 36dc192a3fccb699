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

/**
 * What one period of a subscription costs. One per subscription and period start. Its status moves
 * only as {@link InvoiceStatus} allows: a paid or void invoice stays so.
 */
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

  /** An open invoice of {@code amount} for the period from {@code start} to {@code end}. */
  public static Invoice open(
      UUID subscriptionId,
      UUID accountId,
      BigDecimal amount,
      String currency,
      Instant start,
      Instant end) {
    Invoice invoice = new Invoice();
    invoice.id = UUID.randomUUID();
    invoice.subscriptionId = subscriptionId;
    invoice.accountId = accountId;
    invoice.amount = amount;
    invoice.currency = currency;
    invoice.periodStart = start;
    invoice.periodEnd = end;
    invoice.status = InvoiceStatus.OPEN;
    return invoice;
  }

  /**
   * Paid at {@code at} for the period the subscription now runs (a first period starts when paid).
   *
   * @return false when the invoice cannot take money any more (paid or void already)
   */
  public boolean pay(Instant at, Instant periodStart, Instant periodEnd) {
    if (!status.canMoveTo(InvoiceStatus.PAID)) {
      return false;
    }
    status = InvoiceStatus.PAID;
    paidAt = at;
    this.periodStart = periodStart;
    this.periodEnd = periodEnd;
    return true;
  }

  /**
   * No longer owed: the subscription ended before this period was paid for, or its money went back
   * before it was applied.
   *
   * @return whether it became void now
   */
  public boolean voidUnpaid() {
    if (!status.canMoveTo(InvoiceStatus.VOID)) {
      return false;
    }
    status = InvoiceStatus.VOID;
    return true;
  }

  public boolean isOpen() {
    return status == InvoiceStatus.OPEN || status == InvoiceStatus.UNCOLLECTIBLE;
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
