package org.cinema.billing.webhook;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.cinema.billing.payment.PaymentLedger;
import org.cinema.billing.payment.gateway.CardSetup;
import org.cinema.billing.payment.gateway.StripeEventFormat;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies one stored event, in a transaction of its own; records a failure in another. An event
 * that names no payment of ours yet is not dropped: it waits and is tried again. After {@code
 * WEBHOOK_MAX_ATTEMPTS} attempts an event is parked (the dead letter) until an administrator
 * retries it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WebhookEventHandler {

  private static final Duration MAX_BACKOFF = Duration.ofMinutes(30);

  /** At most this many waiting events are tried after each applied one (the rest on schedule). */
  private static final int WAITING_TRIED_AT_ONCE = 20;

  @PersistenceContext private EntityManager em;

  @Inject private PaymentLedger payments;

  @Inject private Clock clock;

  @Inject
  @ConfigProperty(name = "webhook.max-attempts", defaultValue = "12")
  private int maxAttempts;

  @Inject
  @ConfigProperty(name = "webhook.retry-base-seconds", defaultValue = "5")
  private long retryBaseSeconds;

  /** What one attempt did. */
  public enum Attempt {
    /** Applied (or there was nothing to apply): done. */
    APPLIED,
    /** It names no payment of ours yet: kept, to be tried again. */
    WAITING,
    /** Held by another instance, done already, or parked: nothing to do here. */
    NOTHING_TO_DO
  }

  /**
   * What one attempt did; when it applied the event, the events waiting for a payment, read in the
   * same transaction, which may apply now.
   */
  public record Result(Attempt attempt, Optional<CardSetup> cardSetupFirst, List<Long> waiting) {

    static final Result NOTHING_TO_DO =
        new Result(Attempt.NOTHING_TO_DO, Optional.empty(), List.of());

    static final Result WAITING = new Result(Attempt.WAITING, Optional.empty(), List.of());
  }

  /**
   * Applies the event unless another instance holds it, it is done already, or parked. An event
   * that reports a card page completed is not applied until the provider made that card the one
   * later charges use: the first attempt answers {@link Result#cardSetupFirst()}, and the caller,
   * once the provider did it outside any transaction, calls again with {@code cardSetUp}.
   *
   * @param counted whether this is one of the event's scheduled attempts; an event woken because
   *     another applied is tried without counting, so that waiting uses up time, not traffic
   */
  public Result apply(long eventRowId, boolean counted, boolean cardSetUp) {
    List<?> payload =
        em.createNativeQuery(
                "select payload from billing.webhook_event where id = ? and processed_at is null"
                    + " and parked_at is null for update skip locked")
            .setParameter(1, eventRowId)
            .getResultList();
    if (payload.isEmpty()) {
      return Result.NOTHING_TO_DO;
    }
    String event = (String) payload.get(0);
    Optional<CardSetup> setup =
        cardSetUp ? Optional.<CardSetup>empty() : StripeEventFormat.cardSetup(event);
    if (setup.isPresent()) {
      return new Result(Attempt.NOTHING_TO_DO, setup, List.of());
    }
    if (!payments.apply(StripeEventFormat.read(event))) {
      if (counted) {
        recordAttempt(eventRowId, "waiting: it names no payment of ours (yet)", true);
      }
      return Result.WAITING;
    }
    em.createNativeQuery(
            "update billing.webhook_event set processed_at = ?, attempts = attempts + 1,"
                + " waiting = false, last_error = null where id = ?")
        .setParameter(1, now())
        .setParameter(2, eventRowId)
        .executeUpdate();
    return new Result(Attempt.APPLIED, Optional.empty(), waiting(WAITING_TRIED_AT_ONCE));
  }

  /** Counts a failed attempt and sets when to try again; parks the event after the last one. */
  public void recordFailure(long eventRowId, String error) {
    recordAttempt(eventRowId, error, false);
  }

  private void recordAttempt(long eventRowId, String error, boolean waiting) {
    Number attempts =
        (Number)
            em.createNativeQuery("select attempts from billing.webhook_event where id = ?")
                .setParameter(1, eventRowId)
                .getSingleResult();
    int made = attempts.intValue() + 1;
    Duration backoff = Duration.ofSeconds(retryBaseSeconds << Math.min(made - 1, 16));
    Instant next = clock.instant().plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff);
    em.createNativeQuery(
            "update billing.webhook_event set attempts = ?, last_error = ?, waiting = ?,"
                + " next_attempt_at = ?, parked_at = case when ? then cast(? as timestamptz) end where id = ?")
        .setParameter(1, made)
        .setParameter(2, error)
        .setParameter(3, waiting)
        .setParameter(4, OffsetDateTime.ofInstant(next, ZoneOffset.UTC))
        .setParameter(5, made >= maxAttempts)
        .setParameter(6, now())
        .setParameter(7, eventRowId)
        .executeUpdate();
  }

  /** Stored events that are due for a (first or further) attempt, oldest first. */
  public List<Long> due(int limit) {
    return em.createNativeQuery(
            "select id from billing.webhook_event where processed_at is null"
                + " and parked_at is null and next_attempt_at <= ? order by next_attempt_at"
                + " limit ?")
        .setParameter(1, now())
        .setParameter(2, limit)
        .getResultStream()
        .map(id -> ((Number) id).longValue())
        .toList();
  }

  /**
   * Events waiting for a payment, which may apply now that another event applied; trying them does
   * not count as one of their attempts.
   */
  private List<Long> waiting(int limit) {
    return em.createNativeQuery(
            "select id from billing.webhook_event where waiting and processed_at is null"
                + " and parked_at is null order by received_at limit ?")
        .setParameter(1, limit)
        .getResultStream()
        .map(id -> ((Number) id).longValue())
        .toList();
  }

  /**
   * An administrator's retry of a parked (or failing) event: it is due now with a fresh count of
   * attempts.
   *
   * @return false when the event is processed already (or unknown)
   */
  public boolean unpark(long eventRowId) {
    return em.createNativeQuery(
                "update billing.webhook_event set parked_at = null, attempts = 0,"
                    + " next_attempt_at = ? where id = ? and processed_at is null")
            .setParameter(1, now())
            .setParameter(2, eventRowId)
            .executeUpdate()
        == 1;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
