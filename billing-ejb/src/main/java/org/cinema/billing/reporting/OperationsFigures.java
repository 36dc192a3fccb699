package org.cinema.billing.reporting;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.cinema.billing.platform.BillingSchema;

/** The database's side of {@link OperationsMetrics}: every figure in one statement. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OperationsFigures {

  /** Every figure the database gives, keyed by name (payments by "payments provider status"). */
  static final String FIGURES =
      "select 'payments ' || provider || ' ' || status, count(*) from billing.payment"
          + " group by provider, status"
          + " union all select 'inbox', count(*) from billing.webhook_event"
          + "   where processed_at is null and parked_at is null"
          + " union all select 'inbox_age', coalesce(extract(epoch from ? - min(received_at)), 0)"
          + "   from billing.webhook_event where processed_at is null and parked_at is null"
          + " union all select 'inbox_parked', count(*) from billing.webhook_event"
          + "   where parked_at is not null and processed_at is null"
          + " union all select 'notifications', count(*) from billing.notification"
          + "   where status in ('PENDING', 'FAILED')"
          + " union all select 'notifications_age',"
          + "   coalesce(extract(epoch from ? - min(created_at)), 0) from billing.notification"
          + "   where status in ('PENDING', 'FAILED')"
          + " union all select 'notifications_dead', count(*) from billing.notification"
          + "   where status = 'DEAD'"
          + " union all select 'renewals_due', count(*) from billing.subscription s"
          + "   where ((status = 'ACTIVE' and not cancel_at_period_end and current_period_end <= ?)"
          + "   or (status = 'PAST_DUE' and retry_at <= ?))"
          + "   and exists (select 1 from billing.product p"
          + "     where p.id = s.product_id and p.deleted_at is null)"
          + " union all select 'renewal_lag', coalesce(extract(epoch from ? - min(due)), 0) from"
          + "   (select case when status = 'ACTIVE' then current_period_end else retry_at end as due"
          + "    from billing.subscription s"
          + "    where ((status = 'ACTIVE' and not cancel_at_period_end and current_period_end <= ?)"
          + "    or (status = 'PAST_DUE' and retry_at <= ?))"
          + "    and exists (select 1 from billing.product p"
          + "      where p.id = s.product_id and p.deleted_at is null)) due";

  @Resource(lookup = BillingSchema.DATA_SOURCE)
  private DataSource dataSource;

  /** The figures at {@code now} (the application's clock), keyed as {@link #FIGURES} names them. */
  public Map<String, Double> read(Instant now) {
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    Map<String, Double> read = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(FIGURES)) {
      for (int parameter = 1; parameter <= 7; parameter++) {
        query.setObject(parameter, at);
      }
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          read.put(rows.getString(1), rows.getDouble(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the operations figures", e);
    }
    return read;
  }
}
