package org.cinema.it.support;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A subscription's rows as the renewal tests move and count them, in SQL. */
public final class SubscriptionRows {

  private SubscriptionRows() {}

  /** Time passes: the paid period (of one day) now ends {@code fromNow} from now. */
  public static Instant endsIn(Sql sql, UUID subscription, Duration fromNow) throws SQLException {
    Instant end = Instant.now().plus(fromNow).truncatedTo(ChronoUnit.MILLIS);
    sql.update(
        "update billing.subscription set current_period_start = ?, current_period_end = ?"
            + " where id = ?::uuid",
        end.minus(1, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC),
        end.atOffset(ZoneOffset.UTC),
        subscription.toString());
    return end;
  }

  /** The subscription's payments that succeeded, one per paid period. */
  public static long paidPayments(Sql sql, UUID subscription) throws SQLException {
    return (Long)
        sql.value(
            "select count(*) from billing.payment p join billing.invoice i on i.id = p.invoice_id"
                + " where i.subscription_id = ?::uuid and p.status = 'SUCCEEDED'",
            subscription.toString());
  }
}
