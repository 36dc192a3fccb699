package org.cinema.billing.account;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.cinema.billing.platform.Page;
import org.cinema.billing.platform.Where;

/** The administrator's list of customers. */
@Stateless
public class AccountQueries {

  @PersistenceContext private EntityManager em;

  /** Accounts whose login, e-mail or name contains {@code search} (any case), newest first. */
  public Page<CustomerView> customers(Optional<String> search, int page, int size) {
    Where where =
        new Where()
            .and(
                "(lower(a.login) like :search or lower(a.email) like :search"
                    + " or lower(a.fullName) like :search)",
                "search",
                search.map(text -> "%" + text.toLowerCase() + "%"));
    long total =
        where
            .bind(em.createQuery("select count(a) from Account a" + where, Long.class))
            .getSingleResult();
    var items =
        where
            .bind(
                em.createQuery(
                    "select new org.cinema.billing.account.CustomerView(a.id, a.login, a.email,"
                        + " a.fullName, a.phone, a.roles, a.createdAt) from Account a"
                        + where
                        + " order by a.createdAt desc, a.id",
                    CustomerView.class))
            .setFirstResult(Page.offset(page, size))
            .setMaxResults(size)
            .getResultList();
    return new Page<>(items, total, page, size);
  }
}
