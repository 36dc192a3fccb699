package org.cinema.billing.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.cinema.billing.payment.PaymentStatus;
import org.cinema.billing.payment.sandbox.SandboxGateway;
import org.cinema.billing.payment.stripe.StripeGateway;
import org.cinema.common.metrics.Refreshed;
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
 *
 * <p>Payara calls the gauges on its metrics servlet's thread; the read is an EJB call ({@link
 * OperationsFigures}) so that it has the module's naming context and class loader there in both
 * layouts, as the readiness checks do.
 */
@ApplicationScoped
public class OperationsMetrics {

  private static final List<String> PROVIDERS = List.of(SandboxGateway.NAME, StripeGateway.NAME);

  @Inject private MetricRegistry registry;

  @Inject private Clock clock;

  @Inject private OperationsFigures database;

  @Inject
  @ConfigProperty(name = "metrics.refresh-seconds", defaultValue = "10")
  private long refreshSeconds;

  private Refreshed<Map<String, Double>> figures;

  /** Registers the metrics when the application starts (before any is scraped or counted). */
  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    figures =
        new Refreshed<>(
            "the operations figures", Duration.ofSeconds(refreshSeconds), database::read);
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
  private double figure(String name) {
    return figures.at(clock.instant()).map(read -> read.getOrDefault(name, 0.0)).orElse(Double.NaN);
  }
}
