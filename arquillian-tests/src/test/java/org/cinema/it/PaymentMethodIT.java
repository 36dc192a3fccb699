package org.cinema.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * A viewer replaces the card renewals charge ({@code POST /api/v1/me/payment-method}) on the
 * sandbox's page in setup mode, which saves a card and charges nothing. Stripe's test card 4000
 * 0000 0000 0341 saves, and every charge on it is declined. Time passes by the test clock (an
 * administrator moves it), and the renewer, running every second here, renews what is due.
 */
class PaymentMethodIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String SAVES_THEN_DECLINES = "4000 0000 0000 0341";

  private final Sql sql = new Sql(TestDatabase.dataSource(TestDatabase.BILLING));
  private final BillingCatalog catalog = new BillingCatalog(sql);

  private final URL base = SharedMicro.SANDBOX.base();

  private BillingClient api;

  @BeforeEach
  void client() throws Exception {
    api = new BillingClient(base.toURI());
  }

  @Test
  void aCardSavedOnTheSetupPageChargesNothingAndTheNextRenewalIsDeclinedOnIt() throws Exception {
    BillingCatalog.Product daily = catalog.product("day", "45.00", 1);
    String token = api.newViewer();
    UUID subscription = subscribeAndPay(token, daily);
    int statementBefore = statementSize(token);

    Http.Response opened = api.post("me/payment-method", token, null);
    assertThat(opened.status()).as("payment-method: %s", opened).isEqualTo(201);
    String page = opened.json().getString("url");
    assertThat(page)
        .as("its own session, not a payment's checkout")
        .matches("http://localhost:[0-9]+/.*api/v1/sandbox/checkout/cs_sandbox_setup_[0-9a-f]{32}");
    Http.Response form = Http.get(URI.create(page));
    assertThat(form.status()).as(form.toString()).isEqualTo(200);
    assertThat(form.body())
        .contains("Save a card, nothing is charged", "<form", "card_number")
        .doesNotContain("id=\"amount\"");

    Http.Response saved = api.payOnCheckoutForm(page, SAVES_THEN_DECLINES);
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    assertThat(saved.body()).contains("Card saved").doesNotContain("<form");
    assertThat(savedCard(token)).isEqualTo("4000000000000341");
    assertThat(statementSize(token)).as("nothing was charged").isEqualTo(statementBefore);
    assertThat(sandboxCharges(token)).as("no charge at the provider").isEqualTo(1L);
    awaitSetupEventProcessed(page);

    Http.Response again = api.payOnCheckoutForm(page, "4242 4242 4242 4242");
    assertThat(again.status()).as("a completed page takes no other card: %s", again).isEqualTo(409);
    assertThat(again.json().getString("error")).isEqualTo("CHECKOUT_CLOSED");
    assertThat(savedCard(token)).isEqualTo("4000000000000341");

    Instant end = periodEnd(subscription);
    String admin = admin();
    try {
      assertThat(moveClock(admin, "{\"advance\":\"P1D\"}").status()).isEqualTo(200);

      await("the renewal on the saved card")
          .atMost(WAIT)
          .until(() -> status(subscription), "PAST_DUE"::equals);
      assertThat(
              sql.value(
                  "select p.status || ' ' || p.failure_code || ' ' || si.error_code || ' '"
                      + " || si.decline_code || ' ' || si.error_message"
                      + " from billing.payment p join billing.invoice i on i.id = p.invoice_id"
                      + " join billing.sandbox_intent si on si.payment_ref = p.id"
                      + " where i.subscription_id = ?::uuid and i.period_start = ?",
                  subscription.toString(),
                  Timestamp.from(end)))
          .isEqualTo(
              "FAILED generic_decline card_declined generic_decline Your card was declined.");
      assertThat(periodEnd(subscription)).as("no period was bought").isEqualTo(end);
    } finally {
      moveClock(admin, "{\"now\":\"" + Instant.now() + "\"}");
    }
  }

  @Test
  void aDecliningCardReplacedOnTheSetupPageLeavesTheNextRenewalPaidByTheNewCard() throws Exception {
    BillingCatalog.Product daily = catalog.product("day", "46.00", 1);
    String token = api.newViewer();
    UUID subscription = subscribeAndPay(token, daily);
    saveOnSetupPage(token, SAVES_THEN_DECLINES);
    assertThat(savedCard(token)).isEqualTo("4000000000000341");

    saveOnSetupPage(token, "4242 4242 4242 4242");
    assertThat(savedCard(token)).isEqualTo("4242424242424242");
    assertThat(sandboxCharges(token)).as("saving twice charged nothing").isEqualTo(1L);

    Instant end = periodEnd(subscription);
    String admin = admin();
    try {
      assertThat(moveClock(admin, "{\"advance\":\"P1D\"}").status()).isEqualTo(200);

      await("the renewal on the new card")
          .atMost(WAIT)
          .until(() -> periodEnd(subscription), end.plus(1, ChronoUnit.DAYS)::equals);
      assertThat(status(subscription)).isEqualTo("ACTIVE");
      assertThat(
              sql.column(
                  "select p.status from billing.payment p join billing.invoice i"
                      + " on i.id = p.invoice_id where i.subscription_id = ?::uuid"
                      + " order by i.period_start",
                  subscription.toString()))
          .containsExactly("SUCCEEDED", "SUCCEEDED");
    } finally {
      moveClock(admin, "{\"now\":\"" + Instant.now() + "\"}");
    }
  }

  @Test
  void onAPaymentPageTheCardThatSavesButDeclinesIsDeclined() throws Exception {
    BillingCatalog.Product films = catalog.product("month", "47.00", 1);
    String token = api.newViewer();
    Http.Response added = api.addProduct(token, films.id());
    assertThat(added.status()).as("add-product: %s", added).isEqualTo(201);

    Http.Response declined = api.payOnCheckout(added.json().getString("url"), SAVES_THEN_DECLINES);

    assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
    assertThat(declined.body()).contains("Your card was declined.");
    String payment = added.json().getString("payment_id");
    await("the decline reported")
        .atMost(WAIT)
        .until(
            () ->
                sql.value(
                    "select status || ' ' || coalesce(failure_code, '') from billing.payment"
                        + " where id = ?::uuid",
                    payment),
            "FAILED generic_decline"::equals);
    assertThat(api.mayWatch(token, films.firstMovie())).isFalse();
  }

  @Test
  void theSetupPageRefusesUnknownDeclinedAndExpiredCardsAndSavesNothing() throws Exception {
    String token = api.newViewer();
    String page = openSetupPage(token);

    Http.Response unknown = api.payOnCheckoutForm(page, "4111 1111 1111 1111");
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(402);
    assertThat(unknown.body()).contains("Your card number is incorrect.", "<form");
    Http.Response declined = api.payOnCheckoutForm(page, "4000 0000 0000 0002");
    assertThat(declined.status()).as(declined.toString()).isEqualTo(402);
    assertThat(declined.body()).contains("Your card was declined.");
    Http.Response expired = submitCard(page, "4242 4242 4242 4242", "01", "2020");
    assertThat(expired.status()).as(expired.toString()).isEqualTo(400);
    assertThat(expired.json().getString("error")).isEqualTo("INVALID_INPUT");
    Http.Response malformed = submitCard(page, "not a card", "13", "x");
    assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
    assertThat(
            sql.value(
                "select count(*) from billing.sandbox_saved_card where account_id = ?::uuid",
                BillingClient.accountOf(token).toString()))
        .isEqualTo(0L);

    Http.Response saved = api.payOnCheckoutForm(page, "4242 4242 4242 4242");
    assertThat(saved.status()).as("the page stays open after refusals: %s", saved).isEqualTo(200);
    assertThat(savedCard(token)).isEqualTo("4242424242424242");
    assertThat(statementSize(token)).isZero();

    Http.Response unknownSession =
        Http.get(URI.create(page.replaceAll("[0-9a-f]{32}$", "0".repeat(32))));
    assertThat(unknownSession.status()).isEqualTo(404);
    assertThat(unknownSession.json().getString("error")).isEqualTo("CHECKOUT_NOT_FOUND");
  }

  @Test
  void onlyAViewerGetsAPageAndAnyBodyIsIgnored() throws Exception {
    Http.Response anonymous = api.post("me/payment-method", null, null);
    assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
    assertThat(anonymous.json().getString("error")).isEqualTo("NOT_AUTHENTICATED");
    Http.Response forged = api.post("me/payment-method", "not.a.token", "{}");
    assertThat(forged.status()).as(forged.toString()).isEqualTo(401);
    assertThat(forged.json().getString("error")).isEqualTo("NOT_AUTHENTICATED");

    String token = api.newViewer();
    for (String body : new String[] {"", "{}", "{\"card\":\"4242\"}", "not json", "[1,2"}) {
      Http.Response opened = api.post("me/payment-method", token, body);
      assertThat(opened.status()).as("body %s: %s", body, opened).isEqualTo(201);
      assertThat(opened.json().getString("url")).contains("/sandbox/checkout/");
    }
    Http.Response plain =
        Http.send(
            HttpRequest.newBuilder(api.api().resolve("me/payment-method"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString("hello")));
    assertThat(plain.status()).as(plain.toString()).isEqualTo(201);

    String key = UUID.randomUUID().toString();
    Http.Response first = api.post("me/payment-method", token, null, "Idempotency-Key", key);
    Http.Response repeated = api.post("me/payment-method", token, null, "Idempotency-Key", key);
    assertThat(first.status()).isEqualTo(201);
    assertThat(repeated.status()).isEqualTo(201);
    assertThat(repeated.json().getString("url"))
        .as("the same key: the same page")
        .isEqualTo(first.json().getString("url"));
    Http.Response other = api.post("me/payment-method", api.newViewer(), null);
    assertThat(other.json().getString("url"))
        .as("each viewer's page is their own")
        .isNotEqualTo(first.json().getString("url"));
  }

  private UUID subscribeAndPay(String token, BillingCatalog.Product product) throws Exception {
    Http.Response added = api.addProduct(token, product.id());
    assertThat(added.status()).as("add-product: %s", added).isEqualTo(201);
    UUID subscription = UUID.fromString(added.json().getString("subscription_id"));
    Http.Response paid = api.payOnCheckout(added.json().getString("url"), "4242 4242 4242 4242");
    assertThat(paid.status()).as("pay: %s", paid).isEqualTo(200);
    await("the first payment").atMost(WAIT).until(() -> status(subscription), "ACTIVE"::equals);
    return subscription;
  }

  private String openSetupPage(String token) {
    Http.Response opened = api.post("me/payment-method", token, null);
    assertThat(opened.status()).as("payment-method: %s", opened).isEqualTo(201);
    return opened.json().getString("url");
  }

  private void saveOnSetupPage(String token, String card) {
    Http.Response saved = api.payOnCheckout(openSetupPage(token), card);
    assertThat(saved.status()).as("save %s: %s", card, saved).isEqualTo(200);
    assertThat(saved.body()).contains("Card saved");
  }

  private static Http.Response submitCard(String page, String card, String month, String year) {
    String fields =
        "card_number="
            + URLEncoder.encode(card, StandardCharsets.UTF_8)
            + "&exp_month="
            + URLEncoder.encode(month, StandardCharsets.UTF_8)
            + "&exp_year="
            + URLEncoder.encode(year, StandardCharsets.UTF_8)
            + "&cvc=123";
    return Http.send(
        HttpRequest.newBuilder(URI.create(page))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString(fields)));
  }

  /** The sandbox reports the completed setup as Stripe does; the inbox takes it without fuss. */
  private void awaitSetupEventProcessed(String page) {
    String session = page.substring(page.lastIndexOf('/') + 1);
    await("the setup's event")
        .atMost(WAIT)
        .until(
            () ->
                sql.value(
                    "select count(*) from billing.webhook_event where payload like ?"
                        + " and event_type = 'checkout.session.completed'"
                        + " and processed_at is not null and last_error is null",
                    "%" + session + "%"),
            Long.valueOf(1)::equals);
  }

  private String admin() {
    return api.login(System.getProperty("it.admin.login"), System.getProperty("it.admin.password"));
  }

  private Http.Response moveClock(String token, String body) {
    return api.post("admin/test-clock", token, body);
  }

  private int statementSize(String token) {
    Http.Response statement = api.statement(token);
    assertThat(statement.status()).as(statement.toString()).isEqualTo(200);
    return statement.json().getJsonArray("items").size();
  }

  private String savedCard(String token) throws SQLException {
    return (String)
        sql.value(
            "select card_number from billing.sandbox_saved_card where account_id = ?::uuid",
            BillingClient.accountOf(token).toString());
  }

  private long sandboxCharges(String token) throws SQLException {
    return (Long)
        sql.value(
            "select count(*) from billing.sandbox_intent where account_ref = ?::uuid",
            BillingClient.accountOf(token).toString());
  }

  private String status(UUID subscription) throws SQLException {
    return (String)
        sql.value(
            "select status from billing.subscription where id = ?::uuid", subscription.toString());
  }

  private Instant periodEnd(UUID subscription) throws SQLException {
    return ((Timestamp)
            sql.value(
                "select current_period_end from billing.subscription where id = ?::uuid",
                subscription.toString()))
        .toInstant();
  }
}
