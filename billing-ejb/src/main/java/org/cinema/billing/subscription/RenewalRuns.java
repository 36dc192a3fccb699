package org.cinema.billing.subscription;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cinema.billing.platform.InstantConverter;

/** The record of renewal passes ({@code billing.renewal_run}), each write its own transaction. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RenewalRuns {

  private static final String COLUMNS =
      "id, trigger, status, started_at, finished_at, renewed, failed, past_due, expired,"
          + " canceled, awaiting, errors, last_error";

  @PersistenceContext private EntityManager em;

  public void started(UUID id, String trigger, Instant at) {
    em.createNativeQuery(
            "insert into billing.renewal_run (id, trigger, status, started_at)"
                + " values (?, ?, 'RUNNING', ?) on conflict (id) do nothing")
        .setParameter(1, id)
        .setParameter(2, trigger)
        .setParameter(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .executeUpdate();
  }

  /** Writes a pass's counts so far (or at its end, {@code finished} set). */
  public void progress(RenewalRunView run) {
    started(run.id(), run.trigger(), run.startedAt());
    em.createNativeQuery(
            "update billing.renewal_run set status = ?, finished_at = ?, renewed = ?, failed = ?,"
                + " past_due = ?, expired = ?, canceled = ?, awaiting = ?, errors = ?,"
                + " last_error = ? where id = ?")
        .setParameter(1, run.status())
        .setParameter(
            2,
            run.finishedAt() == null
                ? null
                : OffsetDateTime.ofInstant(run.finishedAt(), ZoneOffset.UTC))
        .setParameter(3, run.renewed())
        .setParameter(4, run.failed())
        .setParameter(5, run.pastDue())
        .setParameter(6, run.expired())
        .setParameter(7, run.canceled())
        .setParameter(8, run.awaiting())
        .setParameter(9, run.errors())
        .setParameter(10, run.lastError())
        .setParameter(11, run.id())
        .executeUpdate();
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<RenewalRunView> latest(int limit, int offset) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select "
                    + COLUMNS
                    + " from billing.renewal_run order by started_at desc, id limit ? offset ?")
            .setParameter(1, limit)
            .setParameter(2, offset)
            .getResultList();
    return rows.stream().map(RenewalRuns::view).toList();
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public long count() {
    return ((Number)
            em.createNativeQuery("select count(*) from billing.renewal_run").getSingleResult())
        .longValue();
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<RenewalRunView> find(UUID id) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery("select " + COLUMNS + " from billing.renewal_run where id = ?")
            .setParameter(1, id)
            .getResultList();
    return rows.stream().findFirst().map(RenewalRuns::view);
  }

  private static RenewalRunView view(Object[] row) {
    return new RenewalRunView(
        (UUID) row[0],
        (String) row[1],
        (String) row[2],
        InstantConverter.ofColumn(row[3]),
        InstantConverter.ofColumn(row[4]),
        ((Number) row[5]).intValue(),
        ((Number) row[6]).intValue(),
        ((Number) row[7]).intValue(),
        ((Number) row[8]).intValue(),
        ((Number) row[9]).intValue(),
        ((Number) row[10]).intValue(),
        ((Number) row[11]).intValue(),
        (String) row[12]);
  }
}
