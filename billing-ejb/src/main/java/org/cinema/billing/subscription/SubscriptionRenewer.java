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
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cinema.billing.payment.gateway.ActiveGateway;
import org.cinema.billing.payment.gateway.GatewayException;
import org.cinema.billing.payment.gateway.RequestPacing;
import org.cinema.billing.platform.PublicApi;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The renewal engine. Every {@code RENEWAL_INTERVAL_SECONDS} (60; 0 turns the schedule off), or
 * when an administrator asks, a pass:
 *
 * <ol>
 *   <li>ends what is due to end: cancelled to period end (or product withdrawn) once the period is
 *       over; past due with no retry left (CANCELED, its invoice void); a renewal awaiting a viewer
 *       with no saved card still unpaid {@code RENEWAL_GRACE_SECONDS} (259200) after the period;
 *   <li>renews until nothing is due: claims {@code RENEWAL_BATCH} (200) due renewals at a time
 *       ({@link SubscriptionLedger#claimRenewals}: {@code FOR UPDATE SKIP LOCKED}, the invoice and
 *       payment committed before any charge), and charges them on a bounded pool ({@code
 *       RENEWAL_CONCURRENCY}, 8, charges in flight), each request to the provider paced to {@code
 *       RENEWAL_REQUESTS_PER_SECOND} (default: the provider's, below its published limit; the
 *       sandbox has none).
 * </ol>
 *
 * <p>Charges run on container threads from Jakarta Concurrency's managed thread factory, a fixed
 * pool per pass, rather than in a partitioned batch job: the work is many small independent calls
 * whose count is known only as the pass claims them, and each one is already a complete, idempotent
 * step (one payment, one idempotency key); a batch job would add checkpoints that protect nothing
 * the database does not protect already.
 *
 * <p>Exactly once: an invoice is unique per subscription and period start; a payment is charged
 * with its own id as the provider's idempotency key; a subscription whose next period has a payment
 * at the provider (or made in the last {@code max(RENEWAL_INTERVAL_SECONDS, 60)} seconds) is not
 * claimed. A crash after the claim leaves a payment that never reached the provider: it is claimed
 * again after that window, and charged once.
 */
@Startup
@Singleton
@DependsOn("BillingSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SubscriptionRenewer {

  private static final Logger LOG = Logger.getLogger(SubscriptionRenewer.class.getName());

  /** A subscription renewed more often than this in one pass stops the pass (a bug's loop). */
  private static final int MAX_CLAIMS_PER_PASS = 1000;

  @Inject
  @ConfigProperty(name = "renewal.interval-seconds", defaultValue = "60")
  private long intervalSeconds;

  @Inject
  @ConfigProperty(name = "renewal.ahead-seconds", defaultValue = "3600")
  private long aheadSeconds;

  @Inject
  @ConfigProperty(name = "renewal.grace-seconds", defaultValue = "259200")
  private long graceSeconds;

  @Inject
  @ConfigProperty(name = "renewal.batch", defaultValue = "200")
  private int batch;

  @Inject
  @ConfigProperty(name = "renewal.concurrency", defaultValue = "8")
  private int concurrency;

  @Inject
  @ConfigProperty(name = "renewal.requests-per-second")
  private Optional<Double> requestsPerSecond;

  @Inject
  @ConfigProperty(name = "notify.renewal-upcoming", defaultValue = "P3D")
  private Duration upcomingNotice;

  @Resource private TimerService timers;

  /** Background passes an administrator starts. */
  @Resource private ManagedExecutorService executor;

  /** The charging threads of a pass: container threads, as many as RENEWAL_CONCURRENCY. */
  @Resource private ManagedThreadFactory threads;

  @Inject private SubscriptionLedger subscriptions;

  @Inject private SubscriptionService subscribing;

  @Inject private RenewalRuns runs;

  @Inject private ActiveGateway gateway;

  @Inject private PublicApi publicApi;

  @Inject private Clock clock;

  @Inject private MetricRegistry metrics;

  private final AtomicBoolean running = new AtomicBoolean();

  private final AtomicBoolean toldToConfigure = new AtomicBoolean();

  @PostConstruct
  void schedule() {
    if (batch < 1 || concurrency < 1 || concurrency > 64) {
      throw new IllegalStateException(
          "RENEWAL_BATCH must be at least 1 and RENEWAL_CONCURRENCY between 1 and 64");
    }
    if (requestsPerSecond.isPresent() && !(requestsPerSecond.get() >= 0)) {
      throw new IllegalStateException("RENEWAL_REQUESTS_PER_SECOND must not be negative");
    }
    if (intervalSeconds > 0) {
      long every = intervalSeconds * 1000;
      timers.createIntervalTimer(every, every, new TimerConfig("subscription-renewer", false));
    }
  }

  @Timeout
  void renewOnSchedule() {
    if (running.compareAndSet(false, true)) {
      try {
        run(new RenewalTally(UUID.randomUUID(), "schedule", clock.instant()), false);
      } finally {
        running.set(false);
      }
    }
  }

  /**
   * Starts a pass now, in the background, recorded from its start.
   *
   * @return the run's id; empty when a pass is running on this instance already
   */
  public Optional<UUID> startNow() {
    if (!running.compareAndSet(false, true)) {
      return Optional.empty();
    }
    RenewalTally tally = new RenewalTally(UUID.randomUUID(), "administrator", clock.instant());
    try {
      runs.started(tally.id(), tally.trigger(), tally.startedAt());
      executor.execute(
          () -> {
            try {
              run(tally, true);
            } finally {
              running.set(false);
            }
          });
    } catch (RuntimeException e) {
      running.set(false);
      throw e;
    }
    return Optional.of(tally.id());
  }

  /** One pass, now, in the caller's thread (what the schedule runs); its counts. */
  public RenewalRunView run() {
    return run(new RenewalTally(UUID.randomUUID(), "schedule", clock.instant()), false);
  }

  private RenewalRunView run(RenewalTally tally, boolean recordAlways) {
    try {
      endWhatIsDue(tally);
      announceWhatIsComing(tally);
      Optional<URI> apiBase = publicApi.known();
      if (apiBase.isPresent()) {
        renewWhatIsDue(tally, apiBase.get());
      } else if (toldToConfigure.compareAndSet(false, true)) {
        LOG.warning(
            "Renewals wait: set PUBLIC_API_URL (the API's public base URL, for the links renewals"
                + " hand out) or wait for the first API request");
      }
    } catch (RuntimeException e) {
      tally.error(e);
      LOG.log(Level.WARNING, "Renewal pass " + tally.id() + " stopped: " + e, e);
    }
    RenewalRunView done = tally.view(clock.instant());
    count(done);
    if (recordAlways || tally.didSomething()) {
      try {
        runs.progress(done);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not record renewal pass " + tally.id() + ": " + e, e);
      }
    }
    return done;
  }

  /** {@code billing_renewals_total} by outcome: what this instance's passes did. */
  private void count(RenewalRunView pass) {
    Map<String, Integer> outcomes =
        Map.of(
            "renewed", pass.renewed(),
            "failed", pass.failed(),
            "past_due", pass.pastDue(),
            "expired", pass.expired(),
            "canceled", pass.canceled(),
            "awaiting_viewer", pass.awaiting(),
            "error", pass.errors());
    outcomes.forEach(
        (outcome, times) -> {
          Metadata renewals =
              Metadata.builder()
                  .withName("billing_renewals_total")
                  .withDescription("Renewal outcomes of this instance's passes")
                  .build();
          Counter counter = metrics.counter(renewals, new Tag("outcome", outcome));
          if (times > 0) {
            counter.inc(times);
          }
        });
  }

  private void endWhatIsDue(RenewalTally tally) {
    while (true) {
      Instant now = clock.instant();
      Instant unpaidBefore = now.minusSeconds(graceSeconds);
      List<UUID> due = subscriptions.dueToEnd(now, unpaidBefore, batch);
      int ended = 0;
      for (UUID id : due) {
        try {
          Optional<SubscriptionStatus> status = subscriptions.end(id, now, unpaidBefore);
          if (status.isPresent()) {
            ended++;
            tally.ended(status.get());
            LOG.info(() -> "Subscription " + id + " ended: " + status.get());
          }
        } catch (RuntimeException e) {
          tally.error(e);
          LOG.log(Level.WARNING, "Could not end subscription " + id + ": " + e, e);
        }
      }
      if (due.size() < batch || ended == 0) {
        return;
      }
    }
  }

  /** {@code renewal.upcoming} for renewals within {@code NOTIFY_RENEWAL_UPCOMING} (P3D). */
  private void announceWhatIsComing(RenewalTally tally) {
    if (upcomingNotice.isZero() || upcomingNotice.isNegative()) {
      return;
    }
    try {
      while (subscriptions.announceUpcoming(clock.instant(), upcomingNotice, batch) == batch) {
        // more to announce
      }
    } catch (RuntimeException e) {
      tally.error(e);
      LOG.log(Level.WARNING, "Could not announce upcoming renewals: " + e, e);
    }
  }

  private void renewWhatIsDue(RenewalTally tally, URI apiBase) {
    RequestPacing pacing = paced(new Pacer(limit()));
    Semaphore inFlight = new Semaphore(concurrency);
    Map<UUID, Integer> claims = new HashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency, threads);
    try {
      claiming:
      while (true) {
        Instant now = clock.instant();
        List<CheckoutTicket> claimed =
            subscribing.claimRenewals(
                now,
                now.plusSeconds(aheadSeconds),
                now.minus(Duration.ofSeconds(Math.max(intervalSeconds, 60))),
                batch);
        if (claimed.isEmpty()) {
          break;
        }
        for (CheckoutTicket ticket : claimed) {
          if (claims.merge(ticket.subscriptionId(), 1, Integer::sum) > MAX_CLAIMS_PER_PASS) {
            tally.error(
                new IllegalStateException(
                    "subscription " + ticket.subscriptionId() + " claimed over and over"));
            break claiming;
          }
        }
        for (List<CheckoutTicket> group : groups(claimed, groupSize(claimed.size()))) {
          inFlight.acquire();
          try {
            pool.execute(() -> charge(group, apiBase, pacing, tally, inFlight));
          } catch (RuntimeException e) {
            inFlight.release();
            throw e;
          }
        }
      }
      inFlight.acquire(concurrency);
      inFlight.release(concurrency);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      tally.error(e);
    } finally {
      pool.shutdown();
    }
  }

  /**
   * As many as the provider takes at once, but no more than spreads a batch over all the threads;
   * one at a time under a rate limit, so that the pacer spaces each request.
   */
  private int groupSize(int claimed) {
    if (limit().isPresent()) {
      return 1;
    }
    int perThread = (claimed + concurrency - 1) / concurrency;
    return Math.max(1, Math.min(gateway.get().renewalGroupSize(), perThread));
  }

  private static List<List<CheckoutTicket>> groups(List<CheckoutTicket> tickets, int size) {
    List<List<CheckoutTicket>> groups = new ArrayList<>();
    for (int from = 0; from < tickets.size(); from += size) {
      groups.add(tickets.subList(from, Math.min(tickets.size(), from + size)));
    }
    return groups;
  }

  private void charge(
      List<CheckoutTicket> group,
      URI apiBase,
      RequestPacing pacing,
      RenewalTally tally,
      Semaphore inFlight) {
    try {
      for (RenewalOutcome outcome : subscribing.chargeRenewals(group, apiBase, pacing)) {
        CheckoutTicket ticket = outcome.ticket();
        outcome
            .status()
            .ifPresent(
                status -> {
                  tally.charged(ticket, status);
                  LOG.fine(
                      () ->
                          "Renewal of subscription "
                              + ticket.subscriptionId()
                              + ": payment "
                              + ticket.paymentId()
                              + " "
                              + status);
                });
        outcome.error().ifPresent(e -> couldNotRenew(ticket, e, tally));
      }
    } catch (RuntimeException e) {
      group.forEach(ticket -> couldNotRenew(ticket, e, tally));
    } finally {
      inFlight.release();
    }
  }

  /**
   * The pass's pacing, shared by its threads: each request to the provider waits for its turn;
   * interrupted (the server stops): not sent.
   */
  private static RequestPacing paced(Pacer pacer) {
    return () -> {
      try {
        pacer.awaitTurn();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw GatewayException.refused("Stopped before the request was sent", e);
      }
    };
  }

  private static void couldNotRenew(CheckoutTicket ticket, RuntimeException e, RenewalTally tally) {
    tally.error(e);
    LOG.log(Level.WARNING, "Could not renew subscription " + ticket.subscriptionId() + ": " + e, e);
  }

  private OptionalDouble limit() {
    double perSecond = requestsPerSecond.orElseGet(() -> gateway.get().defaultRequestsPerSecond());
    return perSecond > 0 ? OptionalDouble.of(perSecond) : OptionalDouble.empty();
  }

  /** Whether a pass is running on this instance. */
  public boolean isRunning() {
    return running.get();
  }
}
