package org.cinema.billing.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.cinema.billing.invoice.Invoice;
import org.cinema.billing.platform.AuditedEntity;

/** One attempt to collect an invoice through a payment provider. */
@Entity
@Table(name = "payment", schema = "billing")
public class Payment extends AuditedEntity {

  @Id private UUID id;

  @Column(name = "invoice_id", nullable = false)
  private UUID invoiceId;

  @Column(name = "account_id", nullable = false)
  private UUID accountId;

  @Column(nullable = false, precision = 12, scale = 2)
  private BigDecimal amount;

  @Column(nullable = false, length = 3)
  private String currency;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private PaymentStatus status;

  @Column(nullable = false)
  private String provider;

  @Column(name = "provider_payment_id")
  private String providerPaymentId;

  @Column(name = "provider_intent_id")
  private String providerIntentId;

  @Column(name = "checkout_url")
  private String checkoutUrl;

  @Column(name = "failure_code")
  private String failureCode;

  @Column(name = "failure_message")
  private String failureMessage;

  @Column(name = "refunded_amount", nullable = false, precision = 12, scale = 2)
  private BigDecimal refundedAmount;

  @Column(name = "paid_at")
  private Instant paidAt;

  @Version private long version;

  protected Payment() {}

  /** A new payment of the whole invoice through {@code provider}; returns its first transition. */
  public static Payment of(Invoice invoice, String provider) {
    Payment payment = new Payment();
    payment.id = UUID.randomUUID();
    payment.invoiceId = invoice.id();
    payment.accountId = invoice.accountId();
    payment.amount = invoice.amount();
    payment.currency = invoice.currency();
    payment.status = PaymentStatus.CREATED;
    payment.provider = provider;
    payment.refundedAmount = BigDecimal.ZERO.setScale(2);
    return payment;
  }

  /**
   * Moves to {@code target} if the transition table allows it.
   *
   * @return the transition to record
   * @throws IllegalStateException when the table does not allow the move
   */
  public PaymentTransition moveTo(PaymentStatus target, String cause, Instant at) {
    if (!status.canMoveTo(target)) {
      throw new IllegalStateException(
          "Payment " + id + " cannot move from " + status + " to " + target);
    }
    PaymentTransition transition = new PaymentTransition(id, status, target, cause, at);
    status = target;
    return transition;
  }

  /** The first transition, into CREATED, as the history starts. */
  public PaymentTransition created(String cause, Instant at) {
    return new PaymentTransition(id, null, PaymentStatus.CREATED, cause, at);
  }

  void checkoutOpened(String providerPaymentId, String checkoutUrl) {
    this.providerPaymentId = providerPaymentId;
    this.checkoutUrl = checkoutUrl;
  }

  /** Remembers the provider's id of the charge itself, the first time an event names it. */
  void intentKnown(String intentId) {
    if (providerIntentId == null) {
      providerIntentId = intentId;
    }
  }

  /**
   * Paid, through the provider's charge {@code intentId} when it is named (it wins over others).
   */
  void paid(Instant at, String intentId) {
    if (intentId != null) {
      providerIntentId = intentId;
    }
    paidAt = at;
    failureCode = null;
    failureMessage = null;
  }

  void failed(String code, String message) {
    failureCode = truncate(code, 64);
    failureMessage = truncate(message, 512);
  }

  void refunded(BigDecimal total) {
    refundedAmount = total;
  }

  public BigDecimal refundable() {
    return amount.subtract(refundedAmount);
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  public UUID id() {
    return id;
  }

  public UUID invoiceId() {
    return invoiceId;
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

  public PaymentStatus status() {
    return status;
  }

  public String provider() {
    return provider;
  }

  public String providerPaymentId() {
    return providerPaymentId;
  }

  public String providerIntentId() {
    return providerIntentId;
  }

  public String checkoutUrl() {
    return checkoutUrl;
  }

  public String failureCode() {
    return failureCode;
  }

  public String failureMessage() {
    return failureMessage;
  }

  public BigDecimal refundedAmount() {
    return refundedAmount;
  }

  public Instant paidAt() {
    return paidAt;
  }
}
