package org.cinema.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.cinema.it.support.BillingCatalog;
import org.cinema.it.support.BillingClient;
import org.cinema.it.support.Http;
import org.cinema.it.support.ProviderEvents;
import org.cinema.it.support.SharedMicro;
import org.cinema.it.support.Sql;
import org.cinema.it.support.StripeSignature;
import org.cinema.it.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The money rules over HTTP with the sandbox provider, when provider events race, repeat, come
 * late, early, with the wrong amount, or not at all. In this container the sandbox delivers a
 * refund's {@code charge.refunded} before the refund call returns, the reconciler runs every second
 * and a failing event is parked after three attempts (arquillian.xml). Where a test plays the
 * provider, it signs Stripe-format events with the sandbox's secret or writes the sandbox's own
 * records, as a provider that took a card while its event was still on the way would have them.
 */
class MoneyRulesIT {

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

  // 1. Refund arithmetic is absolute and idempotent.

  @Test
  void partRefundsOf100And100On299Are200WhenTheProviderReportsEachBeforeTheCallReturns()
      throws Exception {
    BillingCatalog.Product product = catalog.product("month", "299.00", 1);
    Paid paid = viewerWhoPaidFor(product);

    Http.Response first = adminRefund(paid.payment(), "100.00", "first-" + paid.payment());
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.json().getString("status")).isEqualTo("PARTIALLY_REFUNDED");
    assertThat(amount(first.json(), "refunded_amount")).isEqualTo("100.00");
    assertThat(history(paid.payment()))
        .filteredOn(entry -> entry.getString("to").equals("PARTIALLY_REFUNDED"))
        .first()
        .as("the provider's charge.refunded came before the refund call returned")
        .satisfies(entry -> assertThat(entry.getString("cause")).startsWith("webhook evt_"));

    String secondKey = "second-" + paid.payment();
    Http.Response second = adminRefund(paid.payment(), "100.00", secondKey);
    assertThat(second.status()).as(second.toString()).isEqualTo(200);
    assertThat(amount(second.json(), "refunded_amount")).isEqualTo("200.00");
    Http.Response replay = adminRefund(paid.payment(), "100.00", secondKey);
    assertThat(replay.json())
        .as("the same key: the first answer, no third refund")
        .isEqualTo(second.json());

    String repeated =
        ProviderEvents.chargeRefunded(
            paid.payment(), "pi_sandbox_" + paid.payment().replace("-", ""), 20_000, "rub");
    deliver(repeated);
    awaitProcessed(repeated);

    assertThat(
            sql.value(
                    "select refunded_amount from billing.payment where id = ?::uuid",
                    paid.payment())
                .toString())
        .isEqualTo("200.000");
    assertThat(status(paid.payment())).as("never a whole refund").isEqualTo("PARTIALLY_REFUNDED");
    assertThat(
            sql.column(
                "select status || ' ' || amount from billing.refund where payment_id = ?::uuid",
                paid.payment()))
        .containsExactly("SUCCEEDED 100.000", "SUCCEEDED 100.000");
    assertThat(
            sql.value(
                "select sum(amount_minor) from billing.sandbox_refund where intent_id = ?",
                "pi_sandbox_" + paid.payment().replace("-", "")))
        .as("what the provider gave back")
        .hasToString("20000");
    assertThat(api.mayWatch(paid.token(), product.firstMovie())).as("a part refund").isTrue();
  }

  // 2. A refund the provider reports before the payment's success is not lost.

  @Test
  void aWholeRefundReportedBeforeThePaymentsSuccessEndsItAndGrantsNoAccess() throws Exception {
    BillingCatalog.Product product = catalog.product("month", "299.00", 1);
    String token = api.newViewer();
    Http.Response added = api.addProduct(token, product.id());
    String payment = added.json().getString("payment_id");
    String intent = ProviderEvents.id("pi_test_");

    String refund = ProviderEvents.chargeRefunded(payment, intent, 29_900, "rub");
    deliver(refund);
    awaitProcessed(refund);
    assertThat(status(payment)).isEqualTo("PENDING");
    deliver(ProviderEvents.checkoutCompleted(payment, 29_900, "rub", intent));

    awaitStatus(payment, "REFUNDED");
    assertThat(api.mayWatch(token, product.firstMovie())).as("the money went back").isFalse();
    String subscription = added.json().getString("subscription_id");
    assertThat(
            sql.value("select status from billing.subscription where id = ?::uuid", subscription))
        .isEqualTo("CANCELED");
    assertThat(
            sql.value(
                "select status from billing.invoice where subscription_id = ?::uuid", subscription))
        .isEqualTo("VOID");
    assertThat(history(payment))
        .extracting(entry -> entry.getString("to"))
        .containsSubsequence("PENDING", "SUCCEEDED", "REFUNDED");
  }

  @Test
  void aRefundNamingAChargeNotKnownYetWaitsForItAndIsAppliedWhenItIsKnown() throws Exception {
    BillingCatalog.Product product = catalog.product("month", "299.00", 1);
    String token = api.newViewer();
    String payment = api.addProduct(token, product.id()).json().getString("payment_id");
    String intent = ProviderEvents.id("pi_test_");

    String refund = ProviderEvents.chargeRefunded(null, intent, 29_900, "rub");
    deliver(refund);
    await("the refund waits")
        .atMost(WAIT)
        .until(
            () ->
                (Boolean)
                    sql.value(
                        "select waiting from billing.webhook_event where payload = ?", refund));
    deliver(ProviderEvents.checkoutCompleted(payment, 29_900, "rub", intent));

    awaitProcessed(refund);
    awaitStatus(payment, "REFUNDED");
    assertThat(api.mayWatch(token, product.firstMovie())).isFalse();
  }

  // 3. No money kept for nothing.

  @Test
  void aCheckoutOfAnUnpaidSubscriptionTheViewerCanceledRefusesCards() throws Exception {
    BillingCatalog.Product product = catalog.product("month", "299.00", 1);
    String token = api.newViewer();
    Http.Response added = api.addProduct(token, product.id());
    String payment = added.json().getString("payment_id");
    String url = added.json().getString("url");

    Http.Response canceled = delProduct(token, product.id());
    assertThat(canceled.status()).as(canceled.toString()).isEqualTo(200);
    assertThat(canceled.json().getString("status")).isEqualTo("CANCELED");

    await("the sandbox closes its page")
        .atMost(WAIT)
        .until(
            () ->
                sql.value(
                    "select status from billing.sandbox_checkout where payment_ref = ?::uuid",
                    payment),
            "expired"::equals);
    Http.Response page = Http.get(URI.create(url));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("expired").doesNotContain("<form");
    Http.Response paying = api.payOnCheckoutForm(url, "4242 4242 4242 4242");
    assertThat(paying.status()).as(paying.toString()).isEqualTo(409);
    assertThat(paying.json().getString("error")).isEqualTo("CHECKOUT_CLOSED");
    assertThat(status(payment)).isEqualTo("CANCELED");
    assertThat(
            sql.value(
                "select checkout_closed_at is not null from billing.payment where id = ?::uuid",
                payment))
        .isEqualTo(true);
  }

  @Test
  void moneyTheProviderTookWhileTheViewerCanceledIsRefundedAutomaticallyAndFlagged()
      throws Exception {
    BillingCatalog.Product product = catalog.product("month", "299.00", 1);
    String token = api.newViewer();
    Http.Response added = api.addProduct(token, product.id());
    String payment = added.json().getString("payment_id");
    sandboxTookTheCard(payment);

    assertThat(delProduct(token, product.id()).status()).isEqualTo(200);

    awaitStatus(payment, "REFUNDED");
    assertThat(api.mayWatch(token, product.firstMovie())).isFalse();
    String account = BillingClient.accountOf(token).toString();
    JsonObject flagged = api.get("admin/payments?review=true&customer=" + account, admin).json();
    assertThat(flagged.getInt("total")).isEqualTo(1);
    assertThat(flagged.getJsonArray("items").getJsonObject(0).getString("review_reason"))
        .contains("money arrived", "refunded automatically");
    assertThat(history(payment))
        .extracting(entry -> entry.getString("to") + ": " + entry.getString("cause"))
        .anySatisfy(
            entry ->
                assertThat(entry)
                    .startsWith("SUCCEEDED: review: money arrived after the payment was canceled"))
        .anySatisfy(entry -> assertThat(entry).startsWith("REFUNDED: "));
    await("the automatic refund confirmed")
        .atMost(WAIT)
        .until(
            () ->
                sql.value("select status from billing.refund where payment_id = ?::uuid", payment),
            "SUCCEEDED"::equals);
    JsonObject refund =
        api.get("admin/payments/" + payment + "/refunds", admin).jsonArray().getJsonObject(0);
    assertThat(refund.getString("status")).isEqualTo("SUCCEEDED");
    assertThat(refund.getString("reason")).startsWith("automatic: money arrived after");
    assertThat(
            sql.value(
                "select count(*) from billing.sandbox_refund r join billing.sandbox_intent i on i.id = r.intent_id where i.payment_ref = ?::uuid",
                payment))
        .isEqualTo(1L);
  }

  // 4. A success must match what we asked for.

  @Test
  void aSuccessForAnotherAmountOrCurrencyIsNotAppliedAndIsFlaggedForReview() throws Exception {
    BillingCatalog.Product product = catalog.product("month", "299.00", 1);
    String token = api.newViewer();
    String payment = api.addProduct(token, product.id()).json().getString("payment_id");

    String tooLittle =
        ProviderEvents.checkoutCompleted(payment, 15_000, "rub", ProviderEvents.id("pi_test_"));
    String otherCurrency =
        ProviderEvents.checkoutCompleted(payment, 29_900, "eur", ProviderEvents.id("pi_test_"));
    deliver(tooLittle);
    deliver(otherCurrency);
    awaitProcessed(tooLittle);
    awaitProcessed(otherCurrency);

    assertThat(status(payment)).isEqualTo("PENDING");
    assertThat(api.mayWatch(token, product.firstMovie())).isFalse();
    JsonObject flagged =
        api.get("admin/payments?review=true&customer=" + BillingClient.accountOf(token), admin)
            .json();
    assertThat(flagged.getInt("total")).isEqualTo(1);
    assertThat(history(payment))
        .extracting(entry -> entry.getString("cause"))
        .anySatisfy(
            cause -> assertThat(cause).contains("review:", "150.00 RUB paid, not 299.00 RUB"))
        .anySatisfy(
            cause -> assertThat(cause).contains("review:", "299.00 EUR paid, not 299.00 RUB"));
  }

  // 5. Refunds and payments are reconciled.

  @Test
  void aRefundLeftPendingByACrashIsAskedAgainWithItsKeyAndNeverMadeTwice() throws Exception {
    BillingCatalog.Product product = catalog.product("month", "299.00", 1);
    Paid beforeCall = viewerWhoPaidFor(product);
    Paid afterCall = viewerWhoPaidFor(product);
    // The process died before asking the provider ...
    UUID notAsked = pendingRefund(beforeCall.payment(), 0);
    // ... and after the provider refunded, before our side recorded it.
    UUID asked = pendingRefund(afterCall.payment(), 1);
    String madeAtTheProvider = "re_sandbox_" + UUID.randomUUID().toString().replace("-", "");
    sql.update(
        "insert into billing.sandbox_refund (id, idempotency_key, intent_id, amount_minor)"
            + " values (?, ?, ?, 29900)",
        madeAtTheProvider,
        "refund-" + asked,
        "pi_sandbox_" + afterCall.payment().replace("-", ""));

    for (UUID refund : List.of(notAsked, asked)) {
      await("refund " + refund + " confirmed")
          .atMost(WAIT)
          .until(
              () -> sql.value("select status from billing.refund where id = ?", refund),
              "SUCCEEDED"::equals);
    }
    assertThat(status(beforeCall.payment())).isEqualTo("REFUNDED");
    assertThat(status(afterCall.payment())).isEqualTo("REFUNDED");
    assertThat(sql.value("select provider_refund_id from billing.refund where id = ?", asked))
        .as("the provider's first refund, found again by its key")
        .isEqualTo(madeAtTheProvider);
    for (Paid paid : List.of(beforeCall, afterCall)) {
      assertThat(
              sql.value(
                  "select count(*) from billing.sandbox_refund where intent_id = ?",
                  "pi_sandbox_" + paid.payment().replace("-", "")))
          .as("refunded once at the provider")
          .isEqualTo(1L);
      assertThat(api.mayWatch(paid.token(), product.firstMovie())).isFalse();
    }
  }

  @Test
  void aDeclinedPaymentTheProviderLaterReportsPaidIsReconciledWithoutItsEvent() throws Exception {
    BillingCatalog.Product product = catalog.product("month", "299.00", 1);
    String token = api.newViewer();
    Http.Response added = api.addProduct(token, product.id());
    String payment = added.json().getString("payment_id");
    api.payOnCheckout(added.json().getString("url"), "4000 0000 0000 0002");
    awaitStatus(payment, "FAILED");

    sandboxTookTheCard(payment);

    awaitStatus(payment, "SUCCEEDED");
    assertThat(history(payment))
        .filteredOn(entry -> entry.getString("to").equals("SUCCEEDED"))
        .singleElement()
        .satisfies(entry -> assertThat(entry.getString("cause")).startsWith("reconciler "));
    assertThat(api.mayWatch(token, product.firstMovie())).isTrue();
  }

  @Test
  void whileARefundsOutcomeIsUnknownOnlyThatRefundCanBeAskedForAgain() throws Exception {
    BillingCatalog.Product product = catalog.product("month", "299.00", 1);
    Paid paid = viewerWhoPaidFor(product);
    // A refund of 100 whose call timed out a moment ago (the reconciler has not taken it up yet).
    UUID pending = UUID.randomUUID();
    sql.update(
        "insert into billing.refund (id, payment_id, amount, currency, reason, status, attempts,"
            + " created_at, updated_at) values (?, ?::uuid, 100.00, 'RUB', 'goodwill', 'PENDING',"
            + " 1, now(), now() + interval '1 minute')",
        pending,
        paid.payment());

    Http.Response other = adminRefund(paid.payment(), "50.00", "other-" + paid.payment());
    assertThat(other.status()).as(other.toString()).isEqualTo(409);
    assertThat(other.json().getString("error")).isEqualTo("REFUND_IN_PROGRESS");
    assertThat(other.json().getString("message")).contains("100.00 RUB");
    Http.Response whole = api.cancelPayment(paid.token(), paid.payment());
    assertThat(whole.status())
        .as("all that is left is more than the pending refund")
        .isEqualTo(409);

    Http.Response same = adminRefund(paid.payment(), "100.00", "same-" + paid.payment());
    assertThat(same.status()).as(same.toString()).isEqualTo(200);
    assertThat(amount(same.json(), "refunded_amount")).isEqualTo("100.00");
    assertThat(
            sql.column("select id from billing.refund where payment_id = ?::uuid", paid.payment()))
        .as("the same refund, asked again")
        .containsExactly(pending);
    assertThat(
            sql.value(
                "select count(*) from billing.sandbox_refund where idempotency_key = ?",
                "refund-" + pending))
        .isEqualTo(1L);
  }

  // 6. Amounts fit their currency.

  @Test
  void refundAmountsFinerThanTheirCurrencyAre400AndChangeNothing() throws Exception {
    Paid yen = viewerWhoPaidFor(catalog.product("month", "1500", "JPY", 1));
    Paid rubles = viewerWhoPaidFor(catalog.product("month", "299.00", 1));

    record Case(String payment, String body, String message) {}
    for (Case bad :
        List.of(
            new Case(
                yen.payment(), "{\"amount\": 100.5, \"reason\": \"r\"}", "JPY has no minor unit"),
            new Case(
                rubles.payment(), "{\"amount\": 1.001, \"reason\": \"r\"}", "RUB has 2 decimals"),
            new Case(rubles.payment(), "{\"amount\": 1.0001, \"reason\": \"r\"}", "3 decimals"),
            new Case(rubles.payment(), "{\"amount\": -5, \"reason\": \"r\"}", "more than 0"),
            new Case(rubles.payment(), "{\"amount\": \"lots\", \"reason\": \"r\"}", ""))) {
      Http.Response refused =
          api.post("admin/payments/" + bad.payment() + "/refunds", admin, bad.body());
      assertThat(refused.status()).as(bad.body() + ": " + refused).isEqualTo(400);
      assertThat(refused.json().getString("error")).isEqualTo("INVALID_INPUT");
      assertThat(refused.toString()).contains(bad.message());
    }
    assertThat(
            sql.value(
                "select count(*) from billing.refund where payment_id in (?::uuid, ?::uuid)",
                yen.payment(),
                rubles.payment()))
        .isEqualTo(0L);
    assertThat(status(yen.payment())).isEqualTo("SUCCEEDED");

    Http.Response whole =
        api.post(
            "admin/payments/" + yen.payment() + "/refunds",
            admin,
            "{\"amount\": 100, \"reason\": \"r\"}");
    assertThat(whole.status()).as(whole.toString()).isEqualTo(200);
    assertThat(amount(whole.json(), "refunded_amount")).isEqualTo("100");
  }

  // 8. Webhook events that keep failing are parked, listed and retried.

  @Test
  void eventsThatKeepFailingAreParkedListedWithTheirErrorAndRetriedFromTheAdmin() throws Exception {
    BillingCatalog.Product product = catalog.product("month", "299.00", 1);
    Paid paid = viewerWhoPaidFor(product);
    String broken =
        ProviderEvents.event(
            "charge.refunded",
            Json.createObjectBuilder()
                .add("id", ProviderEvents.id("ch_test_"))
                .add("payment_intent", "pi_whatever")
                .add("currency", "rub")
                .add("metadata", Json.createObjectBuilder().add("payment_id", paid.payment())));
    String token = api.newViewer();
    String unpaid = api.addProduct(token, product.id()).json().getString("payment_id");
    String intent = ProviderEvents.id("pi_test_");
    String early = ProviderEvents.chargeRefunded(null, intent, 29_900, "rub");
    deliver(broken);
    deliver(early);

    long brokenId = eventRow(broken);
    long earlyId = eventRow(early);
    await("both parked after three attempts")
        .atMost(Duration.ofSeconds(60))
        .until(() -> parked().containsAll(List.of(brokenId, earlyId)));
    JsonObject listed =
        eventIn(api.get("admin/webhook-events?state=parked&size=500", admin), brokenId);
    assertThat(listed.getInt("attempts")).isEqualTo(3);
    assertThat(listed.getString("last_error")).contains("says nothing of how much");
    assertThat(
            eventIn(api.get("admin/webhook-events?state=parked&size=500", admin), earlyId)
                .getString("last_error"))
        .contains("names no payment of ours");
    assertThat(status(paid.payment())).isEqualTo("SUCCEEDED");

    Http.Response stillBroken =
        api.post("admin/webhook-events/" + brokenId + "/retry", admin, null);
    assertThat(stillBroken.status()).as(stillBroken.toString()).isEqualTo(200);
    assertThat(stillBroken.json().getString("state")).isEqualTo("failing");

    deliver(ProviderEvents.checkoutCompleted(unpaid, 29_900, "rub", intent));
    awaitStatus(unpaid, "SUCCEEDED");
    assertThat(parked()).as("a parked event waits for a person").contains(earlyId);
    Http.Response retried = api.post("admin/webhook-events/" + earlyId + "/retry", admin, null);
    assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
    assertThat(retried.json().getString("state")).isEqualTo("processed");
    assertThat(status(unpaid)).isEqualTo("REFUNDED");
    assertThat(api.mayWatch(token, product.firstMovie())).isFalse();

    assertThat(api.post("admin/webhook-events/" + earlyId + "/retry", admin, null).status())
        .isEqualTo(409);
    assertThat(api.post("admin/webhook-events/999999999/retry", admin, null).status())
        .isEqualTo(404);
    assertThat(api.post("admin/webhook-events/abc/retry", admin, null).status()).isEqualTo(400);
    assertThat(api.get("admin/webhook-events?state=nonsense", admin).status()).isEqualTo(400);
    assertThat(api.get("admin/webhook-events", token).status()).as("a viewer").isEqualTo(403);
  }

  // 10. Viewer refund policy.

  @Test
  void viewersRefundWithinTheWindowAfterPayingAdministratorsAtAnyTime() throws Exception {
    BillingCatalog.Product product = catalog.product("month", "299.00", 1);
    Paid paid = viewerWhoPaidFor(product);
    sql.update(
        "update billing.payment set paid_at = now() - interval '15 days' where id = ?::uuid",
        paid.payment());

    Http.Response late = api.cancelPayment(paid.token(), paid.payment());

    assertThat(late.status()).as(late.toString()).isEqualTo(409);
    assertThat(late.json().getString("error")).isEqualTo("REFUND_WINDOW_CLOSED");
    assertThat(late.json().getString("message")).contains("within 14 days");
    assertThat(
            sql.value(
                "select count(*) from billing.refund where payment_id = ?::uuid", paid.payment()))
        .isEqualTo(0L);
    assertThat(api.mayWatch(paid.token(), product.firstMovie())).isTrue();
    Http.Response byAdmin = adminRefund(paid.payment(), null, "late-" + paid.payment());
    assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(200);
    assertThat(byAdmin.json().getString("status")).isEqualTo("REFUNDED");
    assertThat(api.mayWatch(paid.token(), product.firstMovie())).isFalse();
  }

  @Test
  void refundingAnOlderPeriodsPaymentKeepsTheNewerPeriodPaidSeparately() throws Exception {
    BillingCatalog.Product daily = catalog.product("day", "49.00", 1);
    Paid paid = viewerWhoPaidFor(daily);
    String subscription =
        sql.value(
                "select i.subscription_id::text from billing.payment p join billing.invoice i"
                    + " on i.id = p.invoice_id where p.id = ?::uuid",
                paid.payment())
            .toString();
    Instant end = Instant.now().plus(Duration.ofMinutes(30));
    sql.update(
        "update billing.subscription set current_period_start = ?, current_period_end = ?"
            + " where id = ?::uuid",
        utc(end.minus(Duration.ofDays(1))),
        utc(end),
        subscription);
    await("the renewal")
        .atMost(WAIT)
        .until(
            () ->
                sql.value(
                    "select count(*) from billing.payment p join billing.invoice i"
                        + " on i.id = p.invoice_id where i.subscription_id = ?::uuid"
                        + " and p.status = 'SUCCEEDED'",
                    subscription),
            Long.valueOf(2)::equals);

    Http.Response refunded = api.cancelPayment(paid.token(), paid.payment());

    assertThat(refunded.status()).as(refunded.toString()).isEqualTo(200);
    assertThat(refunded.json().getString("status")).isEqualTo("REFUNDED");
    assertThat(
            sql.value("select status from billing.subscription where id = ?::uuid", subscription))
        .isEqualTo("ACTIVE");
    assertThat(
            ((Timestamp)
                    sql.value(
                        "select current_period_end from billing.subscription where id = ?::uuid",
                        subscription))
                .toInstant())
        .isAfter(end);
    assertThat(api.mayWatch(paid.token(), daily.firstMovie()))
        .as("the newer period was paid separately")
        .isTrue();
  }

  // ---------------------------------------------------------------------------------------------

  private record Paid(String token, String payment) {}

  /** A new viewer who subscribed to {@code product} and paid on the sandbox's page. */
  private Paid viewerWhoPaidFor(BillingCatalog.Product product) throws Exception {
    String token = api.newViewer();
    Http.Response added = api.addProduct(token, product.id());
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    String payment = added.json().getString("payment_id");
    Http.Response paid = api.payOnCheckout(added.json().getString("url"), "4242 4242 4242 4242");
    assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
    awaitStatus(payment, "SUCCEEDED");
    return new Paid(token, payment);
  }

  /**
   * The sandbox's records say a card paid on the payment's page, as they would while its event is
   * still on the way (or was lost).
   */
  private void sandboxTookTheCard(String payment) throws SQLException {
    UUID ref = UUID.fromString(payment);
    sql.update(
        "insert into billing.sandbox_intent (id, payment_ref, account_ref, amount_minor, currency,"
            + " status) select payment_intent, payment_ref, account_ref, amount_minor, currency,"
            + " 'succeeded' from billing.sandbox_checkout where payment_ref = ?"
            + " on conflict (payment_ref) do update set status = 'succeeded', error_code = null,"
            + " decline_code = null, error_message = null",
        ref);
    assertThat(
            sql.update(
                "update billing.sandbox_checkout set status = 'complete' where payment_ref = ?",
                ref))
        .isEqualTo(1);
  }

  /** A whole refund of the payment left pending a minute ago, asked {@code attempts} times. */
  private UUID pendingRefund(String payment, int attempts) throws SQLException {
    UUID refund = UUID.randomUUID();
    sql.update(
        "insert into billing.refund (id, payment_id, amount, currency, reason, status, attempts,"
            + " created_at, updated_at) values (?, ?::uuid, 299.00, 'RUB', 'canceled by the viewer',"
            + " 'PENDING', ?, now() - interval '1 minute', now() - interval '1 minute')",
        refund,
        payment,
        attempts);
    return refund;
  }

  private Http.Response adminRefund(String payment, String amount, String key) {
    String body =
        amount == null
            ? "{\"reason\": \"goodwill\"}"
            : "{\"amount\": " + amount + ", \"reason\": \"goodwill\"}";
    return api.post("admin/payments/" + payment + "/refunds", admin, body, "Idempotency-Key", key);
  }

  private Http.Response delProduct(String token, UUID product) {
    return api.send(
        "DELETE",
        "billing/del-product",
        token,
        Json.createObjectBuilder().add("id", product.toString()).build().toString());
  }

  private List<JsonObject> history(String payment) {
    Http.Response history = api.get("admin/payments/" + payment + "/history", admin);
    assertThat(history.status()).as(history.toString()).isEqualTo(200);
    return history.jsonArray().getValuesAs(JsonObject.class);
  }

  private void deliver(String event) {
    Http.Response delivered =
        api.postWebhook(
            event,
            StripeSignature.sign(event, System.getProperty("it.webhook.secret"), Instant.now()));
    assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
  }

  private void awaitProcessed(String event) {
    await("processed")
        .atMost(WAIT)
        .until(
            () ->
                (Boolean)
                    sql.value(
                        "select processed_at is not null from billing.webhook_event where payload = ?",
                        event));
  }

  private void awaitStatus(String payment, String status) {
    await("payment " + payment + " " + status)
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> status(payment), status::equals);
  }

  private String status(String payment) throws SQLException {
    return (String) sql.value("select status from billing.payment where id = ?::uuid", payment);
  }

  private long eventRow(String payload) throws SQLException {
    return ((Number) sql.value("select id from billing.webhook_event where payload = ?", payload))
        .longValue();
  }

  private List<Long> parked() throws SQLException {
    return sql
        .column(
            "select id from billing.webhook_event where parked_at is not null"
                + " and processed_at is null")
        .stream()
        .map(id -> ((Number) id).longValue())
        .toList();
  }

  private static JsonObject eventIn(Http.Response list, long id) {
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    return list.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .filter(event -> event.getJsonNumber("id").longValue() == id)
        .findFirst()
        .orElseThrow(() -> new AssertionError("event " + id + " not listed: " + list));
  }

  private static String amount(JsonObject json, String field) {
    return json.getJsonNumber(field).bigDecimalValue().toPlainString();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
