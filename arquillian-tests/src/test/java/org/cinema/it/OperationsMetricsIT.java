package org.cinema.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cinema.it.support.BillingCatalog;
import org.cinema.it.support.BillingClient;
import org.cinema.it.support.Http;
import org.cinema.it.support.SharedMicro;
import org.cinema.it.support.Sql;
import org.cinema.it.support.SubscriptionRows;
import org.cinema.it.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The figures ops watch at {@code /metrics}, against what the database holds and what the instance
 * did. The sandbox server reads the figures on every scrape ({@code metrics.refresh-seconds=0});
 * who may read them at all is {@code WholeSystem}'s check, where billing-web is at the root context
 * that Payara serves the metrics in.
 */
class OperationsMetricsIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private final Sql sql = new Sql(TestDatabase.dataSource(TestDatabase.BILLING));

  private final BillingCatalog catalog = new BillingCatalog(sql);

  private final URL base = SharedMicro.SANDBOX.base();

  private BillingClient api;

  @BeforeEach
  void client() throws Exception {
    api = new BillingClient(base.toURI());
  }

  @Test
  void paymentsAreCountedByProviderAndStatusAsTheDatabaseHoldsThem() throws Exception {
    BillingCatalog.Product product = catalog.product("month", "12.00", 1);
    String token = api.newViewer();
    double before = metric("billing_payments{provider=\"sandbox\",status=\"SUCCEEDED\"}");
    Http.Response added = api.addProduct(token, product.id());
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    assertThat(api.payOnCheckout(added.json().getString("url"), "4242 4242 4242 4242").status())
        .isEqualTo(200);

    await("the payment paid").atMost(WAIT).until(() -> payments("sandbox", "SUCCEEDED") > before);

    await("the paid payment in the metrics")
        .atMost(WAIT)
        .until(
            () ->
                metric("billing_payments{provider=\"sandbox\",status=\"SUCCEEDED\"}")
                    == payments("sandbox", "SUCCEEDED"));
    assertThat(metric("billing_payments{provider=\"stripe\",status=\"SUCCEEDED\"}"))
        .as("no Stripe payment in this database")
        .isEqualTo(0.0);
  }

  @Test
  void theWebhookInboxShowsItsBacklogTheOldestEventsAgeAndWhatIsParked() throws Exception {
    String waiting = "metrics-waiting-" + UUID.randomUUID();
    String parked = "metrics-parked-" + UUID.randomUUID();
    // An event received an hour ago whose next attempt is far away, and one parked for good.
    sql.update(
        "insert into billing.webhook_event (provider, event_id, event_type, payload, received_at,"
            + " next_attempt_at, attempts) values ('sandbox', ?, 'charge.updated', '{}',"
            + " now() - interval '1 hour', now() + interval '1 day', 1)",
        waiting);
    sql.update(
        "insert into billing.webhook_event (provider, event_id, event_type, payload, attempts,"
            + " parked_at, last_error) values ('sandbox', ?, 'charge.updated', '{}', 3, now(),"
            + " 'test')",
        parked);
    try {
      await("the inbox in the metrics")
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                assertThat(metric("billing_webhook_inbox_backlog"))
                    .isEqualTo(count("processed_at is null and parked_at is null"))
                    .isGreaterThanOrEqualTo(1);
                assertThat(metric("billing_webhook_inbox_parked"))
                    .isEqualTo(count("processed_at is null and parked_at is not null"))
                    .isGreaterThanOrEqualTo(1);
              });
      assertThat(metric("billing_webhook_inbox_oldest_age_seconds"))
          .as("the event that waits an hour")
          .isBetween(3600.0, 3600.0 + WAIT.toSeconds() + 60);
    } finally {
      sql.update("delete from billing.webhook_event where event_id in (?, ?)", waiting, parked);
    }
    await("the inbox empty again")
        .atMost(WAIT)
        .until(() -> metric("billing_webhook_inbox_oldest_age_seconds") < 3600);
  }

  @Test
  void accessChecksAreCountedByWhereTheAnswerCameFromAndRenewalsByOutcome() throws Exception {
    BillingCatalog.Product daily = catalog.product("day", "3.00", 1);
    String token = api.newViewer();
    Http.Response added = api.addProduct(token, daily.id());
    UUID subscription = UUID.fromString(added.json().getString("subscription_id"));
    assertThat(api.payOnCheckout(added.json().getString("url"), "4242 4242 4242 4242").status())
        .isEqualTo(200);
    await("access").atMost(WAIT).until(() -> api.mayWatch(token, daily.firstMovie()));

    double fromCache = metric("billing_access_checks_total{answered_from=\"cache\"}");
    assertThat(api.mayWatch(token, daily.firstMovie())).isTrue();
    assertThat(metric("billing_access_checks_total{answered_from=\"cache\"}"))
        .as("asked again: the instance's cache answers")
        .isEqualTo(fromCache + 1);

    double renewed = metric("billing_renewals_total{outcome=\"renewed\"}");
    SubscriptionRows.endsIn(sql, subscription, Duration.ofMinutes(30));
    await("the renewal counted")
        .atMost(WAIT)
        .until(() -> metric("billing_renewals_total{outcome=\"renewed\"}") >= renewed + 1);
    assertThat(metric("billing_renewal_lag_seconds"))
        .as("the renewer keeps up: nothing due waits")
        .isLessThan(60.0);
  }

  @Test
  void theNotificationsBacklogIsTheDatabases() {
    await("the notifications backlog in the metrics")
        .atMost(WAIT)
        .until(
            () ->
                metric("billing_notifications_backlog")
                    == ((Number)
                            sql.value(
                                "select count(*) from billing.notification"
                                    + " where status in ('PENDING', 'FAILED')"))
                        .doubleValue());
    assertThat(metric("billing_notifications_dead")).isGreaterThanOrEqualTo(0.0);
  }

  /** One series of the application's metrics, {@code name{labels}} without the scope label. */
  private double metric(String series) {
    Http.Response scraped =
        Http.get(
            URI.create(base.getProtocol() + "://" + base.getAuthority())
                .resolve("/metrics?scope=application"));
    assertThat(scraped.status()).as(scraped.toString()).isEqualTo(200);
    int brace = series.indexOf('{');
    String name = brace < 0 ? series : series.substring(0, brace);
    String labels = brace < 0 ? "" : series.substring(brace + 1, series.length() - 1);
    Matcher line =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$")
            .matcher(scraped.body());
    while (line.find()) {
      String found =
          line.group(1).replaceAll(",?mp_scope=\"application\"", "").replaceFirst("^,", "");
      if (found.equals(labels)) {
        return Double.parseDouble(line.group(2));
      }
    }
    throw new AssertionError("No " + series + " in the metrics:\n" + scraped.body());
  }

  private double payments(String provider, String status) throws SQLException {
    return ((Number)
            sql.value(
                "select count(*) from billing.payment where provider = ? and status = ?",
                provider,
                status))
        .doubleValue();
  }

  private double count(String where) throws SQLException {
    return ((Number) sql.value("select count(*) from billing.webhook_event where " + where))
        .doubleValue();
  }
}
