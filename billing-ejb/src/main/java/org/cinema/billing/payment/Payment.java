package org.cinema.billing.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cinema.billing.error.BillingException;
import org.cinema.billing.invoice.Invoice;
import org.cinema.billing.payment.gateway.PaymentReference;
import org.cinema.billing.payment.gateway.ProviderEvent;
import org.cinema.billing.platform.AuditedEntity;
import org.cinema.billing.platform.Money;
import org.cinema.common.error.ErrorCode;

/**
 * One attempt to collect an invoice through a payment provider, and the rules of its money: which
 * moves its status may make ({@link PaymentStatus}), that a success must be for the amount and
 * currency asked, and that what was refunded is derived (the sum of its succeeded refunds, or the
 * provider's own cumulative figure when larger), never added up. Every change is recorded as a
 * history entry with its cause, which the ledger saves ({@link #takeHistory}).
 */
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

  @Column(name = "refunded_amount", nullable = false, precision = 15, scale = 3)
  private BigDecimal refundedAmount;

  /** The largest cumulative refunded figure the provider reported (charge.refunded). */
  @Column(name = "provider_refunded_amount", nullable = false, precision = 15, scale = 3)
  private BigDecimal providerRefundedAmount;

  @Column(name = "paid_at")
  private Instant paidAt;

  @Column(name = "review_reason")
  private String reviewReason;

  @Column(name = "review_flagged_at")
  private Instant reviewFlaggedAt;

  @Column(name = "checkout_closed_at")
  private Instant checkoutClosedAt;

  @Version private long version;

  /** History entries made since loading, for the ledger to save. */
  private transient List<PaymentTransition> unsaved;

  /** How a reported success was taken. */
  public enum Success {
    /** Now paid. */
    PAID,
    /** Paid although our side had canceled the payment: the money must go back. */
    PAID_AFTER_CANCEL,
    /** Not applied: the amount or currency differ from what was asked; flagged for review. */
    MISMATCH,
    /** Paid before: nothing changed. */
    ALREADY_PAID
  }

  protected Payment() {}

  /** A new payment of the whole invoice through {@code provider}, its history starting now. */
  public static Payment of(Invoice invoice, String provider, String cause, Instant at) {
    Payment payment = new Payment();
    payment.id = UUID.randomUUID();
    payment.invoiceId = invoice.id();
    payment.accountId = invoice.accountId();
    payment.amount = invoice.amount();
    payment.currency = invoice.currency();
    payment.status = PaymentStatus.CREATED;
    payment.provider = provider;
    payment.refundedAmount = BigDecimal.ZERO;
    payment.providerRefundedAmount = BigDecimal.ZERO;
    payment.record(new PaymentTransition(payment.id, null, PaymentStatus.CREATED, cause, at));
    return payment;
  }

  /** The provider opened its checkout: where the viewer pays (none for a saved card charged). */
  public void checkoutOpened(String providerPaymentId, String checkoutUrl, Instant at) {
    this.providerPaymentId = providerPaymentId;
    this.checkoutUrl = checkoutUrl;
    if (status == PaymentStatus.CREATED) {
      move(PaymentStatus.PENDING, "checkout opened", at);
    } else if (status == PaymentStatus.CANCELED) {
      // Canceled while the provider was opening it: the page it opened must be closed too.
      checkoutClosedAt = null;
    }
  }

  /**
   * The provider says the money was taken. Applied only when it is the amount and currency asked
   * for; a payment our side had canceled is still marked paid (the money came), and the caller
   * refunds it.
   */
  public Success onSucceeded(ProviderEvent event, Instant at) {
    if (status.isPaid()) {
      Optional<String> other =
          event
              .providerIntentId()
              .filter(intent -> providerIntentId != null)
              .filter(intent -> !intent.equals(providerIntentId));
      other.ifPresent(
          intent ->
              flagForReview(
                  "a second charge " + intent + " was reported for this paid payment", at));
      return Success.ALREADY_PAID;
    }
    Optional<String> mismatch = mismatch(event, "paid");
    if (mismatch.isPresent()) {
      flagForReview(mismatch.get() + " (" + event.cause() + "); not applied", at);
      return Success.MISMATCH;
    }
    boolean afterCancel = status == PaymentStatus.CANCELED;
    move(PaymentStatus.SUCCEEDED, event.cause(), at);
    event.providerIntentId().ifPresent(intent -> providerIntentId = intent);
    paidAt = at;
    failureCode = null;
    failureMessage = null;
    return afterCancel ? Success.PAID_AFTER_CANCEL : Success.PAID;
  }

  /**
   * A card was declined. A payment declined before keeps its status and takes the newer reason.
   *
   * @return whether the payment moved to FAILED now
   */
  public boolean onFailed(ProviderEvent event, Instant at) {
    if (status != PaymentStatus.FAILED && !status.canMoveTo(PaymentStatus.FAILED)) {
      return false;
    }
    event
        .providerIntentId()
        .filter(intent -> providerIntentId == null)
        .ifPresent(intent -> providerIntentId = intent);
    boolean moved = status != PaymentStatus.FAILED;
    if (moved) {
      move(PaymentStatus.FAILED, event.cause(), at);
    }
    failureCode = truncate(event.failureCode().orElse(null), 64);
    failureMessage = truncate(event.failureMessage().orElse(null), 512);
    return moved;
  }

  /**
   * The provider closed the checkout (it expired, or the charge was canceled there).
   *
   * @return whether the payment moved to CANCELED now
   */
  public boolean onCanceledByProvider(String cause, Instant at) {
    if (!status.isUnpaid()) {
      return false;
    }
    move(PaymentStatus.CANCELED, cause, at);
    checkoutClosedAt = at;
    return true;
  }

  /**
   * Our side ends an unpaid payment; the provider's checkout must then be closed too ({@link
   * #checkoutStillOpen}).
   *
   * @return whether the payment moved to CANCELED now
   */
  public boolean cancel(String cause, Instant at) {
    if (!status.isUnpaid()) {
      return false;
    }
    move(PaymentStatus.CANCELED, cause, at);
    if (providerPaymentId == null) {
      checkoutClosedAt = at;
    }
    return true;
  }

  /** The provider confirmed that the checkout of this canceled payment takes no money now. */
  public void checkoutClosed(Instant at) {
    if (checkoutClosedAt == null) {
      checkoutClosedAt = at;
    }
  }

  /** Canceled by our side, and the provider has not confirmed its checkout closed yet. */
  public boolean checkoutStillOpen() {
    return status == PaymentStatus.CANCELED
        && checkoutClosedAt == null
        && providerPaymentId != null;
  }

  /**
   * The provider reports how much it has refunded on the charge in all (charge.refunded): kept,
   * whatever the payment's status, so that a refund reported before the payment's success is not
   * lost. The figure only ever grows. A figure in another currency is not taken; it is flagged.
   */
  public void onRefundReported(ProviderEvent event, Instant at) {
    Optional<String> reported = event.currency().filter(c -> !c.equalsIgnoreCase(currency));
    if (reported.isPresent() || event.currency().isEmpty()) {
      flagForReview(
          "a refund was reported in "
              + event.currency().orElse("no currency")
              + " on a payment in "
              + currency
              + " ("
              + event.cause()
              + "); not applied",
          at);
      return;
    }
    long minor =
        event
            .amountMinor()
            .orElseThrow(
                () -> new IllegalArgumentException(event.cause() + " says nothing of how much"));
    BigDecimal total = Money.fromMinorUnits(minor, currency);
    if (total.compareTo(amount) > 0) {
      flagForReview(
          "the provider reports " + total + " " + currency + " refunded of " + amount, at);
    }
    if (total.compareTo(providerRefundedAmount) > 0) {
      providerRefundedAmount = total;
    }
  }

  /**
   * Brings the refunded total and the status in line with the refunds: the larger of the sum of
   * succeeded refunds and the provider's figure, at most the amount. Applying it again, or with a
   * refund confirmed twice or reported twice, changes nothing.
   *
   * @param refunds every refund of this payment
   * @return whether the payment became wholly refunded now
   */
  public boolean settleRefunds(List<Refund> refunds, String cause, Instant at) {
    if (!status.isPaid()) {
      return false;
    }
    BigDecimal total = succeeded(refunds).max(providerRefundedAmount).min(amount);
    if (total.compareTo(refundedAmount) <= 0) {
      return false;
    }
    boolean whole = total.compareTo(amount) == 0;
    PaymentStatus target = whole ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
    move(target, cause, at);
    refundedAmount = total;
    return whole;
  }

  /**
   * A new refund of {@code requested} (all that is left when empty), pending until the provider
   * confirms it.
   *
   * @param refunds every refund of this payment so far
   * @throws BillingException PAYMENT_NOT_REFUNDABLE, REFUND_TOO_LARGE, or INVALID_INPUT for an
   *     amount that is not positive or has more decimals than the currency
   */
  public Refund beginRefund(Optional<BigDecimal> requested, String reason, List<Refund> refunds) {
    requested.ifPresent(value -> Money.requirePositiveIn("amount", value, currency));
    if (!status.isRefundable()) {
      throw new BillingException(
          ErrorCode.PAYMENT_NOT_REFUNDABLE,
          "Payment " + id + " is " + status + ": only a paid payment is refunded");
    }
    BigDecimal left = refundableLeft(refunds);
    if (left.signum() <= 0) {
      throw new BillingException(
          ErrorCode.PAYMENT_NOT_REFUNDABLE,
          "Payment " + id + ": everything paid is refunded or being refunded");
    }
    BigDecimal amountToRefund = requested.orElse(left);
    if (amountToRefund.compareTo(left) > 0) {
      throw new BillingException(
          ErrorCode.REFUND_TOO_LARGE,
          "Up to "
              + Money.inCurrency(left, currency)
              + " "
              + currency
              + " can be refunded, not "
              + amountToRefund.toPlainString());
    }
    return new Refund(id, amountToRefund, currency, reason);
  }

  /**
   * What can still be refunded: the amount less everything refunded or being refunded (or the
   * provider's figure, when larger).
   */
  public BigDecimal refundableLeft(List<Refund> refunds) {
    BigDecimal asked = BigDecimal.ZERO;
    for (Refund refund : refunds) {
      if (refund.status() != RefundStatus.FAILED && refund.paymentId().equals(id)) {
        asked = asked.add(refund.amount());
      }
    }
    return amount
        .subtract(asked.max(providerRefundedAmount).max(refundedAmount))
        .max(BigDecimal.ZERO);
  }

  /**
   * Viewers may refund their own payment only within {@code window} of paying; administrators are
   * not limited.
   *
   * @throws BillingException REFUND_WINDOW_CLOSED
   */
  public void requireRefundableByViewer(Instant now, Duration window) {
    if (paidAt != null && now.isAfter(paidAt.plus(window))) {
      throw new BillingException(
          ErrorCode.REFUND_WINDOW_CLOSED,
          "A payment can be refunded within "
              + describe(window)
              + " of paying; this one was paid at "
              + paidAt
              + ". Ask the cinema's support.");
    }
  }

  /** Someone must look at this payment: why, kept in its history too (once per reason). */
  public void flagForReview(String reason, Instant at) {
    String kept = truncate(reason, 512);
    if (kept.equals(reviewReason)) {
      return; // the same fact told again (the reconciler asking once more)
    }
    reviewReason = kept;
    reviewFlaggedAt = at;
    record(new PaymentTransition(id, status, status, "review: " + reason, at));
  }

  /** History entries made since the last call, oldest first; the ledger saves them. */
  public List<PaymentTransition> takeHistory() {
    List<PaymentTransition> taken = unsaved == null ? List.of() : List.copyOf(unsaved);
    unsaved = null;
    return taken;
  }

  /** How the provider knows this payment, for asking it. */
  public PaymentReference reference() {
    return new PaymentReference(
        id, Optional.ofNullable(providerPaymentId), Optional.ofNullable(providerIntentId));
  }

  private void move(PaymentStatus target, String cause, Instant at) {
    if (!status.canMoveTo(target)) {
      throw new IllegalStateException(
          "Payment " + id + " cannot move from " + status + " to " + target);
    }
    record(new PaymentTransition(id, status, target, cause, at));
    status = target;
  }

  private void record(PaymentTransition entry) {
    if (unsaved == null) {
      unsaved = new ArrayList<>();
    }
    unsaved.add(entry);
  }

  /** Why the money an event reports is not what this payment asked for, if it is not. */
  private Optional<String> mismatch(ProviderEvent event, String what) {
    if (event.amountMinor().isEmpty() || event.currency().isEmpty()) {
      return Optional.of("the provider did not say how much was " + what);
    }
    String reportedCurrency = event.currency().get();
    long reported = event.amountMinor().get();
    if (!reportedCurrency.equalsIgnoreCase(currency)
        || reported != Money.toMinorUnits(amount, currency)) {
      String shown =
          Money.fractionDigits(reportedCurrency).isPresent()
              ? Money.fromMinorUnits(reported, reportedCurrency).toPlainString()
              : reported + " minor units of";
      return Optional.of(
          "the provider reported "
              + shown
              + " "
              + reportedCurrency.toUpperCase()
              + " "
              + what
              + ", not "
              + amount.toPlainString()
              + " "
              + currency);
    }
    return Optional.empty();
  }

  private BigDecimal succeeded(List<Refund> refunds) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Refund refund : refunds) {
      if (refund.status() == RefundStatus.SUCCEEDED && refund.paymentId().equals(id)) {
        sum = sum.add(refund.amount());
      }
    }
    return sum;
  }

  private static String describe(Duration window) {
    if (window.toHours() % 24 == 0 && window.toDays() > 0) {
      return window.toDays() + (window.toDays() == 1 ? " day" : " days");
    }
    if (window.toMinutes() % 60 == 0 && window.toHours() > 0) {
      return window.toHours() + (window.toHours() == 1 ? " hour" : " hours");
    }
    return window.toSeconds() + " seconds";
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

  /** What was refunded, in the currency's decimals. */
  public BigDecimal refundedAmount() {
    return Money.inCurrency(refundedAmount, currency);
  }

  public Instant paidAt() {
    return paidAt;
  }

  public Optional<String> reviewReason() {
    return Optional.ofNullable(reviewReason);
  }
}
