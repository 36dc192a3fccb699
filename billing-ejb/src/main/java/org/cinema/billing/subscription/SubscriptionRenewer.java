package org.cinema.billing.subscription;

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
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cinema.billing.platform.PublicApi;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Subscriptions renew on their own. Every {@code RENEWAL_INTERVAL_SECONDS} (60; 0 turns it off):
 *
 * <ul>
 *   <li>a subscription whose paid period ends within {@code RENEWAL_AHEAD_SECONDS} (3600) and that
 *       renews gets the next period's invoice and payment, and the card saved at its last checkout
 *       is charged off-session; paid, the new period follows the old one without a gap; declined,
 *       the subscription is PAST_DUE (the viewer keeps what was paid for, to its end) and
 *       add-product hands back a page to pay with another card;
 *   <li>a subscription cancelled to period end (or whose product was withdrawn from sale) expires
 *       when the period ends; one whose renewal stays unpaid {@code RENEWAL_GRACE_SECONDS} (259200,
 *       three days) after the period ended expires, its unpaid invoice void.
 * </ul>
 *
 * Each subscription changes in its own transaction under its row lock, and a period is invoiced
 * once (unique per subscription and period start), so instances running this at once neither charge
 * twice nor race. Access needs no pass of this: the access check compares the paid period with now.
 */
@Startup
@Singleton
@DependsOn("BillingSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SubscriptionRenewer {

  private static final Logger LOG = Logger.getLogger(SubscriptionRenewer.class.getName());

  private static final int BATCH = 100;

  @Inject
  @ConfigProperty(name = "renewal.interval-seconds", defaultValue = "60")
  private long intervalSeconds;

  @Inject
  @ConfigProperty(name = "renewal.ahead-seconds", defaultValue = "3600")
  private long aheadSeconds;

  @Inject
  @ConfigProperty(name = "renewal.grace-seconds", defaultValue = "259200")
  private long graceSeconds;

  @Resource private TimerService timers;

  @Inject private SubscriptionLedger subscriptions;

  @Inject private SubscriptionService subscribing;

  @Inject private PublicApi publicApi;

  @Inject private Clock clock;

  private final AtomicBoolean running = new AtomicBoolean();

  private final AtomicBoolean toldToConfigure = new AtomicBoolean();

  @PostConstruct
  void schedule() {
    if (intervalSeconds > 0) {
      long every = intervalSeconds * 1000;
      timers.createIntervalTimer(every, every, new TimerConfig("subscription-renewer", false));
    }
  }

  @Timeout
  void renewOnSchedule() {
    if (running.compareAndSet(false, true)) {
      try {
        run();
      } finally {
        running.set(false);
      }
    }
  }

  /** What one pass did. */
  public record Pass(int renewed, int pastDue, int awaitingViewer, int ended) {}

  /** One pass: ends what is due to end, then renews what is due to renew. */
  public Pass run() {
    Instant now = clock.instant();
    Instant unpaidBefore = now.minusSeconds(graceSeconds);
    int ended = 0;
    for (UUID id : subscriptions.dueToEnd(now, unpaidBefore, BATCH)) {
      try {
        if (subscriptions.end(id, now, unpaidBefore)) {
          ended++;
          LOG.info(() -> "Subscription " + id + " expired");
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not end subscription " + id + ": " + e, e);
      }
    }
    Optional<URI> apiBase = publicApi.known();
    if (apiBase.isEmpty()) {
      if (toldToConfigure.compareAndSet(false, true)) {
        LOG.warning(
            "Renewals wait: set PUBLIC_API_URL (the API's public base URL, for the links renewals"
                + " hand out) or wait for the first API request");
      }
      return new Pass(0, 0, 0, ended);
    }
    Instant horizon = now.plusSeconds(aheadSeconds);
    Instant retryBefore = now.minus(Duration.ofSeconds(Math.max(intervalSeconds, 60)));
    int renewed = 0;
    int pastDue = 0;
    int awaiting = 0;
    for (UUID id : subscriptions.dueForRenewal(horizon, retryBefore, BATCH)) {
      try {
        Optional<SubscribeResult> result = subscribing.renew(id, horizon, apiBase.get());
        if (result.isEmpty()) {
          continue;
        }
        SubscribeResult renewal = result.get();
        switch (renewal.paymentStatus()) {
          case SUCCEEDED -> renewed++;
          case FAILED -> pastDue++;
          default -> awaiting++;
        }
        LOG.info(
            () ->
                "Renewal of subscription "
                    + id
                    + ": payment "
                    + renewal.ticket().paymentId()
                    + " "
                    + renewal.paymentStatus());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not renew subscription " + id + ": " + e, e);
      }
    }
    return new Pass(renewed, pastDue, awaiting, ended);
  }
}
