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

/** Money given back on a payment, whole or in part; its id is the provider's idempotency key. */
@Entity
@Table(name = "refund", schema = "billing")
public class Refund extends AuditedEntity {

  @Id private UUID id;

  @Column(name = "payment_id", nullable = false)
  private UUID paymentId;

  @Column(nullable = false, precision = 15, scale = 3)
  private BigDecimal amount;

  @Column(nullable = false, length = 3)
  private String currency;

  private String reason;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private RefundStatus status;

  @Column(name = "provider_refund_id")
  private String providerRefundId;

  @Column(name = "failure_reason")
  private String failureReason;

  @Column(nullable = false)
  private int attempts;

  protected Refund() {}

  /** A refund about to be asked of the provider (made by {@link Payment#beginRefund}). */
  Refund(UUID paymentId, BigDecimal amount, String currency, String reason) {
    this.id = UUID.randomUUID();
    this.paymentId = paymentId;
    this.amount = amount;
    this.currency = currency;
    this.reason = reason;
    this.status = RefundStatus.PENDING;
    this.attempts = 0;
  }

  /**
   * The provider gave the money back under {@code providerRefundId}. A repeated confirmation
   * changes nothing.
   *
   * @return whether this changed the refund
   * @throws IllegalStateException when the refund was refused before
   */
  boolean confirmed(String providerRefundId) {
    if (status == RefundStatus.SUCCEEDED) {
      return false;
    }
    moveTo(RefundStatus.SUCCEEDED);
    this.providerRefundId = providerRefundId;
    return true;
  }

  /** The provider refused it for good (not a timeout: that leaves it pending). */
  boolean refused(String why) {
    if (status == RefundStatus.FAILED) {
      return false;
    }
    moveTo(RefundStatus.FAILED);
    failureReason = why == null || why.length() <= 512 ? why : why.substring(0, 512);
    return true;
  }

  /** About to be asked of the provider (again: with the same idempotency key). */
  void asking() {
    if (status != RefundStatus.PENDING) {
      throw new IllegalStateException("Refund " + id + " is " + status + ", not pending");
    }
    attempts++;
  }

  private void moveTo(RefundStatus target) {
    if (!status.canMoveTo(target)) {
      throw new IllegalStateException(
          "Refund " + id + " cannot move from " + status + " to " + target);
    }
    status = target;
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

  public String currency() {
    return currency;
  }

  public String reason() {
    return reason;
  }

  public RefundStatus status() {
    return status;
  }

  public String providerRefundId() {
    return providerRefundId;
  }

  public String failureReason() {
    return failureReason;
  }

  /** How many times the provider was asked for it. */
  public int attempts() {
    return attempts;
  }
}
