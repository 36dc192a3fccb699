package org.cinema.billing.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cinema.billing.catalog.BillingPeriod;
import org.cinema.billing.catalog.Product;
import org.cinema.billing.invoice.Invoice;
import org.cinema.billing.notification.EventType;
import org.cinema.billing.platform.AuditedEntity;

/**
 * A viewer's subscription to a product, at the price and period the product had then, and the rules
 * of its life: what a payment, a decline, a refund, a cancel or the passing of time does to it. Its
 * status moves only as {@link SubscriptionStatus} allows.
 */
@Entity
@EntityListeners(SubscriptionAccessEvents.class)
@Table(name = "subscription", schema = "billing")
public class Subscription extends AuditedEntity {

  @Id private UUID id;

  @Column(name = "account_id", nullable = false)
  private UUID accountId;

  @Column(name = "product_id", nullable = false)
  private UUID productId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private SubscriptionStatus status;

  @Column(nullable = false, precision = 12, scale = 2)
  private BigDecimal price;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(nullable = false)
  private BillingPeriod period;

  @Column(name = "current_period_start")
  private Instant currentPeriodStart;

  @Column(name = "current_period_end")
  private Instant currentPeriodEnd;

  /** The first paid period's start: later periods keep its day of the month (BillingPeriod). */
  @Column(name = "period_anchor")
  private Instant periodAnchor;

  @Column(name = "cancel_at_period_end", nullable = false)
  private boolean cancelAtPeriodEnd;

  @Column(name = "canceled_at")
  private Instant canceledAt;

  @Column(name = "cancel_reason")
  private String cancelReason;

  /** Declines of the renewal now owed (0 unless PAST_DUE). */
  @Column(name = "renewal_failures", nullable = false)
  private int renewalFailures;

  /** When the renewal now owed was first declined. */
  @Column(name = "past_due_since")
  private Instant pastDueSince;

  /** When the renewal now owed is charged again; null once the last retry has failed. */
  @Column(name = "retry_at")
  private Instant retryAt;

  @Version private long version;

  /** What happened to it in this transaction that someone is told of (drained to the outbox). */
  @Transient private List<EventType> changes = new ArrayList<>();

  /** What a viewer's cancel did. */
  public enum Cancel {
    /** It had not been paid: it ended now. */
    ENDED_NOW,
    /** It runs to the end of the paid period and does not renew. */
    AT_PERIOD_END
  }

  protected Subscription() {}

  /** A new, unpaid subscription to {@code product} at its current price. */
  public static Subscription pending(UUID accountId, Product product) {
    Subscription subscription = new Subscription();
    subscription.id = UUID.randomUUID();
    subscription.accountId = accountId;
    subscription.productId = product.id();
    subscription.status = SubscriptionStatus.PENDING;
    subscription.price = product.price();
    subscription.currency = product.currency();
    subscription.period = product.period();
    return subscription;
  }

  /** The invoice of the first period, as if it started at {@code at} (it starts when paid). */
  public Invoice firstInvoice(Instant at) {
    return Invoice.open(id, accountId, price, currency, at, period.after(at));
  }

  /** The invoice of the period that follows the current one. */
  public Invoice nextInvoice() {
    return Invoice.open(
        id, accountId, price, currency, currentPeriodEnd, period.after(currentPeriodEnd, anchor()));
  }

  /** Whether {@code invoice} is the unpaid one for the period that follows this one's. */
  public boolean isRenewal(Invoice invoice) {
    return invoice.isOpen()
        && invoice.subscriptionId().equals(id)
        && currentPeriodEnd != null
        && invoice.periodStart().equals(currentPeriodEnd);
  }

  /**
   * The money for {@code invoice} arrived at {@code paidAt}: a first payment starts the first
   * period (and anchors the series); a renewal's continues from the old end without a gap, also
   * when it is paid late after a decline (the period it bought is the one that followed, as with
   * Stripe's invoices). The invoice is paid for the period it bought.
   *
   * @return empty when taken; otherwise why this subscription cannot take the money (it ended, the
   *     invoice is void or paid already): the money must go back
   */
  public Optional<String> onPaymentSucceeded(Invoice invoice, Instant paidAt) {
    if (!invoice.isOpen()) {
      return Optional.of("its invoice is " + invoice.status());
    }
    if (status == SubscriptionStatus.PENDING) {
      moveTo(SubscriptionStatus.ACTIVE);
      changed(EventType.SUBSCRIPTION_ACTIVATED);
      currentPeriodStart = paidAt;
      currentPeriodEnd = period.after(paidAt);
      periodAnchor = paidAt;
    } else if (status.isRunning() && isRenewal(invoice)) {
      Instant start = currentPeriodEnd;
      moveTo(SubscriptionStatus.ACTIVE);
      currentPeriodStart = start;
      currentPeriodEnd = period.after(start, anchor());
      renewalFailures = 0;
      pastDueSince = null;
      retryAt = null;
      changed(EventType.SUBSCRIPTION_RENEWED);
    } else {
      return Optional.of(
          status.isOpen()
              ? "its subscription is " + status + " and the invoice is not for its next period"
              : "its subscription is " + status);
    }
    invoice.pay(paidAt, currentPeriodStart, currentPeriodEnd);
    return Optional.empty();
  }

  /**
   * A renewal's payment was declined at {@code at}: PAST_DUE, and charged again when {@code
   * schedule} says (counted from the first decline); what was paid for stays watchable to its end
   * and the schedule's grace after it. After the last retry there is none: the renewer cancels it.
   *
   * @return whether this decline counted (a renewal's, of a running subscription)
   */
  public boolean onRenewalDeclined(Invoice invoice, Instant at, Dunning.Schedule schedule) {
    if (!status.isRunning() || !isRenewal(invoice)) {
      return false;
    }
    if (status == SubscriptionStatus.ACTIVE) {
      moveTo(SubscriptionStatus.PAST_DUE);
      renewalFailures = 0;
      pastDueSince = at;
    }
    renewalFailures++;
    retryAt = schedule.retryAfter(renewalFailures, pastDueSince).orElse(null);
    changed(EventType.SUBSCRIPTION_PAST_DUE);
    return true;
  }

  /** The provider closed the first checkout unpaid: an unpaid subscription ends. */
  public boolean onCheckoutExpired(Instant at) {
    if (status != SubscriptionStatus.PENDING) {
      return false;
    }
    end(SubscriptionStatus.CANCELED, "checkout expired", at);
    return true;
  }

  /**
   * A payment of this subscription was refunded whole: access ends now, unless the payment was for
   * an older period and a newer one was paid separately (that one stands).
   *
   * @return whether it ended now
   */
  public boolean onPaymentRefunded(boolean newerPeriodPaid, Instant at) {
    if (!status.isOpen() || newerPeriodPaid) {
      return false;
    }
    end(SubscriptionStatus.CANCELED, "payment refunded", at);
    return true;
  }

  /** The viewer's cancel: an unpaid subscription ends now, a paid one at the end of its period. */
  public Cancel cancelByViewer(Instant at) {
    if (status == SubscriptionStatus.PENDING) {
      end(SubscriptionStatus.CANCELED, "canceled before payment", at);
      return Cancel.ENDED_NOW;
    }
    if (!status.isRunning()) {
      throw new IllegalStateException("Subscription " + id + " is " + status + ": not open");
    }
    cancelAtPeriodEnd = true;
    canceledAt = at;
    cancelReason = "canceled by the subscriber";
    changed(EventType.SUBSCRIPTION_CANCELED);
    return Cancel.AT_PERIOD_END;
  }

  /**
   * Whether its next period should be invoiced and charged now: running, renewing, its product
   * still sold, its paid period ending by {@code horizon}.
   */
  public boolean renewalDue(Instant horizon, boolean productWithdrawn) {
    return status == SubscriptionStatus.ACTIVE
        && !cancelAtPeriodEnd
        && !productWithdrawn
        && !currentPeriodEnd.isAfter(horizon);
  }

  /**
   * Ends it when its time is up: cancelled to period end or its product withdrawn, once the period
   * is over (EXPIRED); past due with no retry left (CANCELED); or a renewal awaiting the viewer (no
   * saved card) still unpaid when the grace after the period ({@code unpaidBefore}) is over.
   *
   * @return why it ended now; empty when it goes on
   */
  public Optional<String> expireIfDue(Instant now, Instant unpaidBefore, boolean productWithdrawn) {
    if (!status.isRunning()) {
      return Optional.empty();
    }
    boolean periodOver = !currentPeriodEnd.isAfter(now);
    String reason;
    if (status == SubscriptionStatus.ACTIVE && periodOver && cancelAtPeriodEnd) {
      reason = "canceled by the subscriber; the paid period ended";
    } else if (status == SubscriptionStatus.ACTIVE && periodOver && productWithdrawn) {
      reason = "the product is no longer sold; the paid period ended";
    } else if (status == SubscriptionStatus.PAST_DUE && retryAt == null) {
      reason = "renewal declined " + renewalFailures + " times";
      end(SubscriptionStatus.CANCELED, reason, now);
      return Optional.of(reason);
    } else if (status == SubscriptionStatus.PAST_DUE && periodOver && productWithdrawn) {
      reason = "the product is no longer sold; the renewal was not paid";
    } else if (status == SubscriptionStatus.ACTIVE && !currentPeriodEnd.isAfter(unpaidBefore)) {
      reason = "renewal not paid";
    } else {
      return Optional.empty();
    }
    end(SubscriptionStatus.EXPIRED, reason, now);
    return Optional.of(reason);
  }

  private void end(SubscriptionStatus target, String reason, Instant at) {
    moveTo(target);
    changed(
        target == SubscriptionStatus.CANCELED
            ? EventType.SUBSCRIPTION_CANCELED
            : EventType.SUBSCRIPTION_EXPIRED);
    if (canceledAt == null || target == SubscriptionStatus.CANCELED) {
      canceledAt = at;
    }
    cancelReason = reason;
  }

  private void moveTo(SubscriptionStatus target) {
    if (!status.canMoveTo(target)) {
      throw new IllegalStateException(
          "Subscription " + id + " cannot move from " + status + " to " + target);
    }
    status = target;
  }

  private void changed(EventType change) {
    if (changes == null) {
      changes = new ArrayList<>();
    }
    changes.add(change);
  }

  /** What happened to it since the last call, oldest first, for the outbox. */
  public List<EventType> takeChanges() {
    if (changes == null || changes.isEmpty()) {
      return List.of();
    }
    List<EventType> taken = List.copyOf(changes);
    changes.clear();
    return taken;
  }

  public UUID id() {
    return id;
  }

  public UUID accountId() {
    return accountId;
  }

  public UUID productId() {
    return productId;
  }

  public SubscriptionStatus status() {
    return status;
  }

  public BigDecimal price() {
    return price;
  }

  public String currency() {
    return currency;
  }

  /** The series' anchor; rows from before anchors were kept use their current period's start. */
  private Instant anchor() {
    return periodAnchor != null ? periodAnchor : currentPeriodStart;
  }

  public BillingPeriod period() {
    return period;
  }

  public Instant currentPeriodStart() {
    return currentPeriodStart;
  }

  public Instant currentPeriodEnd() {
    return currentPeriodEnd;
  }

  public boolean cancelsAtPeriodEnd() {
    return cancelAtPeriodEnd;
  }

  public Instant canceledAt() {
    return canceledAt;
  }

  public String cancelReason() {
    return cancelReason;
  }

  public int renewalFailures() {
    return renewalFailures;
  }

  public Instant pastDueSince() {
    return pastDueSince;
  }

  public Instant retryAt() {
    return retryAt;
  }
}
