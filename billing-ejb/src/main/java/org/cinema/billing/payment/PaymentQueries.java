package org.cinema.billing.payment;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.cinema.billing.platform.Page;
import org.cinema.billing.platform.Where;

/** Lists of payments: a viewer's statement and the administrator's view, newest first. */
@Stateless
public class PaymentQueries {

  private static final String FROM =
      " from Payment p, Invoice i, Subscription s, Product pr"
          + " where i.id = p.invoiceId and s.id = i.subscriptionId and pr.id = s.productId";

  @PersistenceContext private EntityManager em;

  /** The payments of one account created between two dates (both included, UTC). */
  public Page<StatementLine> statement(
      UUID accountId, LocalDate from, LocalDate to, int page, int size) {
    return list(
        new Where()
            .and("p.accountId = :account", "account", accountId)
            .and("p.createdAt >= :from", "from", startOf(from))
            .and("p.createdAt < :to", "to", startOf(to.plusDays(1))),
        page,
        size);
  }

  /**
   * Every payment, filtered by whatever is given.
   *
   * @param flagged only payments flagged for review (money that did not match, or that came for
   *     something that could not take it)
   */
  public Page<StatementLine> search(
      Optional<UUID> accountId,
      Optional<PaymentStatus> status,
      Optional<LocalDate> from,
      Optional<LocalDate> to,
      boolean flagged,
      int page,
      int size) {
    Optional<Instant> flaggedSince = flagged ? Optional.of(Instant.EPOCH) : Optional.empty();
    return list(
        new Where()
            .and("p.accountId = :account", "account", accountId)
            .and("p.status = :status", "status", status)
            .and("p.reviewFlaggedAt >= :flagged", "flagged", flaggedSince)
            .and("p.createdAt >= :from", "from", from.map(PaymentQueries::startOf))
            .and("p.createdAt < :to", "to", to.map(day -> startOf(day.plusDays(1)))),
        page,
        size);
  }

  private Page<StatementLine> list(Where where, int page, int size) {
    String predicate = where.andAfterJoins();
    long total =
        where
            .bind(em.createQuery("select count(p)" + FROM + predicate, Long.class))
            .getSingleResult();
    var lines =
        where
            .bind(
                em.createQuery(
                    "select new org.cinema.billing.payment.StatementLine(p.id, p.accountId,"
                        + " pr.name, s.period, p.amount, p.currency, p.status,"
                        + " p.refundedAmount, p.paidAt, p.createdAt, p.failureCode,"
                        + " p.failureMessage, p.reviewReason)"
                        + FROM
                        + predicate
                        + " order by p.createdAt desc, p.id desc",
                    StatementLine.class))
            .setFirstResult(Page.offset(page, size))
            .setMaxResults(size)
            .getResultList();
    return new Page<>(lines, total, page, size);
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
