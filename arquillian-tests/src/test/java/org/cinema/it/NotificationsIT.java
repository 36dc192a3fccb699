package org.cinema.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URL;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.cinema.it.support.BillingCatalog;
import org.cinema.it.support.BillingClient;
import org.cinema.it.support.Http;
import org.cinema.it.support.SharedMicro;
import org.cinema.it.support.Sql;
import org.cinema.it.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Billing tells of what happens: each change writes its event with it (the outbox), and the viewer
 * is told on the configured channel (here the default, {@code log}) once per event, in order. The
 * administrator sees every delivery and sends a parked one again.
 */
class NotificationsIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private final Sql sql = new Sql(TestDatabase.dataSource(TestDatabase.BILLING));
  private final BillingCatalog catalog = new BillingCatalog(sql);

  private final URL base = SharedMicro.SANDBOX.base();

  private BillingClient api;

  private String admin;

  @BeforeEach
  void client() throws Exception {
    api = new BillingClient(base.toURI());
    admin =
        api.login(System.getProperty("it.admin.login"), System.getProperty("it.admin.password"));
  }

  @Test
  void aPaymentAndItsRefundAreEachToldOnceInTheOrderTheyHappened() throws Exception {
    BillingCatalog.Product monthly = catalog.product("month", "29.00", 1);
    String token = api.newViewer();
    UUID account = BillingClient.accountOf(token);
    Http.Response added = api.addProduct(token, monthly.id());
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    String payment = added.json().getString("payment_id");
    String subscription = added.json().getString("subscription_id");
    api.payOnCheckout(added.json().getString("url"), "4242 4242 4242 4242");

    awaitSent(account, 2);
    JsonObject paid = event(account, "payment.succeeded");
    assertThat(paid.getInt("version")).isEqualTo(1);
    JsonObject data = paid.getJsonObject("data");
    assertThat(data.getString("payment_id")).isEqualTo(payment);
    assertThat(data.getString("subscription_id")).isEqualTo(subscription);
    assertThat(data.getString("account_id")).isEqualTo(account.toString());
    assertThat(data.getJsonNumber("amount").bigDecimalValue()).isEqualByComparingTo("29.00");
    assertThat(data.getString("currency")).isEqualTo("RUB");
    JsonObject activated = event(account, "subscription.activated").getJsonObject("data");
    assertThat(activated.getString("status")).isEqualTo("ACTIVE");
    assertThat(activated.getString("current_period_end")).isNotBlank();

    Http.Response refunded = api.cancelPayment(token, payment);
    assertThat(refunded.status()).as(refunded.toString()).isEqualTo(200);
    awaitSent(account, 4);
    assertThat(
            event(account, "refund.succeeded")
                .getJsonObject("data")
                .getJsonNumber("refunded_amount")
                .bigDecimalValue())
        .isEqualByComparingTo("29.00");
    assertThat(event(account, "subscription.canceled").getJsonObject("data").getString("reason"))
        .isEqualTo("payment refunded");

    assertThat(eventsInOrder(account))
        .as("the events, in the order they were written")
        .containsExactly(
            "payment.succeeded",
            "subscription.activated",
            "refund.succeeded",
            "subscription.canceled");
    Thread.sleep(2000);
    JsonObject listed = notifications("account_id=" + account);
    assertThat(listed.getInt("total")).as("one delivery per event, each sent once").isEqualTo(4);
    for (JsonObject notification : listed.getJsonArray("items").getValuesAs(JsonObject.class)) {
      assertThat(notification.getString("status")).isEqualTo("SENT");
      assertThat(notification.getString("channel")).isEqualTo("log");
      assertThat(notification.getInt("attempts")).isEqualTo(1);
      assertThat(notification.getString("account_id")).isEqualTo(account.toString());
      assertThat(notification.getString("subject")).contains(notification.getString("event"));
      assertThat(notification.getString("sent_at")).isNotBlank();
    }
  }

  @Test
  void aDeclinedRenewalTellsThePageToPayAgainAndPayingItTellsTheRenewal() throws Exception {
    BillingCatalog.Product daily = catalog.product("day", "15.00", 1);
    String token = api.newViewer();
    UUID account = BillingClient.accountOf(token);
    Http.Response added = api.addProduct(token, daily.id());
    UUID subscription = UUID.fromString(added.json().getString("subscription_id"));
    api.payOnCheckout(added.json().getString("url"), "4242 4242 4242 4242");
    await("paid").atMost(WAIT).until(() -> eventsInOrder(account).contains("payment.succeeded"));
    assertThat(
            sql.update(
                "update billing.sandbox_saved_card set card_number = '4000000000000002'"
                    + " where account_id = ?::uuid",
                account.toString()))
        .isEqualTo(1);
    Instant end = Instant.now().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MILLIS);
    sql.update(
        "update billing.subscription set current_period_start = ?, current_period_end = ?"
            + " where id = ?::uuid",
        utc(end.minus(1, ChronoUnit.DAYS)),
        utc(end),
        subscription.toString());

    await("the decline told")
        .atMost(WAIT)
        .until(() -> eventsInOrder(account).contains("subscription.past_due"));
    JsonObject pastDue = event(account, "subscription.past_due").getJsonObject("data");
    assertThat(pastDue.getInt("renewal_failures")).isEqualTo(1);
    assertThat(Instant.parse(pastDue.getString("next_retry_at")))
        .isAfter(Instant.now().plus(Duration.ofHours(23)));
    String link = pastDue.getString("pay_again_url");
    JsonObject mine =
        api.get("me/subscriptions", token).json().getJsonArray("items").getJsonObject(0);
    assertThat(link).as("the link the API gives").isEqualTo(mine.getString("pay_again_url"));
    JsonObject failed = event(account, "payment.failed").getJsonObject("data");
    assertThat(failed.getString("failure_code")).isEqualTo("generic_decline");
    assertThat(failed.getString("pay_again_url")).isEqualTo(link);

    api.payOnCheckout(link, "4242 4242 4242 4242");
    await("the renewal told")
        .atMost(WAIT)
        .until(() -> eventsInOrder(account).contains("subscription.renewed"));
    JsonObject renewed = event(account, "subscription.renewed").getJsonObject("data");
    assertThat(renewed.getString("status")).isEqualTo("ACTIVE");
    assertThat(Instant.parse(renewed.getString("current_period_start"))).isEqualTo(end);
    assertThat(eventsInOrder(account))
        .containsSubsequence(
            "payment.succeeded",
            "subscription.activated",
            "payment.failed",
            "subscription.past_due",
            "payment.succeeded",
            "subscription.renewed");
  }

  @Test
  void aRenewalComingWithinThreeDaysIsAnnouncedOncePerPeriod() throws Exception {
    BillingCatalog.Product daily = catalog.product("day", "11.00", 1);
    String token = api.newViewer();
    UUID account = BillingClient.accountOf(token);
    Http.Response added = api.addProduct(token, daily.id());
    api.payOnCheckout(added.json().getString("url"), "4242 4242 4242 4242");

    await("announced")
        .atMost(WAIT)
        .until(() -> eventsInOrder(account).contains("renewal.upcoming"));
    JsonObject upcoming = event(account, "renewal.upcoming").getJsonObject("data");
    assertThat(upcoming.getJsonNumber("amount").bigDecimalValue()).isEqualByComparingTo("11.00");
    assertThat(upcoming.getString("renews_at"))
        .isEqualTo(
            ((Timestamp)
                    sql.value(
                        "select current_period_end from billing.subscription where id = ?::uuid",
                        added.json().getString("subscription_id")))
                .toInstant()
                .toString());
    Thread.sleep(3000);
    assertThat(eventsInOrder(account).stream().filter("renewal.upcoming"::equals).count())
        .as("the renewer's later passes announce it no more")
        .isEqualTo(1);
  }

  @Test
  void anAdministratorSeesEveryDeliveryAndSendsAParkedOneAgain() throws Exception {
    String token = api.newViewer();
    UUID account = BillingClient.accountOf(token);
    Http.Response added = api.addProduct(token, catalog.product("month", "9.00", 1).id());
    api.payOnCheckout(added.json().getString("url"), "4242 4242 4242 4242");
    awaitSent(account, 2);
    JsonObject sent = notifications("account_id=" + account + "&status=SENT");
    String id = sent.getJsonArray("items").getJsonObject(0).getString("id");

    assertThat(api.post("admin/notifications/" + id + "/retry", admin, "").status())
        .as("a sent one is not sent again")
        .isEqualTo(409);
    assertThat(api.post("admin/notifications/" + UUID.randomUUID() + "/retry", admin, "").status())
        .isEqualTo(404);
    assertThat(api.post("admin/notifications/not-an-id/retry", admin, "").status()).isEqualTo(400);
    assertThat(api.get("admin/notifications?status=LOST", admin).status()).isEqualTo(400);
    assertThat(api.get("admin/notifications?account_id=42", admin).status()).isEqualTo(400);
    assertThat(api.get("admin/notifications?page=0", admin).status()).isEqualTo(400);
    assertThat(api.get("admin/notifications", token).status()).isEqualTo(403);
    assertThat(api.get("admin/notifications", null).status()).isEqualTo(401);
    assertThat(api.post("admin/notifications/" + id + "/retry", token, "").status()).isEqualTo(403);

    // Parked after its last attempt (as a channel that kept failing leaves it):
    sql.update(
        "update billing.notification set status = 'DEAD', attempts = 3, last_error = 'down'"
            + " where id = ?::uuid",
        id);
    assertThat(notifications("account_id=" + account + "&status=DEAD").getInt("total"))
        .isEqualTo(1);
    Http.Response retried = api.post("admin/notifications/" + id + "/retry", admin, "");
    assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
    assertThat(retried.json().getString("status")).isIn("PENDING", "SENT");
    await("sent again").atMost(WAIT).until(() -> status(id), "SENT"::equals);
    assertThat(sql.value("select attempts from billing.notification where id = ?::uuid", id))
        .isEqualTo(1);
  }

  private void awaitSent(UUID account, int count) {
    await("%d notifications sent".formatted(count))
        .atMost(WAIT)
        .until(
            () -> notifications("account_id=" + account + "&status=SENT").getInt("total") >= count);
  }

  private JsonObject notifications(String query) {
    Http.Response listed = api.get("admin/notifications?" + query, admin);
    assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
    return listed.json();
  }

  /** The account's events of one type, newest, as delivered. */
  private JsonObject event(UUID account, String type) throws SQLException {
    String payload =
        (String)
            sql.value(
                "select payload from billing.outbox_event where account_id = ?::uuid and type = ?"
                    + " order by seq desc limit 1",
                account.toString(),
                type);
    assertThat(payload).as("a %s event", type).isNotNull();
    try (JsonReader reader = Json.createReader(new StringReader(payload))) {
      JsonObject event = reader.readObject();
      assertThat(event.getString("type")).isEqualTo(type);
      return event;
    }
  }

  private List<String> eventsInOrder(UUID account) throws SQLException {
    return sql
        .column(
            "select type from billing.outbox_event where account_id = ?::uuid order by seq",
            account.toString())
        .stream()
        .map(String.class::cast)
        .toList();
  }

  private String status(String notification) throws SQLException {
    return (String)
        sql.value("select status from billing.notification where id = ?::uuid", notification);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
