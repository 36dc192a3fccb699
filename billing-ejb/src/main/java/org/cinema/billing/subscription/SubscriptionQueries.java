package org.cinema.billing.subscription;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cinema.billing.payment.PaymentStatus;
import org.cinema.billing.platform.Page;
import org.cinema.billing.platform.Where;

/** Lists of subscriptions: a viewer's own, and the administrator's view. Newest first. */
@Stateless
public class SubscriptionQueries {

  @PersistenceContext private EntityManager em;

  /** Renewals to be charged on one UTC day in one currency. */
  public record UpcomingDay(LocalDate day, String currency, long count, BigDecimal amount) {}

  /**
   * The renewals due from {@code now} over the next {@code days} days, per UTC day and currency:
   * renewing ACTIVE subscriptions at their period's end, PAST_DUE ones at their next retry.
   */
  public List<UpcomingDay> upcoming(Instant now, int days) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select cast(date_trunc('day', w.due at time zone 'UTC') as date), w.currency,"
                    + " count(*), sum(w.price) from (select s.currency, s.price,"
                    + "   case when s.status = 'ACTIVE' then s.current_period_end"
                    + "   else s.retry_at end as due from billing.subscription s"
                    + "   where (s.status = 'ACTIVE' and not s.cancel_at_period_end)"
                    + "   or (s.status = 'PAST_DUE' and s.retry_at is not null)) w"
                    + " where w.due < ? group by 1, 2 order by 1, 2")
            .setParameter(
                1, OffsetDateTime.ofInstant(now.plus(Duration.ofDays(days)), ZoneOffset.UTC))
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new UpcomingDay(
                    ((java.sql.Date) row[0]).toLocalDate(),
                    ((String) row[1]).trim(),
                    ((Number) row[2]).longValue(),
                    (BigDecimal) row[3]))
        .toList();
  }

  public Page<SubscriptionView> search(
      Optional<UUID> accountId, Optional<SubscriptionStatus> status, int page, int size) {
    Where where =
        new Where()
            .and("s.accountId = :account", "account", accountId)
            .and("s.status = :status", "status", status);
    String from = " from Subscription s, Product pr where s.productId = pr.id";
    String predicate = where.andAfterJoins();
    long total =
        where
            .bind(em.createQuery("select count(s)" + from + predicate, Long.class))
            .getSingleResult();
    var items =
        where
            .bind(
                em.createQuery(
                    "select new org.cinema.billing.subscription.SubscriptionView(s.id,"
                        + " s.accountId, s.productId, pr.name, s.status, s.price, s.currency,"
                        + " s.period, s.currentPeriodStart, s.currentPeriodEnd,"
                        + " s.cancelAtPeriodEnd, s.createdAt, s.renewalFailures, s.pastDueSince,"
                        + " s.retryAt)"
                        + from
                        + predicate
                        + " order by s.createdAt desc, s.id",
                    SubscriptionView.class))
            .setFirstResult(Page.offset(page, size))
            .setMaxResults(size)
            .getResultList();
    return new Page<>(withPayAgainPages(items), total, page, size);
  }

  /**
   * Past-due subscriptions get the page of their renewal's latest unpaid payment: paying there with
   * another card reactivates them.
   */
  private List<SubscriptionView> withPayAgainPages(List<SubscriptionView> items) {
    List<UUID> pastDue =
        items.stream()
            .filter(s -> s.status() == SubscriptionStatus.PAST_DUE)
            .map(SubscriptionView::id)
            .toList();
    if (pastDue.isEmpty()) {
      return items;
    }
    Map<UUID, String> pages = new HashMap<>();
    em.createQuery(
            "select i.subscriptionId, p.checkoutUrl from Payment p, Invoice i, Subscription s"
                + " where p.invoiceId = i.id and i.subscriptionId = s.id"
                + " and i.periodStart = s.currentPeriodEnd and s.id in :ids"
                + " and p.status in :unpaid and p.checkoutUrl is not null order by p.createdAt",
            Object[].class)
        .setParameter("ids", pastDue)
        .setParameter(
            "unpaid", List.of(PaymentStatus.CREATED, PaymentStatus.PENDING, PaymentStatus.FAILED))
        .getResultList()
        .forEach(row -> pages.put((UUID) row[0], (String) row[1]));
    return items.stream()
        .map(s -> pages.containsKey(s.id()) ? s.withPayAgainUrl(pages.get(s.id())) : s)
        .toList();
  }
}
