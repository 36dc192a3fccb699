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
import org.cinema.billing.payment.PaymentLedger;

/** Applies one stored event, in a transaction of its own; records a failure in another. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WebhookEventHandler {

  private static final Duration MAX_BACKOFF = Duration.ofMinutes(30);

  @PersistenceContext private EntityManager em;

  @Inject private PaymentLedger payments;

  @Inject private Clock clock;

  /**
   * Applies the event unless another instance holds it or it is done already.
   *
   * @return false when there was nothing to do
   */
  public boolean apply(long eventRowId) {
    List<?> payload =
        em.createNativeQuery(
                "select payload from billing.webhook_event where id = ? and processed_at is null"
                    + " for update skip locked")
            .setParameter(1, eventRowId)
            .getResultList();
    if (payload.isEmpty()) {
      return false;
    }
    payments.apply(StripeEventFormat.read((String) payload.get(0)));
    em.createNativeQuery(
            "update billing.webhook_event set processed_at = ?, attempts = attempts + 1,"
                + " last_error = null where id = ?")
        .setParameter(1, now())
        .setParameter(2, eventRowId)
        .executeUpdate();
    return true;
  }

  /** Counts a failed attempt and sets when to try again (doubling, up to 30 minutes). */
  public void recordFailure(long eventRowId, String error) {
    Number attempts =
        (Number)
            em.createNativeQuery("select attempts from billing.webhook_event where id = ?")
                .setParameter(1, eventRowId)
                .getSingleResult();
    Duration backoff = Duration.ofSeconds(5L << Math.min(attempts.intValue(), 12));
    Instant next = clock.instant().plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff);
    em.createNativeQuery(
            "update billing.webhook_event set attempts = attempts + 1, last_error = ?,"
                + " next_attempt_at = ? where id = ?")
        .setParameter(1, error)
        .setParameter(2, OffsetDateTime.ofInstant(next, ZoneOffset.UTC))
        .setParameter(3, eventRowId)
        .executeUpdate();
  }

  /** Stored events that are due for a (first or further) attempt, oldest first. */
  public List<Long> due(int limit) {
    return em.createNativeQuery(
            "select id from billing.webhook_event where processed_at is null"
                + " and next_attempt_at <= ? order by next_attempt_at limit ?")
        .setParameter(1, now())
        .setParameter(2, limit)
        .getResultStream()
        .map(id -> ((Number) id).longValue())
        .toList();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
