package org.cinema.billing.reporting;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.cinema.billing.payment.PaymentStatus;
import org.cinema.billing.payment.sandbox.SandboxGateway;
import org.cinema.billing.payment.stripe.StripeGateway;
import org.cinema.billing.platform.BillingSchema;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The figures ops watch, as MicroProfile Metrics at {@code /metrics} (application scope).
 *
 * <p>These are what the database holds (payments by provider and status, the webhook inbox's
 * backlog and its oldest event's age, the notifications' backlog, renewals due and how late the
 * oldest is), read by one statement at most every {@code METRICS_REFRESH_SECONDS} (10) however
 * often they are scraped: every instance reports the same figures, so take the max across
 * instances, not the sum. What one instance did is counted where it happens ({@code
 * billing_renewals_total} by the renewer, {@code billing_access_checks_total} by the access cache):
 * sum those across instances.
 */
@ApplicationScoped
public class OperationsMetrics {

  private static final Logger LOG = Logger.getLogger(OperationsMetrics.class.getName());

  private static final List<String> PROVIDERS = List.of(SandboxGateway.NAME, StripeGateway.NAME);

  /** Every figure the database gives, keyed by name (payments by "payments provider status"). */
  private static final String FIGURES =
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

  @Inject private MetricRegistry registry;

  @Inject private Clock clock;

  @Resource(lookup = BillingSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Inject
  @ConfigProperty(name = "metrics.refresh-seconds", defaultValue = "10")
  private long refreshSeconds;

  private Map<String, Double> figures = Map.of();

  private Instant readAt = Instant.MIN;

  /** Registers the metrics when the application starts (before any is scraped or counted). */
  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    for (String provider : PROVIDERS) {
      for (PaymentStatus status : PaymentStatus.values()) {
        gauge(
            "billing_payments",
            "Payments in the database by provider and status",
            "payments " + provider + " " + status,
            new Tag("provider", provider),
            new Tag("status", status.name()));
      }
    }
    gauge("billing_webhook_inbox_backlog", "Provider events received, not yet applied", "inbox");
    gauge(
        "billing_webhook_inbox_oldest_age_seconds",
        "Age of the oldest provider event waiting to be applied (0: none waits)",
        "inbox_age");
    gauge(
        "billing_webhook_inbox_parked",
        "Provider events parked after their last attempt, waiting for an administrator",
        "inbox_parked");
    gauge(
        "billing_notifications_backlog",
        "Notifications and outbound webhooks waiting to be sent (pending or to retry)",
        "notifications");
    gauge(
        "billing_notifications_oldest_age_seconds",
        "Age of the oldest notification waiting to be sent (0: none waits)",
        "notifications_age");
    gauge(
        "billing_notifications_dead",
        "Notifications given up after their last attempt",
        "notifications_dead");
    gauge(
        "billing_renewals_due",
        "Subscriptions due for a renewal or a dunning retry now and not renewed yet",
        "renewals_due");
    gauge(
        "billing_renewal_lag_seconds",
        "How long the oldest due renewal or retry has waited (0: the renewer keeps up)",
        "renewal_lag");
  }

  private void gauge(String name, String description, String figure, Tag... tags) {
    Metadata metadata = Metadata.builder().withName(name).withDescription(description).build();
    Function<OperationsMetrics, Double> read = metrics -> metrics.figure(figure);
    registry.gauge(metadata, this, read, tags);
  }

  /**
   * One figure of the latest read; a figure the database has no row for (no such payments) is 0.
   */
  private synchronized double figure(String name) {
    Instant now = clock.instant();
    if (Duration.between(readAt, now).abs().getSeconds() >= refreshSeconds) {
      readAt = now;
      try {
        figures = read(now);
      } catch (SQLException | RuntimeException e) {
        LOG.warning("Could not read the operations figures: " + e);
        figures = Map.of();
        return Double.NaN;
      }
    }
    return figures.isEmpty() ? Double.NaN : figures.getOrDefault(name, 0.0);
  }

  private Map<String, Double> read(Instant now) throws SQLException {
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
    }
    return read;
  }
}
