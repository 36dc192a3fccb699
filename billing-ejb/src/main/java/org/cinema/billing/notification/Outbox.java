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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.cinema.billing.platform.BulkStatement;
import org.cinema.billing.platform.NativeParameters;
import org.cinema.common.json.Jsons;

/**
 * Writes events in the transaction of the change they report, so that a change and its event commit
 * together or not at all. The dispatcher ({@link NotificationDispatcher}) is told after the commit,
 * to send without waiting for its next round.
 */
@ApplicationScoped
public class Outbox {

  /** 8 parameters a row: far below PostgreSQL's 32,767 a statement. */
  private static final int ROWS_PER_STATEMENT = 500;

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

  /**
   * Runs {@code work}, in the caller's transaction, writing the events it records (those without a
   * dedupe key) together when it ends, in one statement per few hundred events rather than one
   * each: for work that changes many aggregates at once (a group of renewals).
   */
  public <T> T writeTogether(Supplier<T> work) {
    Deferred deferred = new Deferred();
    transaction.putResource(Deferred.class, deferred);
    try {
      T result = work.get();
      for (int from = 0; from < deferred.rows.size(); from += ROWS_PER_STATEMENT) {
        write(
            deferred.rows.subList(from, Math.min(deferred.rows.size(), from + ROWS_PER_STATEMENT)));
      }
      return result;
    } finally {
      deferred.open = false;
    }
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
    Row row = new Row(id, type, accountId, subscriptionId, payload, dedupeKey.orElse(null), now);
    Deferred deferred = (Deferred) transaction.getResource(Deferred.class);
    boolean inserted;
    if (dedupeKey.isEmpty() && deferred != null && deferred.open) {
      deferred.rows.add(row);
      inserted = true;
    } else {
      inserted = write(List.of(row)) == 1;
    }
    if (inserted && transaction.getResource(EventsWritten.class) == null) {
      // Once per transaction: one round after its commit sends all it wrote.
      transaction.putResource(EventsWritten.class, EventsWritten.INSTANCE);
      written.fire(EventsWritten.INSTANCE);
    }
    return inserted;
  }

  /** Inserts the rows in their order (their seq follows it); one with a taken key is skipped. */
  private int write(List<Row> rows) {
    BulkStatement insert =
        BulkStatement.of(
            em,
            "insert into billing.outbox_event (id, type, version, account_id, subscription_id,"
                + " payload, dedupe_key, created_at) values "
                + NativeParameters.rows(rows.size(), 8)
                + " on conflict (dedupe_key) do nothing");
    for (Row row : rows) {
      insert.bind(
          row.id(),
          row.type().wireName(),
          EventType.VERSION,
          row.accountId(),
          row.subscriptionId(),
          row.payload(),
          row.dedupeKey(),
          row.createdAt());
    }
    return insert.executeUpdate();
  }

  private record Row(
      UUID id,
      EventType type,
      UUID accountId,
      UUID subscriptionId,
      String payload,
      String dedupeKey,
      Instant createdAt) {}

  /** The events of {@link #writeTogether}'s work, while it runs. */
  private static final class Deferred {
    private final List<Row> rows = new ArrayList<>();
    private boolean open = true;
  }

  /** Fired (observed after the commit) when a transaction wrote events. */
  public enum EventsWritten {
    INSTANCE
  }
}
