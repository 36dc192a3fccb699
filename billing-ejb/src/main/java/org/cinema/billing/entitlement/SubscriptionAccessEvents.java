package org.cinema.billing.entitlement;

import jakarta.inject.Inject;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.cinema.billing.subscription.Subscription;

/**
 * Evicts an account's access answers on this instance as soon as a transaction that changed one of
 * its subscriptions commits, so that the viewer's next request here already sees a refund or a
 * payment (the NOTIFY that tells the other instances arrives a moment later).
 */
public class SubscriptionAccessEvents {

  private static final String REGISTRY = "java:comp/TransactionSynchronizationRegistry";

  @Inject private AccessCache cache;

  @PostPersist
  @PostUpdate
  @PostRemove
  void changed(Subscription subscription) {
    TransactionSynchronizationRegistry transaction;
    try {
      transaction = InitialContext.doLookup(REGISTRY);
    } catch (NamingException e) {
      throw new IllegalStateException("No transaction registry at " + REGISTRY, e);
    }
    transaction.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              cache.evict(subscription.accountId());
            }
          }
        });
  }
}
