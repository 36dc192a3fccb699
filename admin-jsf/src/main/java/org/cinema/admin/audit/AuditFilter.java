package org.cinema.admin.audit;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What the audit list is narrowed to; one predicate for the page and its count.
 *
 * @param actor the manager's username, ignoring case; blank: anyone
 * @param action an action code ({@code refund}, {@code movie.edit}, ...); blank: any
 * @param targetId the payment, movie, product, manager or run id; blank: any
 * @param from first day (UTC) included; null: since the start
 * @param to last day (UTC) included; null: until now
 */
public record AuditFilter(
    String actor, String action, String targetId, LocalDate from, LocalDate to) {

  Predicate[] where(CriteriaBuilder cb, Root<AuditEvent> event) {
    List<Predicate> where = new ArrayList<>();
    if (present(actor)) {
      where.add(cb.equal(cb.lower(event.get("actor")), actor.strip().toLowerCase()));
    }
    if (present(action)) {
      where.add(cb.equal(event.get("action"), action.strip()));
    }
    if (present(targetId)) {
      where.add(cb.equal(event.get("targetId"), targetId.strip()));
    }
    if (from != null) {
      where.add(
          cb.greaterThanOrEqualTo(
              event.<OffsetDateTime>get("occurredAt"),
              from.atStartOfDay().atOffset(ZoneOffset.UTC)));
    }
    if (to != null) {
      where.add(
          cb.lessThan(
              event.<OffsetDateTime>get("occurredAt"),
              to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC)));
    }
    return where.toArray(Predicate[]::new);
  }

  private static boolean present(String text) {
    return text != null && !text.isBlank();
  }
}
