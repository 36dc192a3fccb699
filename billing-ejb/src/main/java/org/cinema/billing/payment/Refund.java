package org.cinema.billing.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;
import org.cinema.billing.platform.AuditedEntity;

/** Money given back on a payment, whole or in part. */
@Entity
@Table(name = "refund", schema = "billing")
public class Refund extends AuditedEntity {

  @Id private UUID id;

  @Column(name = "payment_id", nullable = false)
  private UUID paymentId;

  @Column(nullable = false, precision = 12, scale = 2)
  private BigDecimal amount;

  @Column(nullable = false, length = 3)
  private String currency;

  private String reason;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private RefundStatus status;

  @Column(name = "provider_refund_id")
  private String providerRefundId;

  protected Refund() {}

  Refund(Payment payment, BigDecimal amount, String reason) {
    this.id = UUID.randomUUID();
    this.paymentId = payment.id();
    this.amount = amount;
    this.currency = payment.currency();
    this.reason = reason;
    this.status = RefundStatus.PENDING;
  }

  void succeeded(String providerRefundId) {
    this.status = RefundStatus.SUCCEEDED;
    this.providerRefundId = providerRefundId;
  }

  void failed() {
    this.status = RefundStatus.FAILED;
  }

  public UUID id() {
    return id;
  }

  public UUID paymentId() {
    return paymentId;
  }

  public BigDecimal amount() {
    return amount;
  }

  public RefundStatus status() {
    return status;
  }
}
