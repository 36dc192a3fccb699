package org.cinema.billing.notification;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
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
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cinema.billing.notification.Outbox.EventsWritten;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends what the outbox holds: right after a transaction wrote events, and every {@code
 * NOTIFY_INTERVAL_MILLIS} (1000; 0 turns the schedule off) for retries and for what an instance
 * that died left. A round fans new events out to their deliveries, then claims due deliveries and
 * sends them on {@code NOTIFY_CONCURRENCY} (4) container threads, each outside any transaction,
 * then records each result in its own transaction. A channel that fails or hangs never holds up a
 * payment: the payment committed before any of this.
 */
@Startup
@Singleton
@DependsOn("BillingSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NotificationDispatcher {

  private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class.getName());

  private static final int FAN_OUT_BATCH = 500;

  /** Events queued (fanned out) after which the deliveries' statistics are refreshed. */
  private static final int ANALYZE_AFTER = 1000;

  @Inject
  @ConfigProperty(name = "notify.interval-millis", defaultValue = "1000")
  private long intervalMillis;

  @Inject
  @ConfigProperty(name = "notify.concurrency", defaultValue = "4")
  private int concurrency;

  @Resource private TimerService timers;

  @Resource private ManagedExecutorService executor;

  @Resource private ManagedThreadFactory threads;

  @Inject private NotificationLedger ledger;

  @Inject @Any private Instance<NotificationChannel> channels;

  private final AtomicBoolean running = new AtomicBoolean();

  private final AtomicBoolean again = new AtomicBoolean();

  /** Events fanned out since the last analyze; rounds run one at a time ({@link #running}). */
  private int queuedSinceAnalyze;

  private final Map<String, NotificationChannel> byName = new HashMap<>();

  private ExecutorService senders;

  @PostConstruct
  void start() {
    if (concurrency < 1 || concurrency > 64) {
      throw new IllegalStateException("NOTIFY_CONCURRENCY must be between 1 and 64");
    }
    for (NotificationChannel channel : channels) {
      byName.put(channel.name(), channel);
    }
    senders = Executors.newFixedThreadPool(concurrency, threads);
    if (intervalMillis > 0) {
      timers.createIntervalTimer(
          intervalMillis, intervalMillis, new TimerConfig("notification-dispatcher", false));
    }
  }

  @PreDestroy
  void stop() {
    senders.shutdownNow();
  }

  @Timeout
  void onSchedule() {
    dispatch();
  }

  /** A transaction wrote events: a round now, in the background. */
  public void eventsWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventsWritten e) {
    dispatchSoon();
  }

  /** A round in the background, now (or right after the one running). */
  public void dispatchSoon() {
    if (running.get()) {
      again.set(true);
      return;
    }
    try {
      executor.execute(this::dispatch);
    } catch (RejectedExecutionException busy) {
      again.set(true);
    }
  }

  /** Rounds until nothing new is due; one at a time per instance. */
  public void dispatch() {
    if (!running.compareAndSet(false, true)) {
      again.set(true);
      return;
    }
    try {
      do {
        again.set(false);
        round();
      } while (again.get());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Notification round stopped: " + e, e);
    } finally {
      running.set(false);
    }
  }

  private void round() {
    int fanned;
    while ((fanned = ledger.fanOut(FAN_OUT_BATCH)) > 0) {
      // until every event has its deliveries
      queuedSinceAnalyze += fanned;
    }
    if (queuedSinceAnalyze >= ANALYZE_AFTER) {
      queuedSinceAnalyze = 0;
      try {
        ledger.analyze();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Could not analyze the deliveries: " + e, e);
      }
    }
    List<Outgoing> due;
    while (!(due = ledger.claim(concurrency * 8)).isEmpty()) {
      List<Future<Optional<String>>> sending = new ArrayList<>();
      for (Outgoing message : due) {
        sending.add(senders.submit(() -> send(message)));
      }
      Map<UUID, String> sent = new LinkedHashMap<>();
      for (int i = 0; i < due.size(); i++) {
        try {
          Optional<String> subject = sending.get(i).get();
          if (subject.isPresent()) {
            sent.put(due.get(i).notificationId(), subject.get());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (ExecutionException e) {
          LOG.log(Level.WARNING, "A notification's send broke: " + e.getCause(), e.getCause());
        }
      }
      // One statement for the round's sent ones; a crash before it sends them again (at least
      // once, as with a crash between a send and its record).
      ledger.sent(sent);
    }
  }

  /**
   * @return the subject, when it went out; empty when it did not (recorded as a failure)
   */
  private Optional<String> send(Outgoing message) {
    NotificationChannel channel = byName.get(message.channel());
    String error;
    try {
      if (channel == null) {
        error = "no channel " + message.channel() + " in this server";
      } else {
        return Optional.of(channel.send(message));
      }
    } catch (ChannelFailure e) {
      error = e.getMessage();
    } catch (RuntimeException e) {
      error = e.toString();
      LOG.log(Level.WARNING, "Notification " + message.notificationId() + ": " + e, e);
    }
    LOG.info("Notification " + message.notificationId() + " not sent: " + error);
    ledger.failed(message.notificationId(), error);
    return Optional.empty();
  }
}
