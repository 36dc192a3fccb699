package org.cinema.billing.invoice;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;
import org.cinema.billing.platform.Page;
import org.cinema.billing.platform.Where;

/** Lists of invoices: a viewer's own, and the administrator's view. Newest first. */
@Stateless
public class InvoiceQueries {

  private static final String FROM =
      " from Invoice i, Subscription s, Product pr"
          + " where s.id = i.subscriptionId and pr.id = s.productId";

  @PersistenceContext private EntityManager em;

  public Page<InvoiceView> search(
      Optional<UUID> accountId, Optional<InvoiceStatus> status, int page, int size) {
    Where where =
        new Where()
            .and("i.accountId = :account", "account", accountId)
            .and("i.status = :status", "status", status);
    long total =
        where
            .bind(em.createQuery("select count(i)" + FROM + where.andAfterJoins(), Long.class))
            .getSingleResult();
    var items =
        where
            .bind(
                em.createQuery(
                    "select new org.cinema.billing.invoice.InvoiceView(i.id, i.accountId,"
                        + " i.subscriptionId, pr.name, i.amount, i.currency, i.periodStart,"
                        + " i.periodEnd, i.status, i.paidAt, i.createdAt)"
                        + FROM
                        + where.andAfterJoins()
                        + " order by i.createdAt desc, i.id",
                    InvoiceView.class))
            .setFirstResult(Page.offset(page, size))
            .setMaxResults(size)
            .getResultList();
    return new Page<>(items, total, page, size);
  }
}
