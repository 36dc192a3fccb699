package org.cinema.billing.notification;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TransactionRequiredException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.cinema.common.json.Jsons;

/**
 * Writes events in the transaction of the change they report, so that a change and its event commit
 * together or not at all. The dispatcher ({@link NotificationDispatcher}) is told after the commit,
 * to send without waiting for its next round.
 */
@ApplicationScoped
public class Outbox {

  @PersistenceContext private EntityManager em;

  @Inject private Clock clock;

  @Inject private Event<EventsWritten> written;

  @Resource private TransactionSynchronizationRegistry transaction;

  /** Records an event; must be called in a transaction (the change's). */
  public void record(EventType type, UUID accountId, UUID subscriptionId, JsonObject data) {
    insert(type, accountId, subscriptionId, data, Optional.empty());
  }

  /**
   * Records an event once for {@code dedupeKey}: a second call with the same key records nothing.
   *
   * @return whether it was recorded now
   */
  public boolean recordOnce(
      EventType type, UUID accountId, UUID subscriptionId, JsonObject data, String dedupeKey) {
    return insert(type, accountId, subscriptionId, data, Optional.of(dedupeKey));
  }

  private boolean insert(
      EventType type,
      UUID accountId,
      UUID subscriptionId,
      JsonObject data,
      Optional<String> dedupeKey) {
    if (!em.isJoinedToTransaction()) {
      throw new TransactionRequiredException("An event is written with its change: " + type);
    }
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    String payload =
        Jsons.object()
            .add("id", id.toString())
            .add("type", type.wireName())
            .add("version", EventType.VERSION)
            .add("created_at", now.toString())
            .add("data", data)
            .build()
            .toString();
    int inserted =
        em.createNativeQuery(
                "insert into billing.outbox_event (id, type, version, account_id, subscription_id,"
                    + " payload, dedupe_key, created_at)"
                    // Cast: EclipseLink binds a null UUID as a string.
                    + " values (?, ?, ?, cast(? as uuid), cast(? as uuid), ?, ?, ?)"
                    + " on conflict (dedupe_key) do nothing")
            .setParameter(1, id)
            .setParameter(2, type.wireName())
            .setParameter(3, EventType.VERSION)
            .setParameter(4, accountId)
            .setParameter(5, subscriptionId)
            .setParameter(6, payload)
            .setParameter(7, dedupeKey.orElse(null))
            .setParameter(8, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
            .executeUpdate();
    if (inserted == 1 && transaction.getResource(EventsWritten.class) == null) {
      // Once per transaction: one round after its commit sends all it wrote.
      transaction.putResource(EventsWritten.class, EventsWritten.INSTANCE);
      written.fire(EventsWritten.INSTANCE);
    }
    return inserted == 1;
  }

  /** Fired (observed after the commit) when a transaction wrote events. */
  public enum EventsWritten {
    INSTANCE
  }
}
