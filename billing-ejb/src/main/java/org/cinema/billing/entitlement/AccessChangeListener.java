package org.cinema.billing.entitlement;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.cinema.billing.platform.BillingSchema;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on PostgreSQL channel {@code billing_access}, where the triggers of migration V4 announce
 * changes that can turn an access answer (a subscription: its account id; the catalog: {@code *}),
 * and evicts those answers from this instance's {@link AccessCache}. Every instance of the
 * application listens, so a refund made on one ends access on all.
 *
 * <p>One connection of the pool is held for it on a thread of its own. When the connection is lost,
 * the cache stops keeping answers (a change could be missed) until listening again.
 */
@Startup
@Singleton
@DependsOn("BillingSchema")
public class AccessChangeListener {

  static final String CHANNEL = "billing_access";

  private static final Logger LOG = Logger.getLogger(AccessChangeListener.class.getName());

  private static final int WAIT_MILLIS = 10_000;

  private static final long RETRY_MILLIS = 2_000;

  @Resource(lookup = BillingSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Resource private ManagedThreadFactory threads;

  @Inject private AccessCache cache;

  private volatile boolean stopping;

  private Thread thread;

  @PostConstruct
  void start() {
    thread = threads.newThread(this::listen);
    thread.setName("billing-access-listener");
    thread.setDaemon(true);
    thread.start();
  }

  @PreDestroy
  void stop() {
    stopping = true;
    thread.interrupt();
  }

  private void listen() {
    while (!stopping) {
      try (Connection connection = dataSource.getConnection()) {
        try (Statement listen = connection.createStatement()) {
          listen.execute("LISTEN " + CHANNEL);
        }
        PGConnection postgres = connection.unwrap(PGConnection.class);
        cache.listening(true);
        LOG.fine("Listening for access changes");
        while (!stopping) {
          PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
          if (notifications != null) {
            for (PGNotification notification : notifications) {
              apply(notification.getParameter());
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        cache.listening(false);
        if (!stopping) {
          LOG.log(Level.WARNING, "Not listening for access changes; retrying: " + e, e);
          pause();
        }
      }
    }
    cache.listening(false);
  }

  private void apply(String payload) {
    if ("*".equals(payload)) {
      cache.evictAll();
      return;
    }
    try {
      cache.evict(UUID.fromString(payload));
    } catch (IllegalArgumentException e) {
      cache.evictAll();
    }
  }

  private void pause() {
    try {
      Thread.sleep(RETRY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping = true;
    }
  }
}
