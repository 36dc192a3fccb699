package org.cinema.billing.payment;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.cinema.billing.error.BillingException;
import org.cinema.billing.notification.Outbox;
import org.cinema.billing.payment.gateway.CheckoutSession;
import org.cinema.billing.payment.gateway.PaymentReference;
import org.cinema.billing.payment.gateway.ProviderEvent;
import org.cinema.billing.payment.gateway.RefundConfirmation;
import org.cinema.billing.payment.gateway.RefundRequest;
import org.cinema.billing.platform.Money;
import org.cinema.common.error.ErrorCode;

/**
 * Every change to a payment goes through here, one short transaction each: load the payment with
 * its row locked (concurrent webhook deliveries, refunds and reconciliations of one payment queue
 * up instead of racing), let the aggregate decide ({@link Payment}, {@link Refund}), tell what it
 * pays for ({@link PaymentPurpose}), save it with its history. Lock order everywhere: payment, then
 * refund, then invoice, then subscription.
 */
@Stateless
public class PaymentLedger {

  private static final Logger LOG = Logger.getLogger(PaymentLedger.class.getName());

  @PersistenceContext private EntityManager em;

  @Inject private Clock clock;

  @Inject private PaymentPurpose purpose;

  @Inject private Event<PaymentFollowUp> followUps;

  @Inject private PaymentEvents events;

  @Inject private Outbox outbox;

  @Resource private TransactionSynchronizationRegistry transaction;

  /**
   * The provider answered a checkout: applies the outcome it already reported (a saved card charged
   * or declined), then remembers where the viewer pays, if anywhere.
   */
  public Payment checkoutOpened(UUID paymentId, CheckoutSession session) {
    Payment payment = lock(paymentId);
    Instant now = clock.instant();
    session.outcome().ifPresent(outcome -> applyTo(payment, outcome, now));
    payment.checkoutOpened(session.providerPaymentId(), session.url(), now);
    if (payment.checkoutStillOpen()) {
      followUps.fire(new PaymentFollowUp.CloseCheckout(payment.id()));
    }
    save(payment);
    return payment;
  }

  /**
   * {@link #checkoutOpened} for a group of payments in one transaction (renewals a provider charged
   * as a group), in the order given. The group's payments, then what they pay for, are locked in
   * one statement each (the lock order of one payment, for all); their changes reach the database
   * at the commit, each kind of change in one batched statement, and their events together ({@link
   * Outbox#writeTogether}). Queries on the way do not flush: each payment's rules read its own rows
   * only, which this transaction holds already.
   *
   * @return each payment's status after, by payment id
   */
  public Map<UUID, PaymentStatus> checkoutsOpened(Map<UUID, CheckoutSession> sessions) {
    em.setFlushMode(FlushModeType.COMMIT);
    List<Payment> locked =
        em.createQuery("select p from Payment p where p.id in :ids order by p.id", Payment.class)
            .setParameter("ids", sessions.keySet())
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    purpose.lockAll(locked);
    readRefundsAhead(sessions.keySet());
    return outbox.writeTogether(
        () -> {
          Map<UUID, PaymentStatus> after = new LinkedHashMap<>();
          sessions.forEach(
              (paymentId, session) ->
                  after.put(paymentId, checkoutOpened(paymentId, session).status()));
          return after;
        });
  }

  /**
   * Applies what a provider reported to the payment it names, where the rules allow; otherwise no
   * change.
   *
   * @return false when it names no payment of ours (yet): the caller keeps the event for later
   */
  public boolean apply(ProviderEvent event) {
    if (event.outcome() == ProviderEvent.Outcome.IGNORED) {
      return true;
    }
    Optional<Payment> found = locate(event);
    if (found.isEmpty()) {
      return false;
    }
    applyTo(found.get(), event, clock.instant());
    save(found.get());
    return true;
  }

  /**
   * Applies what the provider said about this payment (the reconciler asked about it).
   *
   * @return the status it moved to, when it moved
   */
  public Optional<PaymentStatus> apply(UUID paymentId, ProviderEvent event) {
    Payment payment = lock(paymentId);
    PaymentStatus before = payment.status();
    applyTo(payment, event, clock.instant());
    save(payment);
    return payment.status() == before ? Optional.empty() : Optional.of(payment.status());
  }

  private void applyTo(Payment payment, ProviderEvent event, Instant now) {
    switch (event.outcome()) {
      case SUCCEEDED -> succeeded(payment, event, now);
      case FAILED -> {
        if (payment.onFailed(event, now)) {
          purpose.declined(payment, now);
        }
      }
      case CANCELED -> {
        if (payment.onCanceledByProvider(event.cause(), now)) {
          purpose.checkoutExpired(payment, now);
        }
      }
      case REFUNDED -> {
        payment.onRefundReported(event, now);
        settle(payment, event.cause(), now);
      }
      case IGNORED -> {}
    }
  }

  private void succeeded(Payment payment, ProviderEvent event, Instant now) {
    switch (payment.onSucceeded(event, now)) {
      case PAID -> {
        if (settle(payment, event.cause() + ": refunded at the provider already", now)) {
          return;
        }
        purpose
            .paid(payment, now)
            .ifPresent(reason -> refundAutomatically(payment, "money arrived but " + reason, now));
      }
      case PAID_AFTER_CANCEL -> {
        if (!settle(payment, event.cause() + ": refunded at the provider already", now)) {
          refundAutomatically(
              payment, "money arrived after the payment was canceled (" + event.cause() + ")", now);
        }
      }
      case MISMATCH, ALREADY_PAID -> {}
    }
  }

  /** Refunded total and status from the refunds; a whole refund ends what the payment paid for. */
  private boolean settle(Payment payment, String cause, Instant now) {
    boolean whole = payment.settleRefunds(refunds(payment.id()), cause, now);
    if (whole) {
      purpose.refundedWhole(payment, now);
    }
    return whole;
  }

  /**
   * Money came for something that can no longer take it: it goes back at once, whole, and the
   * payment is flagged so that someone sees it (its history says why).
   */
  private void refundAutomatically(Payment payment, String why, Instant now) {
    payment.flagForReview(why + "; refunded automatically", now);
    List<Refund> refunds = refunds(payment.id());
    if (!payment.status().isRefundable() || payment.refundableLeft(refunds).signum() <= 0) {
      return;
    }
    Refund refund = payment.beginRefund(Optional.empty(), "automatic: " + why, refunds);
    em.persist(refund);
    forgetRefundsReadAhead(refund.paymentId());
    followUps.fire(new PaymentFollowUp.SendRefund(refund.id()));
    LOG.warning(() -> "Payment " + payment.id() + ": " + why + "; refund " + refund.id() + " sent");
  }

  /**
   * Starts a refund: checks that the payment can give back {@code amount} (all that is left when
   * empty) and records the refund as pending. A viewer asking again for a whole refund that is
   * still pending (its outcome was unknown) gets that refund asked again, not a second one.
   *
   * @param owner the account that must own the payment (empty for an administrator)
   * @param viewerWindow how long after paying the owner may still refund (empty: no limit)
   */
  public RefundRequest beginRefund(
      UUID paymentId,
      Optional<UUID> owner,
      Optional<BigDecimal> amount,
      String reason,
      Optional<Duration> viewerWindow,
      URI base) {
    Payment payment = lock(paymentId);
    if (owner.isPresent() && !owner.get().equals(payment.accountId())) {
      throw notFound(paymentId);
    }
    viewerWindow.ifPresent(window -> payment.requireRefundableByViewer(clock.instant(), window));
    List<Refund> refunds = refunds(paymentId);
    Optional<Refund> pending =
        refunds.stream().filter(refund -> refund.status() == RefundStatus.PENDING).findFirst();
    if (pending.isPresent()) {
      // Its outcome is not known yet: asking for it again sends the same refund (same key);
      // anything else waits until the provider has answered, or it would refund twice.
      Refund again = pending.get();
      boolean sameRefund =
          amount.isPresent()
              ? amount.get().compareTo(again.amount()) == 0
              : payment.refundableLeft(refunds).signum() == 0;
      if (!sameRefund) {
        throw new BillingException(
            ErrorCode.REFUND_IN_PROGRESS,
            "A refund of "
                + Money.inCurrency(again.amount(), again.currency())
                + " "
                + again.currency()
                + " on this payment is waiting for the provider's answer; ask for that refund"
                + " again (it is made once), or wait for it");
      }
      boolean retry = again.attempts() > 0;
      again.asking();
      return request(payment, again, retry, base);
    }
    Refund refund = payment.beginRefund(amount, reason, refunds);
    refund.asking();
    em.persist(refund);
    forgetRefundsReadAhead(refund.paymentId());
    return request(payment, refund, false, base);
  }

  /**
   * A pending refund to ask of the provider again (same idempotency key): one made automatically,
   * or one whose outcome was unknown.
   *
   * @return empty when it is no longer pending
   */
  public Optional<RefundRequest> askAgain(UUID refundId, URI base) {
    Optional<UUID> paymentId = paymentOfRefund(refundId);
    if (paymentId.isEmpty()) {
      return Optional.empty();
    }
    Payment payment = lock(paymentId.get());
    Refund refund = em.find(Refund.class, refundId);
    if (refund.status() != RefundStatus.PENDING) {
      return Optional.empty();
    }
    boolean retry = refund.attempts() > 0;
    refund.asking();
    return Optional.of(request(payment, refund, retry, base));
  }

  /**
   * The provider took the refund: the refunded total is derived again from all refunds (so a
   * confirmation repeated, or arriving after the provider's event, changes nothing), and a whole
   * refund ends what the payment paid for at once.
   */
  public Payment refundConfirmed(UUID refundId, RefundConfirmation confirmation) {
    Payment payment = lock(paymentOfRefund(refundId).orElseThrow());
    Refund refund = em.find(Refund.class, refundId);
    refund.confirmed(confirmation.providerRefundId());
    settle(payment, "refund: " + refund.reason(), clock.instant());
    save(payment);
    return payment;
  }

  /** The provider refused the refund for good: nothing was given back. */
  public void refundRefused(UUID refundId, String why) {
    lock(paymentOfRefund(refundId).orElseThrow());
    em.find(Refund.class, refundId).refused(why);
  }

  /**
   * Our side ended the payment and its checkout is closed at the provider now; what the provider
   * already knew (it was paid) is applied first, so that money taken is refunded.
   */
  public void checkoutClosed(UUID paymentId, Optional<ProviderEvent> known) {
    Payment payment = lock(paymentId);
    Instant now = clock.instant();
    known.ifPresent(event -> applyTo(payment, event, now));
    payment.checkoutClosed(now);
    save(payment);
  }

  /** How the provider knows a payment our side canceled whose checkout is still open. */
  public Optional<PaymentReference> checkoutToClose(UUID paymentId) {
    return Optional.ofNullable(em.find(Payment.class, paymentId))
        .filter(Payment::checkoutStillOpen)
        .map(Payment::reference);
  }

  public Payment get(UUID paymentId) {
    return Optional.ofNullable(em.find(Payment.class, paymentId))
        .orElseThrow(() -> notFound(paymentId));
  }

  /**
   * Payments of {@code provider} still waiting for an outcome (not checked out yet, checked out and
   * unpaid, or declined and payable with another card), changed after {@code after} and neither
   * changed nor asked about since {@code before}: what the reconciler asks about, least recently
   * asked first, so that payments the provider has nothing new about do not hold the others up.
   */
  public List<PaymentReference> waiting(String provider, Instant after, Instant before, int limit) {
    List<?> rows =
        em.createNativeQuery(
                "select id, provider_payment_id, provider_intent_id from billing.payment"
                    + " where provider = ? and status in ('CREATED', 'PENDING', 'FAILED')"
                    + " and updated_at > ? and coalesce(reconciled_at, updated_at) < ?"
                    + " order by coalesce(reconciled_at, updated_at) limit ?")
            .setParameter(1, provider)
            .setParameter(2, utc(after))
            .setParameter(3, utc(before))
            .setParameter(4, limit)
            .getResultList();
    return rows.stream()
        .map(Object[].class::cast)
        .map(
            row ->
                new PaymentReference(
                    (UUID) row[0],
                    Optional.ofNullable((String) row[1]),
                    Optional.ofNullable((String) row[2])))
        .toList();
  }

  /**
   * Payments our side canceled whose checkout the provider has not confirmed closed, least recently
   * tried first.
   */
  public List<UUID> unclosed(String provider, Instant after, Instant before, int limit) {
    List<?> ids =
        em.createNativeQuery(
                "select id from billing.payment where provider = ? and status = 'CANCELED'"
                    + " and checkout_closed_at is null and provider_payment_id is not null"
                    + " and updated_at > ? and coalesce(reconciled_at, updated_at) < ?"
                    + " order by coalesce(reconciled_at, updated_at) limit ?")
            .setParameter(1, provider)
            .setParameter(2, utc(after))
            .setParameter(3, utc(before))
            .setParameter(4, limit)
            .getResultList();
    return ids.stream().map(UUID.class::cast).toList();
  }

  /**
   * The reconciler asked the provider about this payment now: it goes to the back of the queue. Not
   * a change of the payment (its version and {@code updated_at} stay).
   */
  public void asked(UUID paymentId) {
    em.createNativeQuery("update billing.payment set reconciled_at = ? where id = ?")
        .setParameter(1, utc(clock.instant()))
        .setParameter(2, paymentId)
        .executeUpdate();
  }

  /**
   * Refunds of {@code provider}'s payments still pending, last asked before {@code before}, least
   * recently asked first (asking again moves a refund to the back).
   */
  public List<UUID> pendingRefunds(String provider, Instant before, int limit) {
    return em.createQuery(
            "select r.id from Refund r, Payment p where p.id = r.paymentId"
                + " and p.provider = :provider and r.status = :pending and r.updatedAt < :before"
                + " order by r.updatedAt",
            UUID.class)
        .setParameter("provider", provider)
        .setParameter("pending", RefundStatus.PENDING)
        .setParameter("before", before)
        .setMaxResults(limit)
        .getResultList();
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
    Optional<Payment> byMetadata =
        event.paymentId().map(id -> em.find(Payment.class, id, LockModeType.PESSIMISTIC_WRITE));
    if (byMetadata.isPresent()) {
      return byMetadata;
    }
    List<String> refs = event.providerIds();
    if (refs.isEmpty()) {
      return Optional.empty();
    }
    return em.createQuery(
            "select p.id from Payment p where p.providerPaymentId in :refs"
                + " or p.providerIntentId in :refs",
            UUID.class)
        .setParameter("refs", refs)
        .getResultStream()
        .findFirst()
        .map(this::lock);
  }

  private Optional<UUID> paymentOfRefund(UUID refundId) {
    return em.createQuery("select r.paymentId from Refund r where r.id = :id", UUID.class)
        .setParameter("id", refundId)
        .getResultStream()
        .findFirst();
  }

  /**
   * Reads the refunds of a group's payments in one query, for {@link #refunds} to answer from while
   * this transaction lasts (a refund this ledger makes meanwhile drops its payment's). Changes to
   * those refunds are seen: they are the persistence context's own entities.
   */
  private void readRefundsAhead(Collection<UUID> paymentIds) {
    RefundsReadAhead ahead = new RefundsReadAhead();
    paymentIds.forEach(id -> ahead.byPayment.put(id, new ArrayList<>()));
    em.createQuery(
            "select r from Refund r where r.paymentId in :ids order by r.createdAt", Refund.class)
        .setParameter("ids", paymentIds)
        .getResultList()
        .forEach(refund -> ahead.byPayment.get(refund.paymentId()).add(refund));
    transaction.putResource(RefundsReadAhead.class, ahead);
  }

  private void forgetRefundsReadAhead(UUID paymentId) {
    RefundsReadAhead ahead = (RefundsReadAhead) transaction.getResource(RefundsReadAhead.class);
    if (ahead != null) {
      ahead.byPayment.remove(paymentId);
    }
  }

  private static final class RefundsReadAhead {
    private final Map<UUID, List<Refund>> byPayment = new HashMap<>();
  }

  /** Every refund of the payment, oldest first. */
  public List<Refund> refunds(UUID paymentId) {
    RefundsReadAhead ahead = (RefundsReadAhead) transaction.getResource(RefundsReadAhead.class);
    if (ahead != null && ahead.byPayment.containsKey(paymentId)) {
      return List.copyOf(ahead.byPayment.get(paymentId));
    }
    return em.createQuery(
            "select r from Refund r where r.paymentId = :id order by r.createdAt", Refund.class)
        .setParameter("id", paymentId)
        .getResultList();
  }

  /**
   * Saves the payment's new history entries. Their ids are given as they are persisted, in the
   * order they happened (EclipseLink does not keep the order of new rows within one flush; the
   * history is read by time, then id).
   */
  private void save(Payment payment) {
    List<PaymentTransition> entries = payment.takeHistory();
    entries.forEach(em::persist);
    events.record(payment, entries);
    purpose.announce(payment);
  }

  private static RefundRequest request(Payment payment, Refund refund, boolean retry, URI base) {
    return new RefundRequest(
        refund.id(),
        payment.id(),
        payment.accountId(),
        payment.providerPaymentId(),
        payment.providerIntentId(),
        refund.amount(),
        payment.currency(),
        retry,
        base);
  }

  private Payment lock(UUID paymentId) {
    return Optional.ofNullable(em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE))
        .orElseThrow(() -> notFound(paymentId));
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static BillingException notFound(UUID paymentId) {
    return new BillingException(ErrorCode.PAYMENT_NOT_FOUND, "No such payment: " + paymentId);
  }
}
