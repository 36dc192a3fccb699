package org.cinema.admin.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cinema.admin.audit.AuditAction;
import org.cinema.admin.audit.AuditTrail;
import org.cinema.admin.billing.BillingAdmin;
import org.cinema.admin.billing.BillingRecords.Payment;
import org.cinema.admin.billing.BillingRecords.Refund;
import org.cinema.admin.billing.BillingRecords.Transition;
import org.cinema.admin.billing.BillingUnavailable;
import org.cinema.admin.billing.RefundLimit;

/**
 * Billing's payments by status, creation dates and customer, or only those flagged for review; a
 * payment's history of transitions and its refunds; refunding a paid payment, whole or in part,
 * with a reason and a confirmation. A refund taking a payment's refunded total above {@link
 * RefundLimit} needs a superuser; every refund asked for is audited with its outcome, refusals
 * included.
 */
@Named
@ViewScoped
public class PaymentsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private BillingAdmin billing;

  @Inject private RefundLimit limit;

  @Inject private AuditTrail audit;

  @Inject private CurrentManager currentManager;

  private PagedModel<Payment> payments;
  private String status;
  private LocalDate from;
  private LocalDate to;
  private UUID customer;
  private boolean review;

  private Payment shown;
  private List<Transition> history = List.of();
  private List<Refund> refunds = List.of();

  private Payment refunding;
  private BigDecimal refundAmount;
  private String refundReason;
  private String refundRequestId;

  @PostConstruct
  void init() {
    payments =
        new PagedModel<>(
            new PagedModel.Source<>() {
              private static final long serialVersionUID = 1L;

              @Override
              public long count() {
                return BillingPages.total(
                    () -> billing.payments(customer, status, from, to, review, 1, 1));
              }

              @Override
              public List<Payment> page(int first, int size, String sort, boolean asc) {
                return BillingPages.items(
                    () ->
                        billing.payments(
                            customer,
                            status,
                            from,
                            to,
                            review,
                            BillingPages.pageOf(first, size),
                            size));
              }
            },
            "created_at");
  }

  public List<String> getStatuses() {
    return List.of(
        "CREATED", "PENDING", "SUCCEEDED", "FAILED", "CANCELED", "REFUNDED", "PARTIALLY_REFUNDED");
  }

  /** The payment's history of transitions and its refunds, with their reasons. */
  public void showHistory(Payment payment) {
    shown = payment;
    try {
      history = billing.history(payment.id());
      refunds = billing.refunds(payment.id());
    } catch (BillingUnavailable e) {
      history = List.of();
      refunds = List.of();
      Messages.errorText(e.getMessage());
    }
  }

  public void askRefund(Payment payment) {
    refunding = payment;
    refundAmount = null;
    refundReason = null;
    refundRequestId = UUID.randomUUID().toString();
  }

  /** Refunds what the dialog says: all that is left when no amount is given. */
  public void refund() {
    if (refunding == null) {
      return;
    }
    if (refundAmount != null && refundAmount.compareTo(refunding.refundable()) > 0) {
      Messages.error("refund.too.large", refunding.refundable(), refunding.currency());
      return;
    }
    String asked =
        RefundLimit.amountOf(refunding, refundAmount).toPlainString()
            + " "
            + refunding.currency()
            + (refundAmount == null ? " (all that was left)" : "")
            + ", reason: "
            + refundReason;
    if (limit.needsSuperuser(refunding, refundAmount) && !currentManager.isSuperuser()) {
      audit.record(
          AuditAction.REFUND_REFUSED,
          refunding.id(),
          asked
              + "; outcome: refused, above "
              + limit.above().toPlainString()
              + " needs a superuser");
      Messages.error("refund.superuser", limit.above().toPlainString(), refunding.currency());
      return;
    }
    try {
      Payment after = billing.refund(refunding.id(), refundAmount, refundReason, refundRequestId);
      audit.record(
          AuditAction.REFUND,
          refunding.id(),
          asked + "; outcome: " + after.status() + ", refunded in all " + after.refundedAmount());
      Messages.info("refund.done", after.id(), after.status());
      refunding = null;
    } catch (BillingUnavailable e) {
      audit.record(
          AuditAction.REFUND, refunding.id(), asked + "; outcome: failed, " + e.getMessage());
      Messages.errorText(e.getMessage());
    } catch (RuntimeException e) {
      audit.record(AuditAction.REFUND, refunding.id(), asked + "; outcome: unknown, " + e);
      throw e;
    }
  }

  public PagedModel<Payment> getPayments() {
    return payments;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public UUID getCustomer() {
    return customer;
  }

  public void setCustomer(UUID customer) {
    this.customer = customer;
  }

  public boolean isReview() {
    return review;
  }

  public void setReview(boolean review) {
    this.review = review;
  }

  public List<Refund> getRefunds() {
    return refunds;
  }

  public Payment getShown() {
    return shown;
  }

  public List<Transition> getHistory() {
    return history;
  }

  public Payment getRefunding() {
    return refunding;
  }

  public BigDecimal getRefundAmount() {
    return refundAmount;
  }

  public void setRefundAmount(BigDecimal refundAmount) {
    this.refundAmount = refundAmount;
  }

  public String getRefundReason() {
    return refundReason;
  }

  public void setRefundReason(String refundReason) {
    this.refundReason = refundReason;
  }
}
