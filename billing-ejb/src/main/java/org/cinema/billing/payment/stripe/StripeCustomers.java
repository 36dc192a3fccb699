package org.cinema.billing.payment.stripe;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

/** The Stripe customer of each account, kept on the account once found or created. */
@Stateless
public class StripeCustomers {

  @PersistenceContext private EntityManager em;

  public Optional<String> known(UUID accountId) {
    return em.createNativeQuery("select provider_customer_id from billing.account where id = ?")
        .setParameter(1, accountId)
        .getResultStream()
        .filter(id -> id != null)
        .map(String.class::cast)
        .findFirst();
  }

  public void remember(UUID accountId, String customerId) {
    em.createNativeQuery(
            "update billing.account set provider_customer_id = ?, updated_at = now()"
                + " where id = ? and provider_customer_id is null")
        .setParameter(1, customerId)
        .setParameter(2, accountId)
        .executeUpdate();
  }
}
