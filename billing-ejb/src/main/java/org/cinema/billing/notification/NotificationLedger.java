package org.cinema.billing.notification;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cinema.billing.error.BillingException;
import org.cinema.billing.platform.BulkStatement;
import org.cinema.billing.platform.InstantConverter;
import org.cinema.billing.platform.NativeParameters;
import org.cinema.billing.platform.Page;
import org.cinema.common.error.ErrorCode;
import org.cinema.common.json.Jsons;

/**
 * The deliveries ({@code billing.notification}), each method its own transaction: fan-out of new
 * events, claims of due deliveries, their results, and what the admin sees and retries.
 */
@Stateless
public class NotificationLedger {

  /** The advisory lock that lets one instance at a time fan events out (in the events' order). */
  private static final long FAN_OUT_LOCK = 0x6e6f7469667931L;

  private static final String VIEW_COLUMNS =
      "n.id, n.account_id, n.subscription_id, e.id, n.event_type, n.channel, n.endpoint_id,"
          + " n.status, n.attempts, n.created_at, n.sent_at, n.next_attempt_at, n.subject,"
          + " n.last_error";

  @PersistenceContext private EntityManager em;

  @Inject private Clock clock;

  @Inject private NotificationSettings settings;

  /**
   * Turns up to {@code limit} new events, oldest first, into their deliveries: one to the viewer
   * (on the configured channel), one to the operations chat when it is configured and wants the
   * event, one per enabled webhook endpoint that wants it. Another instance fanning out meanwhile:
   * nothing done (it does it).
   *
   * @return how many events were fanned out
   */
  public int fanOut(int limit) {
    List<?> locked =
        em.createNativeQuery("select pg_try_advisory_xact_lock(?)")
            .setParameter(1, FAN_OUT_LOCK)
            .getResultList();
    if (!Boolean.TRUE.equals(locked.get(0))) {
      return 0;
    }
    List<Object[]> events =
        rows(
            em.createNativeQuery(
                    "select seq, type, account_id, subscription_id from billing.outbox_event"
                        + " where fanned_out_at is null order by seq limit ?")
                .setParameter(1, limit));
    if (events.isEmpty()) {
      return 0;
    }
    List<Object> seqs = events.stream().map(event -> event[0]).toList();
    // Shared locks: an endpoint being disabled or deleted meanwhile (WebhookEndpoints holds its
    // row) is read after that commits, so no delivery is queued for it afterwards.
    em.createNativeQuery(
            "select id from billing.webhook_endpoint where enabled and deleted_at is null"
                + " for share")
        .getResultList();
    OffsetDateTime now = utc(clock.instant());
    // One statement per kind of receiver for the whole batch.
    fanOut(
        "?, 'viewer', null::uuid",
        List.of(settings.viewerChannel()),
        "",
        " and e.account_id is not null",
        List.of(),
        seqs,
        now);
    List<String> forOperations =
        Arrays.stream(EventType.values())
            .map(EventType::wireName)
            .filter(settings::operationsWants)
            .toList();
    if (!forOperations.isEmpty()) {
      fanOut(
          "'telegram', 'operations', null::uuid",
          List.of(),
          "",
          " and e.type in " + NativeParameters.placeholders(forOperations.size()),
          forOperations,
          seqs,
          now);
    }
    fanOut(
        "'webhook', w.id::text, w.id",
        List.of(),
        " join billing.webhook_endpoint w on w.enabled and w.deleted_at is null"
            + " and (w.events = '*' or e.type = any(string_to_array(w.events, ',')))",
        "",
        List.of(),
        seqs,
        now);
    BulkStatement.of(
            em,
            "update billing.outbox_event set fanned_out_at = ? where seq in "
                + NativeParameters.placeholders(seqs.size()))
        .bind(now)
        .bindAll(seqs)
        .executeUpdate();
    return events.size();
  }

  /**
   * Inserts the deliveries of the events {@code seqs} to one kind of receiver: {@code receiver}
   * gives the channel, target and endpoint columns (with {@code receiverValues}), {@code join} and
   * {@code filter} which events (and endpoints) it takes, {@code filterValues} the filter's.
   */
  private void fanOut(
      String receiver,
      List<String> receiverValues,
      String join,
      String filter,
      List<String> filterValues,
      List<Object> seqs,
      OffsetDateTime now) {
    BulkStatement.of(
            em,
            "insert into billing.notification (id, event_seq, channel, target, endpoint_id,"
                + " account_id, subscription_id, event_type, status, next_attempt_at, created_at)"
                + " select gen_random_uuid(), e.seq, "
                + receiver
                + ", e.account_id, e.subscription_id, e.type, 'PENDING', ?, ?"
                + " from billing.outbox_event e"
                + join
                + " where e.seq in "
                + NativeParameters.placeholders(seqs.size())
                + filter
                + " order by e.seq on conflict (event_seq, channel, target) do nothing")
        .bindAll(receiverValues)
        .bind(now, now)
        .bindAll(seqs)
        .bindAll(filterValues)
        .executeUpdate();
  }

  /**
   * Claims up to {@code limit} due deliveries, each the oldest still open for its target and
   * subscription (so that one target hears of one subscription in order), leased until {@code
   * lease} from now: an instance that dies while sending leaves them to be claimed again then.
   */
  public List<Outgoing> claim(int limit) {
    Instant now = clock.instant();
    List<Object[]> due =
        rows(
            em.createNativeQuery(
                    "select n.id from billing.notification n"
                        + " where n.status in ('PENDING', 'FAILED') and n.next_attempt_at <= ?"
                        // The oldest open one of its target and subscription (a null
                        // subscription has no order to keep): "<=" the oldest is "=" it, but
                        // the planner expects an inequality to pass many rows, so it reads the
                        // open ones in order and stops at the limit. ("Not exists an older
                        // one", with stale statistics, ran as a loop over every open delivery
                        // for each; "=" made it sort them all.)
                        + " and (n.subscription_id is null or n.event_seq <="
                        + " (select min(o.event_seq) from billing.notification o"
                        + " where o.status in ('PENDING', 'FAILED') and o.channel = n.channel"
                        + " and o.target = n.target and o.subscription_id = n.subscription_id))"
                        + " order by n.event_seq limit ? for update of n skip locked")
                .setParameter(1, utc(now))
                .setParameter(2, limit));
    if (due.isEmpty()) {
      return List.of();
    }
    List<Object> ids = due.stream().map(row -> row[0]).toList();
    BulkStatement.of(
            em,
            "update billing.notification set attempts = attempts + 1, next_attempt_at = ?"
                + " where id in "
                + NativeParameters.placeholders(ids.size()))
        .bind(now.plus(settings.lease()))
        .bindAll(ids)
        .executeUpdate();
    BulkStatement read =
        BulkStatement.of(
                em,
                "select n.id, n.attempts, n.event_type, e.id, e.payload, a.id, a.email, a.full_name,"
                    + " a.language, w.id, w.url, w.secret, n.channel from billing.notification n"
                    + " join billing.outbox_event e on e.seq = n.event_seq"
                    + " left join billing.account a on a.id = n.account_id"
                    + " left join billing.webhook_endpoint w on w.id = n.endpoint_id"
                    + " where n.id in "
                    + NativeParameters.placeholders(ids.size())
                    + " order by e.seq")
            .bindAll(ids);
    List<Outgoing> claimed = new ArrayList<>();
    for (Object[] row : read.getResultList()) {
      String payload = (String) row[4];
      JsonObject data;
      try (var reader = Jsons.reader(new StringReader(payload))) {
        data = reader.readObject().getJsonObject("data");
      }
      claimed.add(
          new Outgoing(
              (UUID) row[0],
              (String) row[12],
              ((Number) row[1]).intValue(),
              EventType.byWireName((String) row[2]).orElseThrow(),
              (UUID) row[3],
              payload,
              data,
              Optional.ofNullable((UUID) row[5])
                  .map(
                      id ->
                          new Outgoing.Viewer(
                              id, (String) row[6], (String) row[7], ((String) row[8]).strip())),
              Optional.ofNullable((UUID) row[9])
                  .map(id -> new Outgoing.Endpoint(id, (String) row[10], (String) row[11]))));
    }
    return claimed;
  }

  /** It went out. */
  public void sent(UUID id, String subject) {
    sent(Map.of(id, subject));
  }

  /** Those that went out, by id, with their subjects: one statement for all. */
  public void sent(Map<UUID, String> subjects) {
    if (subjects.isEmpty()) {
      return;
    }
    BulkStatement update =
        BulkStatement.of(
                em,
                "update billing.notification n set status = 'SENT', sent_at = ?,"
                    + " subject = v.subject, last_error = null from (values "
                    + NativeParameters.rows(subjects.size(), 2)
                    + ") v (id, subject) where n.id = cast(v.id as uuid)"
                    + " and n.status in ('PENDING', 'FAILED')")
            .bind(clock.instant());
    subjects.forEach((id, subject) -> update.bind(id.toString(), truncate(subject, 300)));
    update.executeUpdate();
  }

  /**
   * Refreshes the planner's statistics of the deliveries: after a burst (a renewal day), the ones
   * it last saw misled it into reading every open delivery for each claim.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void analyze() {
    em.createNativeQuery("analyze billing.notification").executeUpdate();
  }

  /** It did not go out: tried again by the retry schedule, or parked after the last attempt. */
  public void failed(UUID id, String error) {
    Instant now = clock.instant();
    List<?> attempts =
        em.createNativeQuery(
                "select attempts from billing.notification where id = ?"
                    + " and status in ('PENDING', 'FAILED') for update")
            .setParameter(1, id)
            .getResultList();
    if (attempts.isEmpty()) {
      return;
    }
    Optional<Instant> next =
        settings.retries().nextAfter(((Number) attempts.get(0)).intValue(), now);
    em.createNativeQuery(
            "update billing.notification set status = ?, next_attempt_at = ?, last_error = ?"
                + " where id = ?")
        .setParameter(1, next.isPresent() ? "FAILED" : "DEAD")
        .setParameter(2, utc(next.orElse(now)))
        .setParameter(3, truncate(error, 1000))
        .setParameter(4, id)
        .executeUpdate();
  }

  /**
   * An administrator sends a parked (or failing) delivery again now, with a fresh set of attempts.
   *
   * @throws BillingException NOTIFICATION_NOT_FOUND; NOTIFICATION_NOT_RETRYABLE when it was sent or
   *     has not failed yet
   */
  public NotificationView retry(UUID id) {
    NotificationView found =
        get(id)
            .orElseThrow(
                () ->
                    new BillingException(
                        ErrorCode.NOTIFICATION_NOT_FOUND, "No notification " + id));
    if (!found.status().equals("DEAD") && !found.status().equals("FAILED")) {
      throw new BillingException(
          ErrorCode.NOTIFICATION_NOT_RETRYABLE,
          "Notification " + id + " is " + found.status() + ": only a failed one is sent again");
    }
    em.createNativeQuery(
            "update billing.notification set status = 'PENDING', attempts = 0,"
                + " next_attempt_at = ? where id = ?")
        .setParameter(1, utc(clock.instant()))
        .setParameter(2, id)
        .executeUpdate();
    return get(id).orElseThrow();
  }

  public Optional<NotificationView> get(UUID id) {
    return views(
            em.createNativeQuery(
                    "select "
                        + VIEW_COLUMNS
                        + " from billing.notification n"
                        + " join billing.outbox_event e on e.seq = n.event_seq where n.id = ?")
                .setParameter(1, id))
        .stream()
        .findFirst();
  }

  /** Deliveries, newest first, filtered by whatever is given. */
  public Page<NotificationView> list(
      Optional<UUID> accountId,
      Optional<String> status,
      Optional<UUID> endpointId,
      int page,
      int size) {
    List<Object> values = new ArrayList<>();
    StringBuilder where = new StringBuilder(" where true");
    accountId.ifPresent(
        id -> {
          where.append(" and n.account_id = ?");
          values.add(id);
        });
    status.ifPresent(
        value -> {
          where.append(" and n.status = ?");
          values.add(value);
        });
    endpointId.ifPresent(
        id -> {
          where.append(" and n.endpoint_id = ?");
          values.add(id);
        });
    Query count = em.createNativeQuery("select count(*) from billing.notification n" + where);
    Query items =
        em.createNativeQuery(
            "select "
                + VIEW_COLUMNS
                + " from billing.notification n join billing.outbox_event e on e.seq = n.event_seq"
                + where
                + " order by n.created_at desc, n.event_seq desc, n.id limit ? offset ?");
    NativeParameters.bind(count, 1, values);
    NativeParameters.bind(items, 1, values);
    items.setParameter(values.size() + 1, size);
    items.setParameter(values.size() + 2, Page.offset(page, size));
    long total = ((Number) count.getSingleResult()).longValue();
    return new Page<>(views(items), total, page, size);
  }

  private List<NotificationView> views(Query query) {
    return rows(query).stream()
        .map(
            r ->
                new NotificationView(
                    (UUID) r[0],
                    (UUID) r[1],
                    (UUID) r[2],
                    (UUID) r[3],
                    (String) r[4],
                    (String) r[5],
                    (UUID) r[6],
                    (String) r[7],
                    ((Number) r[8]).intValue(),
                    InstantConverter.ofColumn(r[9]),
                    InstantConverter.ofColumn(r[10]),
                    InstantConverter.ofColumn(r[11]),
                    (String) r[12],
                    (String) r[13]))
        .toList();
  }

  /** A native query's rows as arrays (a one-column query answers bare values). */
  private static List<Object[]> rows(Query query) {
    List<?> result = query.getResultList();
    List<Object[]> rows = new ArrayList<>(result.size());
    for (Object row : result) {
      rows.add(row instanceof Object[] columns ? columns : new Object[] {row});
    }
    return rows;
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
