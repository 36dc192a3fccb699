package org.cinema.billing.entitlement;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Recent answers of the access check on this instance, per account and movie, so that a viewer
 * pressing "play" again costs no database round trip.
 *
 * <p>An answer is kept at most {@code ACCESS_CACHE_SECONDS} (600; 0: no cache), and an "allow" no
 * later than the end of the period that grants it. That limit is a backstop: everything that can
 * change an answer sooner evicts it: a subscription's change (payment, refund, cancel, renewal,
 * expiry) evicts its account's answers, on this instance right after the transaction commits
 * ({@link SubscriptionAccessEvents}) and on every instance by PostgreSQL NOTIFY ({@link
 * AccessChangeListener}, which also carries the catalog's changes from the ETL). While this
 * instance is not listening, nothing is kept.
 *
 * <p>A check that read the database before an eviction must not store its answer after it: every
 * eviction moves {@link #epoch()} on, and {@link #put} keeps an answer only if the epoch is the one
 * read before the query.
 *
 * <p>{@code billing_access_checks_total} counts the answers asked of it by whether one was kept
 * ({@code answered_from="cache"}) or the database had to be asked: the hit rate ops watch.
 */
@ApplicationScoped
public class AccessCache {

  /** Past this many answers, all are dropped (they are cheap to ask again). */
  static final int MAX_ANSWERS = 500_000;

  @Inject
  @ConfigProperty(name = "access.cache-seconds", defaultValue = "600")
  private long keepSeconds;

  private final Map<UUID, Map<UUID, Answer>> byAccount = new ConcurrentHashMap<>();

  private final AtomicLong epoch = new AtomicLong();

  /** About how many answers are kept (a race with an eviction can leave it a little high). */
  private final AtomicInteger size = new AtomicInteger();

  private volatile boolean listening;

  @Inject private MetricRegistry metrics;

  private Counter hits;

  private Counter misses;

  private record Answer(boolean allow, long validUntilMillis) {}

  @PostConstruct
  void countAnswers() {
    Metadata checks =
        Metadata.builder()
            .withName("billing_access_checks_total")
            .withDescription("Access checks on this instance, by where the answer came from")
            .build();
    hits = metrics.counter(checks, new Tag("answered_from", "cache"));
    misses = metrics.counter(checks, new Tag("answered_from", "database"));
  }

  /** The answer for this account and movie, if one is kept and still valid at {@code nowMillis}. */
  public Optional<Boolean> answer(UUID accountId, UUID movieId, long nowMillis) {
    Map<UUID, Answer> answers = byAccount.get(accountId);
    Answer answer = answers == null ? null : answers.get(movieId);
    if (answer == null || nowMillis >= answer.validUntilMillis()) {
      misses.inc();
      return Optional.empty();
    }
    hits.inc();
    return Optional.of(answer.allow());
  }

  /** To be read before asking the database; handed back to {@link #put}. */
  public long epoch() {
    return epoch.get();
  }

  /**
   * Keeps an answer read from the database, unless something was evicted since {@code epochBefore}.
   *
   * @param paidThroughMillis for an "allow", when the period granting it ends
   */
  public void put(
      UUID accountId,
      UUID movieId,
      boolean allow,
      long paidThroughMillis,
      long nowMillis,
      long epochBefore) {
    if (!listening || keepSeconds <= 0) {
      return;
    }
    long until = nowMillis + keepSeconds * 1000;
    if (allow) {
      until = Math.min(until, paidThroughMillis);
    }
    if (size.get() >= MAX_ANSWERS) {
      evictAll();
    }
    Answer replaced =
        byAccount
            .computeIfAbsent(accountId, account -> new ConcurrentHashMap<>())
            .put(movieId, new Answer(allow, until));
    if (replaced == null) {
      size.incrementAndGet();
    }
    if (epoch.get() != epochBefore) {
      evict(accountId);
    }
  }

  /** Something about this account's subscriptions changed. */
  public void evict(UUID accountId) {
    epoch.incrementAndGet();
    Map<UUID, Answer> removed = byAccount.remove(accountId);
    if (removed != null) {
      size.addAndGet(-removed.size());
    }
  }

  /** Something about the catalog changed, or changes may have been missed. */
  public void evictAll() {
    epoch.incrementAndGet();
    byAccount.clear();
    size.set(0);
  }

  /** Whether changes reach this instance; answers are kept only while they do. */
  void listening(boolean listening) {
    this.listening = listening;
    evictAll();
  }
}
