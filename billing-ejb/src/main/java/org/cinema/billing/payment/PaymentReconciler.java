package org.cinema.billing.payment;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cinema.billing.payment.gateway.ActiveGateway;
import org.cinema.billing.payment.gateway.PaymentGateway;
import org.cinema.billing.payment.gateway.PaymentReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code RECONCILE_INTERVAL_SECONDS} (60; 0 turns it off), for what has been left for longer
 * than {@code RECONCILE_AFTER_SECONDS} (600) and less than two days (no checkout stays open that
 * long):
 *
 * <ul>
 *   <li>asks the provider about payments still waiting (CREATED, PENDING, or FAILED and payable
 *       with another card) and applies the answer as a webhook event would be: a lost webhook, a
 *       crash, or a checkout call that timed out after the card was charged still ends right;
 *   <li>asks again for refunds left pending (a crash, a timeout), with the same idempotency key;
 *   <li>closes the provider's checkout of payments our side canceled, where that did not happen.
 * </ul>
 *
 * Answers go through the ledger's rules, so instances running this at once change nothing twice.
 */
@Startup
@Singleton
@DependsOn("BillingSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaymentReconciler {

  private static final Logger LOG = Logger.getLogger(PaymentReconciler.class.getName());

  private static final int BATCH = 50;

  /** Longer than any checkout stays open (Stripe's expire within 24 hours). */
  private static final Duration GIVE_UP_AFTER = Duration.ofDays(2);

  @Inject
  @ConfigProperty(name = "reconcile.interval-seconds", defaultValue = "60")
  private long intervalSeconds;

  @Inject
  @ConfigProperty(name = "reconcile.after-seconds", defaultValue = "600")
  private long afterSeconds;

  @Resource private TimerService timers;

  @Inject private ActiveGateway gateway;

  @Inject private PaymentLedger payments;

  @Inject private RefundService refunds;

  @Inject private CheckoutCloser checkouts;

  @Inject private Clock clock;

  private final AtomicBoolean running = new AtomicBoolean();

  @PostConstruct
  void schedule() {
    if (intervalSeconds > 0) {
      long every = intervalSeconds * 1000;
      timers.createIntervalTimer(every, every, new TimerConfig("payment-reconciler", false));
    }
  }

  @Timeout
  void reconcileOnSchedule() {
    if (running.compareAndSet(false, true)) {
      try {
        reconcile();
      } finally {
        running.set(false);
      }
    }
  }

  /**
   * One pass over the waiting payments, pending refunds and checkouts left open.
   *
   * @return how many payments changed state
   */
  public int reconcile() {
    PaymentGateway provider = gateway.get();
    Instant now = clock.instant();
    Instant oldest = now.minus(GIVE_UP_AFTER);
    Instant before = now.minus(Duration.ofSeconds(afterSeconds));
    int settled = settleWaiting(provider, oldest, before);
    for (UUID refund : payments.pendingRefunds(provider.name(), before, BATCH)) {
      try {
        refunds.sendPending(refund);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not ask again for refund " + refund + ": " + e, e);
      }
    }
    for (UUID payment : payments.unclosed(provider.name(), oldest, before, BATCH)) {
      try {
        payments.asked(payment);
        checkouts.close(payment);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not close the checkout of " + payment + ": " + e, e);
      }
    }
    return settled;
  }

  private int settleWaiting(PaymentGateway provider, Instant oldest, Instant before) {
    int settled = 0;
    for (PaymentReference payment : payments.waiting(provider.name(), oldest, before, BATCH)) {
      try {
        payments.asked(payment.paymentId());
        var answer = provider.lookup(payment);
        Optional<PaymentStatus> moved =
            answer.flatMap(event -> payments.apply(payment.paymentId(), event));
        if (moved.isPresent()) {
          settled++;
          LOG.info(() -> "Reconciled payment " + payment.paymentId() + ": now " + moved.get());
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not reconcile payment " + payment.paymentId() + ": " + e, e);
      }
    }
    return settled;
  }
}
