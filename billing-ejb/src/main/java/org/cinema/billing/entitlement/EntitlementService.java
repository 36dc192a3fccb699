package org.cinema.billing.entitlement;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.cinema.billing.error.BillingException;
import org.cinema.billing.platform.BillingSchema;
import org.cinema.common.error.ErrorCode;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The access rule: a viewer may watch a movie when one of their subscriptions is ACTIVE (or
 * PAST_DUE: its renewal failed, but the period already paid for is theirs to its end and {@code
 * DUNNING_ACCESS_GRACE}, 3 days, after), its paid period covers now, and its product contains the
 * movie. "Covers now" is "paid through a time after now": a period renewed ahead of time starts in
 * the future, and the one it follows is paid too. A refund or an abandoned checkout ends the
 * subscription (CANCELED) in the same transaction that records it, so the status carries the "not
 * refunded" part of the rule.
 *
 * <p>One indexed query over one pooled connection, no transaction and no entity loading, and its
 * answer kept a while in {@link AccessCache}: this is what every "play" costs.
 */
@ApplicationScoped
public class EntitlementService {

  private static final String ACCESS_QUERY =
      "select exists (select 1 from billing.movie m where m.id = ? and m.deleted_at is null),"
          + " (select max(w.watchable_until) from (select s.current_period_end"
          + "     + (case when s.status = 'PAST_DUE' then ? else 0 end) * interval '1 second'"
          + "     as watchable_until from billing.subscription s"
          + "   join billing.product_movie pm on pm.product_id = s.product_id"
          + "   where s.account_id = ? and s.status in ('ACTIVE', 'PAST_DUE') and pm.movie_id = ?"
          + "   and pm.deleted_at is null) w"
          + "   where w.watchable_until > ?)";

  @Resource(lookup = BillingSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Inject private AccessCache cache;

  @Inject private Clock clock;

  /** How long a PAST_DUE subscription stays watchable after its paid period (its dunning). */
  @Inject
  @ConfigProperty(name = "dunning.access-grace", defaultValue = "P3D")
  private Duration pastDueGrace;

  @PostConstruct
  void checkGrace() {
    if (pastDueGrace.isNegative()) {
      throw new IllegalStateException("DUNNING_ACCESS_GRACE must not be negative");
    }
  }

  /**
   * @throws BillingException MOVIE_NOT_FOUND when the catalog has no such movie
   */
  public boolean mayWatch(UUID accountId, UUID movieId) {
    Instant now = clock.instant();
    long nowMillis = now.toEpochMilli();
    Optional<Boolean> known = cache.answer(accountId, movieId, nowMillis);
    if (known.isPresent()) {
      return known.get();
    }
    long epoch = cache.epoch();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(ACCESS_QUERY)) {
      query.setObject(1, movieId);
      query.setLong(2, pastDueGrace.toSeconds());
      query.setObject(3, accountId);
      query.setObject(4, movieId);
      query.setObject(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      try (ResultSet row = query.executeQuery()) {
        row.next();
        if (!row.getBoolean(1)) {
          throw new BillingException(ErrorCode.MOVIE_NOT_FOUND, "No such movie: " + movieId);
        }
        OffsetDateTime paidThrough = row.getObject(2, OffsetDateTime.class);
        boolean allow = paidThrough != null;
        cache.put(
            accountId,
            movieId,
            allow,
            allow ? paidThrough.toInstant().toEpochMilli() : 0,
            nowMillis,
            epoch);
        return allow;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("The access check failed", e);
    }
  }
}
