package org.cinema.billing.webhook;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cinema.billing.platform.InstantConverter;
import org.cinema.billing.platform.Page;

/** The inbox as administrators list it: by state, newest first. */
@Stateless
public class WebhookEventQueries {

  /** The states an administrator filters by, and what each means in the table. */
  public static final Map<String, String> STATES =
      Map.of(
          "processed", "processed_at is not null",
          "parked", "processed_at is null and parked_at is not null",
          "waiting", "processed_at is null and parked_at is null and waiting",
          "failing",
              "processed_at is null and parked_at is null and not waiting"
                  + " and last_error is not null",
          "pending",
              "processed_at is null and parked_at is null and not waiting and last_error is null");

  private static final String STATE =
      "case when processed_at is not null then 'processed'"
          + " when parked_at is not null then 'parked' when waiting then 'waiting'"
          + " when last_error is not null then 'failing' else 'pending' end";

  @PersistenceContext private EntityManager em;

  /**
   * @param state one of {@link #STATES}' keys; empty for all
   */
  public Page<WebhookEventView> search(Optional<String> state, int page, int size) {
    String where = state.map(s -> " where " + STATES.get(s)).orElse("");
    long total =
        ((Number)
                em.createNativeQuery("select count(*) from billing.webhook_event" + where)
                    .getSingleResult())
            .longValue();
    List<?> rows =
        em.createNativeQuery(
                "select id, provider, event_id, event_type, "
                    + STATE
                    + ", attempts, received_at, next_attempt_at, processed_at, parked_at,"
                    + " last_error from billing.webhook_event"
                    + where
                    + " order by received_at desc, id desc limit ? offset ?")
            .setParameter(1, size)
            .setParameter(2, Page.offset(page, size))
            .getResultList();
    List<WebhookEventView> items =
        rows.stream().map(Object[].class::cast).map(WebhookEventQueries::view).toList();
    return new Page<>(items, total, page, size);
  }

  public Optional<WebhookEventView> find(long id) {
    List<?> rows =
        em.createNativeQuery(
                "select id, provider, event_id, event_type, "
                    + STATE
                    + ", attempts, received_at, next_attempt_at, processed_at, parked_at,"
                    + " last_error from billing.webhook_event where id = ?")
            .setParameter(1, id)
            .getResultList();
    return rows.stream().findFirst().map(Object[].class::cast).map(WebhookEventQueries::view);
  }

  private static WebhookEventView view(Object[] row) {
    return new WebhookEventView(
        ((Number) row[0]).longValue(),
        (String) row[1],
        (String) row[2],
        (String) row[3],
        (String) row[4],
        ((Number) row[5]).intValue(),
        InstantConverter.ofColumn(row[6]),
        InstantConverter.ofColumn(row[7]),
        InstantConverter.ofColumn(row[8]),
        InstantConverter.ofColumn(row[9]),
        (String) row[10]);
  }
}
