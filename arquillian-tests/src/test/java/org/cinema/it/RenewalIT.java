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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
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
 * Subscriptions renew on their own: the renewer runs every second in this container ({@code
 * renewal.interval-seconds=1}, renewing an hour ahead as by default). Time passes here by moving a
 * paid period in the database, as the days would; everything else goes through the API, the
 * sandbox's checkout page and the renewer as in production.
 */
class RenewalIT {

  private static final Duration RENEWER_WAIT = Duration.ofSeconds(30);

  private final Sql sql = new Sql(TestDatabase.dataSource(TestDatabase.BILLING));
  private final BillingCatalog catalog = new BillingCatalog(sql);

  private final URL base = SharedMicro.SANDBOX.base();

  private BillingClient api;

  @BeforeEach
  void client() throws Exception {
    api = new BillingClient(base.toURI());
  }

  @Test
  void theSavedCardPaysTheNextPeriodWithoutAGap() throws Exception {
    BillingCatalog.Product daily = catalog.product("day", "49.00", 1);
    String token = api.newViewer();
    UUID subscription = subscribeAndPay(token, daily, "4242 4242 4242 4242");
    Instant end = SubscriptionRows.endsIn(sql, subscription, Duration.ofMinutes(30));

    await("the renewal")
        .atMost(RENEWER_WAIT)
        .until(() -> SubscriptionRows.paidPayments(sql, subscription) == 2L);

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
          .until(() -> SubscriptionRows.paidPayments(sql, subscription) == 2L);
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

    await("the renewal")
        .atMost(RENEWER_WAIT)
        .until(() -> SubscriptionRows.paidPayments(sql, subscription) == 2L);

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
  void aDeclinedRenewalIsPastDueUntilTheViewerPaysTheLinkWithAnotherCard() throws Exception {
    BillingCatalog.Product daily = catalog.product("day", "59.00", 1);
    String token = api.newViewer();
    UUID subscription = subscribeAndPay(token, daily, "4242 4242 4242 4242");
    JsonObject before = mySubscription(token, subscription);
    assertThat(before.getString("next_renewal_at"))
        .isEqualTo(before.getString("current_period_end"));
    assertThat(before.getJsonNumber("next_renewal_amount").bigDecimalValue())
        .isEqualByComparingTo("59.00");
    assertThat(before.get("pay_again_url")).isNull();
    cardOnFileBecomes(token, "4000000000000002");
    Instant end = SubscriptionRows.endsIn(sql, subscription, Duration.ofMinutes(30));

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
    JsonObject pastDue = mySubscription(token, subscription);
    assertThat(pastDue.getString("status")).isEqualTo("PAST_DUE");
    assertThat(pastDue.getInt("renewal_failures")).isEqualTo(1);
    assertThat(Instant.parse(pastDue.getString("next_renewal_at")))
        .as("the first retry, a day after the decline")
        .isBetween(
            Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
    String link = pastDue.getString("pay_again_url");

    Http.Response again = api.addProduct(token, daily.id());
    assertThat(again.status()).as("add-product while past due: %s", again).isEqualTo(200);
    assertThat(again.json().getString("url")).isEqualTo(link);
    Http.Response paid = api.payOnCheckout(link, "4242 4242 4242 4242");
    assertThat(paid.status()).as(paid.toString()).isEqualTo(200);

    await("paid by hand").atMost(RENEWER_WAIT).until(() -> status(subscription), "ACTIVE"::equals);
    assertThat(periodEnd(subscription))
        .as("no gap: the paid period follows the old one")
        .isEqualTo(end.plus(1, ChronoUnit.DAYS));
    assertThat(SubscriptionRows.paidPayments(sql, subscription)).isEqualTo(2L);
    JsonObject active = mySubscription(token, subscription);
    assertThat(active.getInt("renewal_failures")).isZero();
    assertThat(active.get("pay_again_url")).as("no link once paid").isNull();
  }

  @Test
  void aDeclinedRenewalIsRetriedAfter1_3_5And7DaysThenCanceledItsInvoiceVoid() throws Exception {
    String admin =
        api.login(System.getProperty("it.admin.login"), System.getProperty("it.admin.password"));
    BillingCatalog.Product daily = catalog.product("day", "65.00", 1);
    String token = api.newViewer();
    UUID subscription = subscribeAndPay(token, daily, "4242 4242 4242 4242");
    cardOnFileBecomes(token, "4000000000009995");
    SubscriptionRows.endsIn(sql, subscription, Duration.ofMinutes(30));
    await("the declined renewal").atMost(RENEWER_WAIT).until(() -> failures(subscription) == 1);
    try {
      int failures = 1;
      for (String step : new String[] {"PT1H", "PT23H", "P2D", "P2D", "P2D"}) {
        int expected = step.equals("PT1H") ? failures : failures + 1;
        assertThat(moveClock(admin, "{\"advance\":\"" + step + "\"}").status()).isEqualTo(200);
        if (step.equals("PT1H")) {
          Thread.sleep(3000);
          assertThat(failures(subscription)).as("no retry before its day").isEqualTo(1);
          assertThat(api.mayWatch(token, daily.firstMovie()))
              .as("past due, within the access grace")
              .isTrue();
          continue;
        }
        await("retry " + expected)
            .atMost(RENEWER_WAIT)
            .until(
                () ->
                    failures(subscription) == expected || !"PAST_DUE".equals(status(subscription)));
        failures = expected;
        if (failures == 4) {
          assertThat(api.mayWatch(token, daily.firstMovie()))
              .as("past due beyond the grace of 3 days")
              .isFalse();
        }
      }
      await("canceled after the last retry")
          .atMost(RENEWER_WAIT)
          .until(() -> status(subscription), "CANCELED"::equals);
      assertThat(
              sql.column(
                  "select i.status || '/' || p.status || '/' || coalesce(p.failure_code, '-')"
                      + " from billing.invoice i join billing.payment p on p.invoice_id = i.id"
                      + " where i.subscription_id = ?::uuid order by p.created_at",
                  subscription.toString()))
          .as("one invoice for the period, five declined attempts, nothing charged")
          .containsExactly(
              "PAID/SUCCEEDED/-",
              "VOID/CANCELED/insufficient_funds",
              "VOID/CANCELED/insufficient_funds",
              "VOID/CANCELED/insufficient_funds",
              "VOID/CANCELED/insufficient_funds",
              "VOID/CANCELED/insufficient_funds");
      assertThat(api.mayWatch(token, daily.firstMovie())).isFalse();
      // A pass writes its counts when it ends, which may be a moment after the cancel is seen.
      await("the runs count the cancel")
          .atMost(RENEWER_WAIT)
          .until(
              () -> {
                Http.Response runs = api.get("admin/renewals/runs?size=200", admin);
                assertThat(runs.status()).isEqualTo(200);
                return runs.json().getJsonArray("items").stream()
                    .map(JsonObject.class::cast)
                    .mapToInt(run -> run.getInt("canceled"))
                    .sum();
              },
              canceled -> canceled >= 1);
    } finally {
      moveClock(admin, "{\"now\":\"" + Instant.now() + "\"}");
    }
  }

  @Test
  void aRenewalAwaitingAViewerWithNoSavedCardExpiresAfterTheGrace() throws Exception {
    BillingCatalog.Product daily = catalog.product("day", "69.00", 1);
    String token = api.newViewer();
    UUID subscription = subscribeAndPay(token, daily, "4242 4242 4242 4242");
    sql.update(
        "delete from billing.sandbox_saved_card where account_id = ?::uuid",
        BillingClient.accountOf(token).toString());
    SubscriptionRows.endsIn(sql, subscription, Duration.ofMinutes(30));
    await("the renewal's page").atMost(RENEWER_WAIT).until(() -> payments(subscription) == 2L);
    assertThat(status(subscription)).isEqualTo("ACTIVE");

    SubscriptionRows.endsIn(sql, subscription, Duration.ofDays(-4));

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
  void anAdministratorStartsAPassAndWatchesItAndTheRenewalsToCome() throws Exception {
    String admin =
        api.login(System.getProperty("it.admin.login"), System.getProperty("it.admin.password"));
    assertThat(api.post("admin/renewals/runs", null, null).status()).isEqualTo(401);
    assertThat(api.post("admin/renewals/runs", api.newViewer(), null).status()).isEqualTo(403);
    assertThat(api.get("admin/renewals/runs/nope", admin).status()).isEqualTo(400);
    assertThat(api.get("admin/renewals/runs/" + UUID.randomUUID(), admin).status()).isEqualTo(404);
    assertThat(api.get("admin/renewals/upcoming?days=0", admin).status()).isEqualTo(400);

    BillingCatalog.Product monthly = catalog.product("month", "123.45", 1);
    String token = api.newViewer();
    UUID subscription = subscribeAndPay(token, monthly, "4242 4242 4242 4242");
    Instant end = periodEnd(subscription);
    Http.Response upcoming = api.get("admin/renewals/upcoming?days=40", admin);
    assertThat(upcoming.status()).as(upcoming.toString()).isEqualTo(200);
    assertThat(
            upcoming.json().getJsonArray("days").stream()
                .map(JsonObject.class::cast)
                .filter(
                    day ->
                        day.getString("day")
                            .equals(end.atOffset(ZoneOffset.UTC).toLocalDate().toString()))
                .filter(day -> day.getString("currency").equals("RUB"))
                .mapToDouble(day -> day.getJsonNumber("amount").doubleValue())
                .sum())
        .as("its renewal is among the month's: %s", upcoming)
        .isGreaterThanOrEqualTo(123.45);

    Http.Response started = api.post("admin/renewals/runs", admin, null);
    if (started.status() == 409) {
      Thread.sleep(1500);
      started = api.post("admin/renewals/runs", admin, null);
    }
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    String id = started.json().getString("id");
    assertThat(started.header("Location").orElseThrow())
        .as("a path, not built from the Host header")
        .startsWith("/")
        .endsWith("/api/v1/admin/renewals/runs/" + id);
    assertThat(started.json().getString("trigger")).isEqualTo("administrator");
    await("the pass ends")
        .atMost(RENEWER_WAIT)
        .until(
            () -> api.get("admin/renewals/runs/" + id, admin).json().getString("status"),
            "FINISHED"::equals);
    JsonObject run = api.get("admin/renewals/runs/" + id, admin).json();
    assertThat(run.getInt("errors")).as(run.toString()).isZero();
    assertThat(run.getJsonNumber("duration_ms").longValue()).isNotNegative();
    Http.Response list = api.get("admin/renewals/runs", admin);
    assertThat(list.json().getJsonArray("items").stream().map(JsonObject.class::cast))
        .anyMatch(item -> item.getString("id").equals(id));
  }

  @Test
  void aPassThatCrashedAfterChargingIsFinishedByTheNextWithoutASecondCharge() throws Exception {
    BillingCatalog.Product daily = catalog.product("day", "89.00", 1);
    String token = api.newViewer();
    UUID account = BillingClient.accountOf(token);
    UUID subscription = subscribeAndPay(token, daily, "4242 4242 4242 4242");
    // What a pass leaves when it dies between the provider's charge and recording it: the next
    // period's invoice and a payment that never got its provider id, charged at the sandbox.
    Instant end = Instant.now().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MILLIS);
    UUID invoice = UUID.randomUUID();
    UUID payment = UUID.randomUUID();
    sql.update(
        "insert into billing.invoice (id, subscription_id, account_id, amount, currency,"
            + " period_start, period_end, created_at) values (?::uuid, ?::uuid, ?::uuid, 89.00,"
            + " 'RUB', ?, ?, now() - interval '5 minutes')",
        invoice.toString(),
        subscription.toString(),
        account.toString(),
        utc(end),
        utc(end.plus(1, ChronoUnit.DAYS)));
    sql.update(
        "insert into billing.payment (id, invoice_id, account_id, amount, currency, status,"
            + " provider, created_at) values (?::uuid, ?::uuid, ?::uuid, 89.00, 'RUB', 'CREATED',"
            + " 'sandbox', now() - interval '5 minutes')",
        payment.toString(),
        invoice.toString(),
        account.toString());
    sql.update(
        "insert into billing.sandbox_intent (id, payment_ref, account_ref, amount_minor, currency,"
            + " status) values (?, ?::uuid, ?::uuid, 8900, 'RUB', 'succeeded')",
        "pi_crashed_" + payment.toString().replace("-", ""),
        payment.toString(),
        account.toString());
    sql.update(
        "update billing.subscription set current_period_start = ?, current_period_end = ?"
            + " where id = ?::uuid",
        utc(end.minus(1, ChronoUnit.DAYS)),
        utc(end),
        subscription.toString());

    await("the next pass finishes the renewal")
        .atMost(RENEWER_WAIT)
        .until(() -> SubscriptionRows.paidPayments(sql, subscription) == 2L);

    assertThat(periodEnd(subscription)).isEqualTo(end.plus(1, ChronoUnit.DAYS));
    assertThat(payments(subscription)).as("the crashed pass's payment, no new one").isEqualTo(2L);
    assertThat(
            sql.value("select status from billing.payment where id = ?::uuid", payment.toString()))
        .isEqualTo("SUCCEEDED");
    assertThat(
            sql.value(
                "select count(*) from billing.sandbox_intent where account_ref = ?::uuid",
                account.toString()))
        .as("one charge per period at the provider")
        .isEqualTo(2L);
    Thread.sleep(2000);
    assertThat(payments(subscription)).isEqualTo(2L);
  }

  private JsonObject mySubscription(String token, UUID subscription) {
    Http.Response mine = api.get("me/subscriptions", token);
    assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
    return mine.json().getJsonArray("items").stream()
        .map(JsonObject.class::cast)
        .filter(item -> item.getString("id").equals(subscription.toString()))
        .findFirst()
        .orElseThrow();
  }

  private int failures(UUID subscription) throws SQLException {
    return (Integer)
        sql.value(
            "select renewal_failures from billing.subscription where id = ?::uuid",
            subscription.toString());
  }

  /**
   * Two dozen renewals due at the same moment are claimed by one pass and charged in groups (the
   * sandbox takes several at once, recorded in one transaction each): every one is charged once and
   * recorded as the provider answered, the declines among them as past due.
   */
  @Test
  void manyRenewalsDueAtOnceAreChargedInGroupsEachOnceDeclinesPastDue() throws Exception {
    BillingCatalog.Product daily = catalog.product("day", "19.00", 1);
    List<UUID> paying = new ArrayList<>();
    List<UUID> declined = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      String token = api.newViewer();
      UUID subscription = subscribeAndPay(token, daily, "4242 4242 4242 4242");
      if (i % 6 == 5) {
        cardOnFileBecomes(token, "4000000000000002");
        declined.add(subscription);
      } else {
        paying.add(subscription);
      }
    }
    List<UUID> all = new ArrayList<>(paying);
    all.addAll(declined);
    String ids = all.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", ", "(", ")"));
    Instant end = Instant.now().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MILLIS);
    // One statement: the renewer's next claim sees all of them due, or none.
    assertThat(
            sql.update(
                "update billing.subscription set current_period_start = ?, current_period_end = ?"
                    + " where id in "
                    + ids,
                utc(end.minus(1, ChronoUnit.DAYS)),
                utc(end)))
        .isEqualTo(24);

    await("all renewals charged")
        .atMost(RENEWER_WAIT)
        .until(
            () ->
                sql.value(
                    "select count(*) from billing.payment p join billing.invoice i"
                        + " on i.id = p.invoice_id where i.subscription_id in "
                        + ids
                        + " and i.period_start = ? and p.status in ('SUCCEEDED', 'FAILED')",
                    utc(end)),
            charged -> (Long) charged == 24L);
    for (UUID subscription : paying) {
      assertThat(status(subscription)).isEqualTo("ACTIVE");
      assertThat(periodEnd(subscription)).isEqualTo(end.plus(1, ChronoUnit.DAYS));
      assertThat(SubscriptionRows.paidPayments(sql, subscription)).isEqualTo(2L);
    }
    for (UUID subscription : declined) {
      assertThat(status(subscription)).isEqualTo("PAST_DUE");
      assertThat(periodEnd(subscription)).as("not renewed").isEqualTo(end);
      assertThat(SubscriptionRows.paidPayments(sql, subscription)).isEqualTo(1L);
    }
    Thread.sleep(3000);
    assertThat(
            sql.value(
                "select count(*) from billing.invoice where subscription_id in "
                    + ids
                    + " and period_start = ?",
                utc(end)))
        .as("one invoice per subscription for the new period")
        .isEqualTo(24L);
    assertThat(
            sql.value(
                "select count(*) from billing.payment p join billing.invoice i"
                    + " on i.id = p.invoice_id where i.subscription_id in "
                    + ids
                    + " and i.period_start = ?",
                utc(end)))
        .as("one payment per invoice, each charged once")
        .isEqualTo(24L);
    assertThat(
            sql.value(
                "select count(*) from billing.sandbox_intent where payment_ref in (select p.id"
                    + " from billing.payment p join billing.invoice i on i.id = p.invoice_id"
                    + " where i.subscription_id in "
                    + ids
                    + " and i.period_start = ?)",
                utc(end)))
        .as("the sandbox holds one charge per renewal payment")
        .isEqualTo(24L);
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
    SubscriptionRows.endsIn(sql, subscription, Duration.ofMinutes(30));
    Thread.sleep(3000);
    assertThat(payments(subscription)).as("no renewal once canceled").isEqualTo(1L);
    assertThat(api.mayWatch(token, daily.firstMovie())).as("to the end of the period").isTrue();

    SubscriptionRows.endsIn(sql, subscription, Duration.ofSeconds(-1));

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
}
