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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cinema.billing.payment.gateway.ActiveGateway;
import org.cinema.billing.payment.gateway.PaymentGateway;
import org.cinema.billing.payment.gateway.PaymentReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code RECONCILE_INTERVAL_SECONDS} (60; 0 turns it off), asks the provider about payments
 * left waiting (CREATED or PENDING) for longer than {@code RECONCILE_AFTER_SECONDS} (600) and
 * applies the answer, as a webhook event would be (payments waiting for over two days are left
 * alone: no checkout stays open that long): a lost webhook or a checkout call that timed out after
 * Stripe charged the card still ends in the right state. The answer goes through the ledger's
 * transition table, so running on several instances at once changes nothing twice.
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
   * One pass over the waiting payments.
   *
   * @return how many changed state
   */
  public int reconcile() {
    PaymentGateway provider = gateway.get();
    Instant now = clock.instant();
    int settled = 0;
    for (PaymentReference payment :
        payments.waiting(
            provider.name(),
            now.minus(GIVE_UP_AFTER),
            now.minus(Duration.ofSeconds(afterSeconds)),
            BATCH)) {
      try {
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
