package org.cinema.billing.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.cinema.billing.catalog.BillingPeriod;
import org.cinema.billing.catalog.Product;
import org.cinema.billing.entitlement.SubscriptionAccessEvents;
import org.cinema.billing.platform.AuditedEntity;

/** A viewer's subscription to a product, at the price and period the product had then. */
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

  @Column(name = "cancel_at_period_end", nullable = false)
  private boolean cancelAtPeriodEnd;

  @Column(name = "canceled_at")
  private Instant canceledAt;

  @Column(name = "cancel_reason")
  private String cancelReason;

  @Version private long version;

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

  /** Paid: access from {@code paidAt} for one period. */
  public void activate(Instant paidAt) {
    status = SubscriptionStatus.ACTIVE;
    currentPeriodStart = paidAt;
    currentPeriodEnd = period.after(paidAt);
  }

  /**
   * The next period is paid: it follows the current one without a gap, or starts at {@code paidAt}
   * when that period ended unpaid (paid late, after a failed renewal).
   */
  public void renew(Instant paidAt) {
    Instant start = currentPeriodEnd.isAfter(paidAt) ? currentPeriodEnd : paidAt;
    status = SubscriptionStatus.ACTIVE;
    currentPeriodStart = start;
    currentPeriodEnd = period.after(start);
  }

  /** The renewal payment failed; what was paid for stays watchable until it ends. */
  public void pastDue() {
    status = SubscriptionStatus.PAST_DUE;
  }

  /** Ran out: cancelled to the end of its period, or its renewal went unpaid. */
  public void expire(String reason, Instant at) {
    status = SubscriptionStatus.EXPIRED;
    if (canceledAt == null) {
      canceledAt = at;
    }
    cancelReason = reason;
  }

  /** Ends it now (refund, abandoned checkout): access stops at once. */
  public void cancel(String reason, Instant at) {
    status = SubscriptionStatus.CANCELED;
    canceledAt = at;
    cancelReason = reason;
  }

  /** The viewer's cancel: keeps access to the end of the paid period, then no renewal. */
  public void cancelAtPeriodEnd(Instant at) {
    cancelAtPeriodEnd = true;
    canceledAt = at;
    cancelReason = "canceled by the subscriber";
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
}
