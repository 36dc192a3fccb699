package org.cinema.billing.subscription;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;
import org.cinema.billing.platform.Page;
import org.cinema.billing.platform.Where;

/** Lists of subscriptions: a viewer's own, and the administrator's view. Newest first. */
@Stateless
public class SubscriptionQueries {

  @PersistenceContext private EntityManager em;

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
                        + " s.cancelAtPeriodEnd, s.createdAt)"
                        + from
                        + predicate
                        + " order by s.createdAt desc, s.id",
                    SubscriptionView.class))
            .setFirstResult(Page.offset(page, size))
            .setMaxResults(size)
            .getResultList();
    return new Page<>(items, total, page, size);
  }
}
