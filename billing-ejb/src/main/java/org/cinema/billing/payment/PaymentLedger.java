package org.cinema.billing.payment;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.cinema.billing.error.BillingException;
import org.cinema.billing.error.ErrorCode;
import org.cinema.billing.invoice.Invoice;
import org.cinema.billing.payment.gateway.CheckoutSession;
import org.cinema.billing.payment.gateway.PaymentReference;
import org.cinema.billing.payment.gateway.RefundConfirmation;
import org.cinema.billing.payment.gateway.RefundRequest;
import org.cinema.billing.subscription.Subscription;
import org.cinema.billing.subscription.SubscriptionStatus;

/**
 * Every change to a payment goes through here, one short transaction each, with the payment row
 * locked: concurrent webhook deliveries and refunds of one payment queue up instead of racing. Each
 * change is checked against {@link PaymentStatus}'s table and recorded with its cause.
 */
@Stateless
public class PaymentLedger {

  private static final Logger LOG = Logger.getLogger(PaymentLedger.class.getName());

  @PersistenceContext private EntityManager em;

  @Inject private Clock clock;

  /**
   * The provider answered a checkout: applies the outcome it already reported (a saved card charged
   * or declined), then remembers where the viewer pays, if anywhere.
   */
  public Payment checkoutOpened(UUID paymentId, CheckoutSession session) {
    Payment payment = lock(paymentId);
    session.outcome().ifPresent(outcome -> applyTo(payment, outcome));
    payment.checkoutOpened(session.providerPaymentId(), session.url());
    if (payment.status() == PaymentStatus.CREATED) {
      em.persist(payment.moveTo(PaymentStatus.PENDING, "checkout opened", clock.instant()));
    }
    return payment;
  }

  /** Applies what a provider reported, where the transition table allows; otherwise no change. */
  public void apply(ProviderEvent event) {
    Optional<Payment> found = locate(event);
    if (found.isEmpty()) {
      LOG.warning(() -> event.cause() + " names no payment of ours; ignored");
      return;
    }
    applyTo(found.get(), event);
  }

  /**
   * Applies what the provider said about this payment (the reconciler asked about it).
   *
   * @return the status it moved to, when it moved
   */
  public Optional<PaymentStatus> apply(UUID paymentId, ProviderEvent event) {
    Payment payment = lock(paymentId);
    PaymentStatus before = payment.status();
    applyTo(payment, event);
    return payment.status() == before ? Optional.empty() : Optional.of(payment.status());
  }

  private void applyTo(Payment payment, ProviderEvent event) {
    switch (event.outcome()) {
      case SUCCEEDED -> succeeded(payment, event);
      case FAILED -> failed(payment, event);
      case REFUNDED -> refundedTotal(payment, event.refundedTotal().orElseThrow(), event.cause());
      case CANCELED -> canceled(payment, event);
      case IGNORED -> {}
    }
  }

  private void succeeded(Payment payment, ProviderEvent event) {
    if (!payment.status().canMoveTo(PaymentStatus.SUCCEEDED)) {
      ignore(payment, event);
      return;
    }
    Instant paidAt = clock.instant();
    em.persist(payment.moveTo(PaymentStatus.SUCCEEDED, event.cause(), paidAt));
    payment.paid(paidAt, event.providerIntentId().orElse(null));
    Invoice invoice = em.find(Invoice.class, payment.invoiceId(), LockModeType.PESSIMISTIC_WRITE);
    Subscription subscription =
        em.find(Subscription.class, invoice.subscriptionId(), LockModeType.PESSIMISTIC_WRITE);
    if (subscription.status() == SubscriptionStatus.PENDING) {
      subscription.activate(paidAt);
    } else if ((subscription.status() == SubscriptionStatus.ACTIVE
            || subscription.status() == SubscriptionStatus.PAST_DUE)
        && invoice.isRenewalOf(subscription)) {
      subscription.renew(paidAt);
    } else {
      invoice.markPaid(paidAt, invoice.periodStart(), invoice.periodEnd());
      LOG.warning(
          () ->
              "Payment "
                  + payment.id()
                  + " succeeded for subscription "
                  + subscription.id()
                  + " in status "
                  + subscription.status()
                  + ": not activated; refund it from the admin");
      return;
    }
    invoice.markPaid(paidAt, subscription.currentPeriodStart(), subscription.currentPeriodEnd());
  }

  private void failed(Payment payment, ProviderEvent event) {
    event.providerIntentId().ifPresent(payment::intentKnown);
    if (payment.status() == PaymentStatus.FAILED) {
      payment.failed(event.failureCode().orElse(null), event.failureMessage().orElse(null));
      return;
    }
    if (!payment.status().canMoveTo(PaymentStatus.FAILED)) {
      ignore(payment, event);
      return;
    }
    em.persist(payment.moveTo(PaymentStatus.FAILED, event.cause(), clock.instant()));
    payment.failed(event.failureCode().orElse(null), event.failureMessage().orElse(null));
    Invoice invoice = em.find(Invoice.class, payment.invoiceId());
    Subscription subscription = subscriptionOf(payment);
    if (subscription.status() == SubscriptionStatus.ACTIVE && invoice.isRenewalOf(subscription)) {
      subscription.pastDue();
    }
  }

  private void canceled(Payment payment, ProviderEvent event) {
    if (!payment.status().canMoveTo(PaymentStatus.CANCELED)) {
      ignore(payment, event);
      return;
    }
    Instant now = clock.instant();
    em.persist(payment.moveTo(PaymentStatus.CANCELED, event.cause(), now));
    Subscription subscription = subscriptionOf(payment);
    if (subscription.status() == SubscriptionStatus.PENDING) {
      subscription.cancel("checkout expired", now);
    }
  }

  /**
   * Brings the payment's refunded total up to {@code total}; a fully refunded payment ends its
   * subscription at once. A total at or below what is recorded changes nothing (a late or repeated
   * confirmation).
   */
  private void refundedTotal(Payment payment, BigDecimal total, String cause) {
    if (total.compareTo(payment.refundedAmount()) <= 0) {
      return;
    }
    boolean whole = total.compareTo(payment.amount()) >= 0;
    PaymentStatus target = whole ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
    if (!payment.status().canMoveTo(target)) {
      LOG.warning(() -> cause + ": payment " + payment.id() + " is " + payment.status());
      return;
    }
    Instant now = clock.instant();
    em.persist(payment.moveTo(target, cause, now));
    payment.refunded(whole ? payment.amount() : total);
    if (whole) {
      Subscription subscription = subscriptionOf(payment);
      if (subscription.status().isOpen()) {
        subscription.cancel("payment refunded", now);
      }
    }
  }

  /**
   * Starts a refund: checks the payment can give back {@code amount} (all that is left when empty)
   * and records the refund as pending.
   *
   * @param owner the account that must own the payment (empty for an administrator)
   */
  public RefundRequest beginRefund(
      UUID paymentId, Optional<UUID> owner, Optional<BigDecimal> amount, String reason, URI base) {
    Payment payment = lock(paymentId);
    if (owner.isPresent() && !owner.get().equals(payment.accountId())) {
      throw notFound(paymentId);
    }
    if (!payment.status().isRefundable()) {
      throw new BillingException(
          ErrorCode.PAYMENT_NOT_REFUNDABLE,
          "Payment " + paymentId + " is " + payment.status() + ": only a paid payment is refunded");
    }
    BigDecimal left = payment.refundable().subtract(pendingRefunds(paymentId));
    BigDecimal requested = amount.orElse(left);
    if (requested.signum() <= 0 || requested.compareTo(left) > 0) {
      throw new BillingException(
          ErrorCode.REFUND_TOO_LARGE,
          "Up to " + left + " " + payment.currency() + " can be refunded, not " + requested);
    }
    Refund refund = new Refund(payment, requested, reason);
    em.persist(refund);
    return new RefundRequest(
        refund.id(),
        payment.id(),
        payment.accountId(),
        payment.providerPaymentId(),
        payment.providerIntentId(),
        requested,
        payment.refundedAmount().add(requested),
        payment.currency(),
        base);
  }

  /** The provider accepted the refund: the money is back, and a whole refund ends access now. */
  public Payment completeRefund(UUID refundId, RefundConfirmation confirmation, String cause) {
    Refund refund = em.find(Refund.class, refundId, LockModeType.PESSIMISTIC_WRITE);
    Payment payment = lock(refund.paymentId());
    refund.succeeded(confirmation.providerRefundId());
    refundedTotal(payment, payment.refundedAmount().add(refund.amount()), cause);
    return payment;
  }

  public void failRefund(UUID refundId) {
    em.find(Refund.class, refundId, LockModeType.PESSIMISTIC_WRITE).failed();
  }

  /** A payment of {@code accountId}; another account's payment is not found, as a missing one. */
  public Payment getOwned(UUID paymentId, UUID accountId) {
    return Optional.ofNullable(em.find(Payment.class, paymentId))
        .filter(payment -> payment.accountId().equals(accountId))
        .orElseThrow(() -> notFound(paymentId));
  }

  public Payment get(UUID paymentId) {
    return Optional.ofNullable(em.find(Payment.class, paymentId))
        .orElseThrow(() -> notFound(paymentId));
  }

  public Optional<Payment> findByProviderPaymentId(String provider, String providerPaymentId) {
    return em.createQuery(
            "select p from Payment p where p.provider = :provider"
                + " and p.providerPaymentId = :ref",
            Payment.class)
        .setParameter("provider", provider)
        .setParameter("ref", providerPaymentId)
        .getResultStream()
        .findFirst();
  }

  /**
   * Payments of {@code provider} still waiting for an outcome (not checked out yet, or checked out
   * and unpaid), last changed between {@code after} and {@code before}, oldest first: what the
   * reconciler asks about.
   */
  public List<PaymentReference> waiting(String provider, Instant after, Instant before, int limit) {
    return em.createQuery(
            "select p from Payment p where p.provider = :provider and p.status in :open"
                + " and p.updatedAt > :after and p.updatedAt < :before order by p.updatedAt",
            Payment.class)
        .setParameter("provider", provider)
        .setParameter("open", List.of(PaymentStatus.CREATED, PaymentStatus.PENDING))
        .setParameter("after", after)
        .setParameter("before", before)
        .setMaxResults(limit)
        .getResultStream()
        .map(
            p ->
                new PaymentReference(
                    p.id(),
                    Optional.ofNullable(p.providerPaymentId()),
                    Optional.ofNullable(p.providerIntentId())))
        .toList();
  }

  public List<PaymentTransition> history(UUID paymentId) {
    return em.createQuery(
            "select t from PaymentTransition t where t.paymentId = :id order by t.occurredAt, t.id",
            PaymentTransition.class)
        .setParameter("id", paymentId)
        .getResultList();
  }

  /** By our id in the provider object's metadata, else by any provider id the event names. */
  private Optional<Payment> locate(ProviderEvent event) {
    List<String> refs =
        Stream.of(event.providerPaymentId(), event.providerIntentId())
            .flatMap(Optional::stream)
            .distinct()
            .toList();
    Optional<UUID> id =
        event
            .paymentId()
            .or(
                () ->
                    refs.isEmpty()
                        ? Optional.empty()
                        : em.createQuery(
                                "select p.id from Payment p where p.providerPaymentId in :refs"
                                    + " or p.providerIntentId in :refs",
                                UUID.class)
                            .setParameter("refs", refs)
                            .getResultStream()
                            .findFirst());
    return id.map(paymentId -> em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE));
  }

  private BigDecimal pendingRefunds(UUID paymentId) {
    BigDecimal pending =
        em.createQuery(
                "select coalesce(sum(r.amount), 0) from Refund r"
                    + " where r.paymentId = :id and r.status = :pending",
                BigDecimal.class)
            .setParameter("id", paymentId)
            .setParameter("pending", RefundStatus.PENDING)
            .getSingleResult();
    return pending == null ? BigDecimal.ZERO : pending;
  }

  private Subscription subscriptionOf(Payment payment) {
    Invoice invoice = em.find(Invoice.class, payment.invoiceId());
    return em.find(Subscription.class, invoice.subscriptionId(), LockModeType.PESSIMISTIC_WRITE);
  }

  private Payment lock(UUID paymentId) {
    return Optional.ofNullable(em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE))
        .orElseThrow(() -> notFound(paymentId));
  }

  private static void ignore(Payment payment, ProviderEvent event) {
    LOG.info(
        () ->
            event.cause()
                + ": payment "
                + payment.id()
                + " is "
                + payment.status()
                + ", no "
                + event.outcome()
                + " move from there; nothing changed");
  }

  private static BillingException notFound(UUID paymentId) {
    return new BillingException(ErrorCode.PAYMENT_NOT_FOUND, "No such payment: " + paymentId);
  }
}
