package org.cinema.billing.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One recorded move of a payment, with what caused it. */
@Entity
@Table(name = "payment_transition", schema = "billing")
public class PaymentTransition {

  /**
   * From blocks of 1,000 reserved at once (see V11, V12): a transaction's entries are one batch.
   */
  @Id
  @SequenceGenerator(
      name = "payment_transition_id",
      sequenceName = "billing.payment_transition_id_seq",
      allocationSize = 1000)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_transition_id")
  private Long id;

  @Column(name = "payment_id", nullable = false)
  private UUID paymentId;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_status")
  private PaymentStatus from;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_status", nullable = false)
  private PaymentStatus to;

  @Column(nullable = false)
  private String cause;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  protected PaymentTransition() {}

  PaymentTransition(
      UUID paymentId, PaymentStatus from, PaymentStatus to, String cause, Instant occurredAt) {
    this.paymentId = paymentId;
    this.from = from;
    this.to = to;
    this.cause = cause.length() > 255 ? cause.substring(0, 255) : cause;
    this.occurredAt = occurredAt;
  }

  public PaymentStatus from() {
    return from;
  }

  public PaymentStatus to() {
    return to;
  }

  public String cause() {
    return cause;
  }

  public Instant occurredAt() {
    return occurredAt;
  }
}
