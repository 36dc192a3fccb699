package org.cinema.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.cinema.it.support.BillingCatalog;
import org.cinema.it.support.BillingClient;
import org.cinema.it.support.Deployments;
import org.cinema.it.support.Http;
import org.cinema.it.support.Sql;
import org.cinema.it.support.TestDatabase;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Subscriptions renew on their own: the renewer runs every second in this container ({@code
 * renewal.interval-seconds=1}, renewing an hour ahead as by default). Time passes here by moving a
 * paid period in the database, as the days would; everything else goes through the API, the
 * sandbox's checkout page and the renewer as in production.
 */
@ExtendWith(ArquillianExtension.class)
class RenewalIT {

  private static final Duration RENEWER_WAIT = Duration.ofSeconds(30);

  private final Sql sql = new Sql(TestDatabase.dataSource(TestDatabase.BILLING));
  private final BillingCatalog catalog = new BillingCatalog(sql);

  @ArquillianResource private URL base;

  private BillingClient api;

  @Deployment(testable = false)
  @TargetsContainer("billing")
  static WebArchive billingWeb() {
    return Deployments.builtWar("billing-web.war");
  }

  @BeforeEach
  void client() throws Exception {
    api = new BillingClient(base.toURI());
  }

  @Test
  void theSavedCardPaysTheNextPeriodWithoutAGap() throws Exception {
    BillingCatalog.Product daily = catalog.product("day", "49.00", 1);
    String token = api.newViewer();
    UUID subscription = subscribeAndPay(token, daily, "4242 4242 4242 4242");
    Instant end = endsIn(subscription, Duration.ofMinutes(30));

    await("the renewal").atMost(RENEWER_WAIT).until(() -> paidPayments(subscription) == 2L);

    assertThat(periodEnd(subscription)).isEqualTo(end.plus(1, ChronoUnit.DAYS));
    assertThat(status(subscription)).isEqualTo("ACTIVE");
    assertThat(
            sql.value(
                "select count(*) from billing.invoice where subscription_id = ?::uuid"
                    + " and status = 'PAID' and period_start = ? and amount = 49.00",
                subscription.toString(),
                utc(end)))
        .as(
            "the new period's invoice starts where the paid one ends (%s): %s",
            end,
            sql.column(
                "select status || ' ' || period_start || ' ' || amount from billing.invoice"
                    + " where subscription_id = ?::uuid",
                subscription.toString()))
        .isEqualTo(1L);
    JsonObject newest = api.statement(token).json().getJsonArray("items").getJsonObject(0);
    assertThat(newest.getString("status")).isEqualTo("SUCCEEDED");
    assertThat(newest.getJsonNumber("amount").bigDecimalValue()).isEqualByComparingTo("49.00");
    assertThat(api.mayWatch(token, daily.firstMovie())).isTrue();

    Thread.sleep(3000);
    assertThat(payments(subscription)).as("later passes charge nothing more").isEqualTo(2L);
  }

  @Test
  void movedPastThePeriodsEndByTheTestClockItRenewsOnceAndAccessGoesOn() throws Exception {
    String admin =
        api.login(System.getProperty("it.admin.login"), System.getProperty("it.admin.password"));
    BillingCatalog.Product daily = catalog.product("day", "39.00", 1);
    String token = api.newViewer();
    UUID subscription = subscribeAndPay(token, daily, "4242 4242 4242 4242");
    Instant end = periodEnd(subscription);
    try {
      assertThat(moveClock(admin, "{\"advance\":\"soon\"}").status()).isEqualTo(400);
      assertThat(moveClock(admin, "{}").status()).isEqualTo(400);
      assertThat(moveClock(api.newViewer(), "{\"advance\":\"P1D\"}").status()).isEqualTo(403);

      Http.Response moved = moveClock(admin, "{\"advance\":\"PT23H45M\"}");
      assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
      Instant now = Instant.parse(moved.json().getString("now"));
      assertThat(now).isBetween(end.minus(Duration.ofMinutes(20)), end);
      Http.Response read = api.get("admin/test-clock", admin);
      assertThat(Instant.parse(read.json().getString("now"))).isAfterOrEqualTo(now);

      await("the renewal on the moved clock")
          .atMost(RENEWER_WAIT)
          .until(() -> paidPayments(subscription) == 2L);
      assertThat(periodEnd(subscription)).isEqualTo(end.plus(1, ChronoUnit.DAYS));

      assertThat(moveClock(admin, "{\"advance\":\"PT1H\"}").status()).isEqualTo(200);
      assertThat(api.mayWatch(token, daily.firstMovie()))
          .as("past the first period's end, in the renewed one")
          .isTrue();
      Thread.sleep(3000);
      assertThat(payments(subscription)).as("renewed once").isEqualTo(2L);
      assertThat(
              sql.value(
                  "select count(*) from billing.invoice where subscription_id = ?::uuid",
                  subscription.toString()))
          .isEqualTo(2L);
    } finally {
      moveClock(admin, "{\"now\":\"" + Instant.now() + "\"}");
    }
  }

  @Test
  void aYearlySubscriptionRenewsAYearOn() throws Exception {
    BillingCatalog.Product yearly = catalog.product("year", "990.00", 1);
    String token = api.newViewer();
    UUID subscription = subscribeAndPay(token, yearly, "4242 4242 4242 4242");
    Instant end = Instant.now().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MILLIS);
    Instant start = utc(end).minusYears(1).toInstant();
    sql.update(
        "update billing.subscription set current_period_start = ?, current_period_end = ?,"
            + " period_anchor = ? where id = ?::uuid",
        utc(start),
        utc(end),
        utc(start),
        subscription.toString());

    await("the renewal").atMost(RENEWER_WAIT).until(() -> paidPayments(subscription) == 2L);

    assertThat(periodEnd(subscription)).isEqualTo(utc(end).plusYears(1).toInstant());
    assertThat(
            sql.value(
                "select amount from billing.invoice where subscription_id = ?::uuid"
                    + " and period_start = ?",
                subscription.toString(),
                utc(end)))
        .isEqualTo(new java.math.BigDecimal("990.00"));
  }

  @Test
  void aDeclinedRenewalIsPastDueUntilTheViewerPaysWithAnotherCard() throws Exception {
    BillingCatalog.Product daily = catalog.product("day", "59.00", 1);
    String token = api.newViewer();
    UUID subscription = subscribeAndPay(token, daily, "4242 4242 4242 4242");
    cardOnFileBecomes(token, "4000000000000002");
    Instant end = endsIn(subscription, Duration.ofMinutes(30));

    await("the declined renewal")
        .atMost(RENEWER_WAIT)
        .until(() -> status(subscription), "PAST_DUE"::equals);
    assertThat(
            sql.value(
                "select failure_code from billing.payment p join billing.invoice i"
                    + " on i.id = p.invoice_id where i.subscription_id = ?::uuid"
                    + " and p.status = 'FAILED'",
                subscription.toString()))
        .isEqualTo("generic_decline");
    assertThat(api.mayWatch(token, daily.firstMovie()))
        .as("the period paid before is still the viewer's")
        .isTrue();

    Http.Response again = api.addProduct(token, daily.id());
    assertThat(again.status()).as("add-product while past due: %s", again).isEqualTo(200);
    assertThat(again.json().getString("subscription_id")).isEqualTo(subscription.toString());
    Http.Response paid = api.payOnCheckout(again.json().getString("url"), "4242 4242 4242 4242");
    assertThat(paid.status()).as(paid.toString()).isEqualTo(200);

    await("paid by hand").atMost(RENEWER_WAIT).until(() -> status(subscription), "ACTIVE"::equals);
    assertThat(periodEnd(subscription)).isEqualTo(end.plus(1, ChronoUnit.DAYS));
    assertThat(paidPayments(subscription)).isEqualTo(2L);
  }

  @Test
  void anUnpaidRenewalExpiresAfterTheGracePeriod() throws Exception {
    BillingCatalog.Product daily = catalog.product("day", "69.00", 1);
    String token = api.newViewer();
    UUID subscription = subscribeAndPay(token, daily, "4242 4242 4242 4242");
    cardOnFileBecomes(token, "4000000000009995");
    endsIn(subscription, Duration.ofMinutes(30));
    await("the declined renewal")
        .atMost(RENEWER_WAIT)
        .until(() -> status(subscription), "PAST_DUE"::equals);

    endsIn(subscription, Duration.ofDays(-4));

    await("expiry").atMost(RENEWER_WAIT).until(() -> status(subscription), "EXPIRED"::equals);
    assertThat(api.mayWatch(token, daily.firstMovie())).isFalse();
    assertThat(
            sql.column(
                "select i.status || '/' || p.status from billing.invoice i"
                    + " join billing.payment p on p.invoice_id = i.id"
                    + " where i.subscription_id = ?::uuid order by i.created_at",
                subscription.toString()))
        .containsExactly("PAID/SUCCEEDED", "VOID/CANCELED");
    Http.Response fresh = api.addProduct(token, daily.id());
    assertThat(fresh.status()).as(fresh.toString()).isEqualTo(201);
    assertThat(fresh.json().getString("subscription_id"))
        .as("a new subscription")
        .isNotEqualTo(subscription.toString());
  }

  @Test
  void aSubscriptionCanceledToPeriodEndExpiresThenWithoutACharge() throws Exception {
    BillingCatalog.Product daily = catalog.product("day", "79.00", 1);
    String token = api.newViewer();
    UUID subscription = subscribeAndPay(token, daily, "4242 4242 4242 4242");
    Http.Response canceled =
        api.send(
            "DELETE",
            "billing/del-product",
            token,
            Json.createObjectBuilder().add("id", daily.id().toString()).build().toString());
    assertThat(canceled.status()).as(canceled.toString()).isEqualTo(200);
    endsIn(subscription, Duration.ofMinutes(30));
    Thread.sleep(3000);
    assertThat(payments(subscription)).as("no renewal once canceled").isEqualTo(1L);
    assertThat(api.mayWatch(token, daily.firstMovie())).as("to the end of the period").isTrue();

    endsIn(subscription, Duration.ofSeconds(-1));

    await("expiry").atMost(RENEWER_WAIT).until(() -> status(subscription), "EXPIRED"::equals);
    assertThat(api.mayWatch(token, daily.firstMovie())).isFalse();
    assertThat(payments(subscription)).isEqualTo(1L);
  }

  private UUID subscribeAndPay(String token, BillingCatalog.Product product, String card)
      throws Exception {
    Http.Response added = api.addProduct(token, product.id());
    assertThat(added.status()).as("add-product: %s", added).isEqualTo(201);
    UUID subscription = UUID.fromString(added.json().getString("subscription_id"));
    Http.Response paid = api.payOnCheckout(added.json().getString("url"), card);
    assertThat(paid.status()).as("pay: %s", paid).isEqualTo(200);
    await("the first payment")
        .atMost(RENEWER_WAIT)
        .until(() -> status(subscription), "ACTIVE"::equals);
    return subscription;
  }

  /** The card the sandbox keeps for the viewer stops working, as a real card can. */
  private void cardOnFileBecomes(String token, String number) throws SQLException {
    assertThat(
            sql.update(
                "update billing.sandbox_saved_card set card_number = ? where account_id = ?::uuid",
                number,
                BillingClient.accountOf(token).toString()))
        .isEqualTo(1);
  }

  /** Time passes: the paid period (of one day) now ends {@code fromNow} from now. */
  private Instant endsIn(UUID subscription, Duration fromNow) throws SQLException {
    Instant end = Instant.now().plus(fromNow).truncatedTo(ChronoUnit.MILLIS);
    sql.update(
        "update billing.subscription set current_period_start = ?, current_period_end = ?"
            + " where id = ?::uuid",
        utc(end.minus(1, ChronoUnit.DAYS)),
        utc(end),
        subscription.toString());
    return end;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private String status(UUID subscription) throws SQLException {
    return (String)
        sql.value(
            "select status from billing.subscription where id = ?::uuid", subscription.toString());
  }

  private Http.Response moveClock(String token, String body) {
    return api.post("admin/test-clock", token, body);
  }

  private Instant periodEnd(UUID subscription) throws SQLException {
    return ((Timestamp)
            sql.value(
                "select current_period_end from billing.subscription where id = ?::uuid",
                subscription.toString()))
        .toInstant();
  }

  private long payments(UUID subscription) throws SQLException {
    return (Long)
        sql.value(
            "select count(*) from billing.payment p join billing.invoice i on i.id = p.invoice_id"
                + " where i.subscription_id = ?::uuid",
            subscription.toString());
  }

  private long paidPayments(UUID subscription) throws SQLException {
    return (Long)
        sql.value(
            "select count(*) from billing.payment p join billing.invoice i on i.id = p.invoice_id"
                + " where i.subscription_id = ?::uuid and p.status = 'SUCCEEDED'",
            subscription.toString());
  }
}
