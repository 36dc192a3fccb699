package org.cinema.billing.platform;

import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Optional filters for a JPQL list query, so the page query and its count query share exactly one
 * predicate.
 */
public final class Where {

  private final List<String> clauses = new ArrayList<>();
  private final Map<String, Object> parameters = new LinkedHashMap<>();

  /** Adds {@code clause} (naming parameter {@code name}) only when {@code value} is present. */
  public <T> Where and(String clause, String name, Optional<T> value) {
    value.ifPresent(
        v -> {
          clauses.add(clause);
          parameters.put(name, v);
        });
    return this;
  }

  /** Adds a clause that always applies. */
  public Where and(String clause, String name, Object value) {
    clauses.add(clause);
    parameters.put(name, value);
    return this;
  }

  /** The clauses as a {@code where} of their own. */
  @Override
  public String toString() {
    return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
  }

  /** The clauses to follow a query's own {@code where} (joins). */
  public String andAfterJoins() {
    return clauses.isEmpty() ? "" : " and " + String.join(" and ", clauses);
  }

  public <T> TypedQuery<T> bind(TypedQuery<T> query) {
    parameters.forEach(query::setParameter);
    return query;
  }

  public Query bind(Query query) {
    parameters.forEach(query::setParameter);
    return query;
  }
}
