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
   * Applies the event unless another instance holds it, it is done already, or parked.
   *
   * @param counted whether this is one of the event's scheduled attempts; an event woken because
   *     another applied is tried without counting, so that waiting uses up time, not traffic
   */
  public Attempt apply(long eventRowId, boolean counted) {
    List<?> payload =
        em.createNativeQuery(
                "select payload from billing.webhook_event where id = ? and processed_at is null"
                    + " and parked_at is null for update skip locked")
            .setParameter(1, eventRowId)
            .getResultList();
    if (payload.isEmpty()) {
      return Attempt.NOTHING_TO_DO;
    }
    if (!payments.apply(StripeEventFormat.read((String) payload.get(0)))) {
      if (counted) {
        recordAttempt(eventRowId, "waiting: it names no payment of ours (yet)", true);
      }
      return Attempt.WAITING;
    }
    em.createNativeQuery(
            "update billing.webhook_event set processed_at = ?, attempts = attempts + 1,"
                + " waiting = false, last_error = null where id = ?")
        .setParameter(1, now())
        .setParameter(2, eventRowId)
        .executeUpdate();
    return Attempt.APPLIED;
  }

  /**
   * The card page the stored event reports completed, if it is such an event and still to be
   * applied (not processed, not parked).
   */
  public Optional<CardSetup> cardSetupIn(long eventRowId) {
    List<?> payload =
        em.createNativeQuery(
                "select payload from billing.webhook_event where id = ? and processed_at is null"
                    + " and parked_at is null")
            .setParameter(1, eventRowId)
            .getResultList();
    return payload.stream()
        .findFirst()
        .flatMap(event -> StripeEventFormat.cardSetup((String) event));
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
  public List<Long> waiting(int limit) {
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
