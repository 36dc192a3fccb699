package org.cinema.billing.subscription;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.cinema.billing.entitlement.AccessCache;

/**
 * Evicts an account's access answers on this instance as soon as a transaction that changed one of
 * its subscriptions commits, so that the viewer's next request here already sees a refund or a
 * payment (the NOTIFY that tells the other instances arrives a moment later). Services whose answer
 * must already reflect the change (a refund) also evict before answering: a change committed on
 * another thread (a provider event) evicts only once that thread's commit returns.
 */
public class SubscriptionAccessEvents {

  private static final String REGISTRY = "java:comp/TransactionSynchronizationRegistry";

  /**
   * Looked up, not injected: EclipseLink in Payara creates entity listeners without CDI injection
   * (an @Inject field stayed null, so this eviction never happened and access ended only when
   * PostgreSQL's NOTIFY arrived). Looked up once per listener: both lookups on every change were a
   * twentieth of the server's CPU when renewing.
   */
  private volatile AccessCache cache;

  private volatile TransactionSynchronizationRegistry registry;

  @PostPersist
  @PostUpdate
  @PostRemove
  void changed(Subscription subscription) {
    AccessCache cache = cache();
    registry()
        .registerInterposedSynchronization(
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

  private AccessCache cache() {
    AccessCache found = cache;
    if (found == null) {
      found = CDI.current().select(AccessCache.class).get();
      cache = found;
    }
    return found;
  }

  private TransactionSynchronizationRegistry registry() {
    TransactionSynchronizationRegistry found = registry;
    if (found == null) {
      try {
        found = InitialContext.doLookup(REGISTRY);
      } catch (NamingException e) {
        throw new IllegalStateException("No transaction registry at " + REGISTRY, e);
      }
      registry = found;
    }
    return found;
  }
}
