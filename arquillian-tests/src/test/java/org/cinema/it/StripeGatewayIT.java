package org.cinema.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cinema.it.support.BillingCatalog;
import org.cinema.it.support.BillingClient;
import org.cinema.it.support.Http;
import org.cinema.it.support.SharedMicro;
import org.cinema.it.support.Sql;
import org.cinema.it.support.StripeSignature;
import org.cinema.it.support.StripeStub;
import org.cinema.it.support.StripeWorld;
import org.cinema.it.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * billing-web.war with {@code PAYMENT_PROVIDER=stripe}, its stripe-java talking to a local stub of
 * the Stripe API ({@link StripeStub}, WireMock) and receiving webhook events signed here with the
 * endpoint secret exactly as Stripe signs them. Asserts what a viewer sees (status codes, access)
 * and what we asked Stripe (form fields, idempotency keys), and the rows in the database.
 */
class StripeGatewayIT {

  private static final StripeStub stripe = new StripeStub(Integer.getInteger("it.stripe.port"));

  private final Sql sql = new Sql(TestDatabase.dataSource(TestDatabase.STRIPE));
  private final BillingCatalog catalog = new BillingCatalog(sql);

  private final URL base = SharedMicro.STRIPE.base();

  private BillingClient api;

  private StripeWorld world;

  @BeforeAll
  static void startStripe() {
    stripe.start();
  }

  @AfterAll
  static void stopStripe() {
    stripe.stop();
  }

  @BeforeEach
  void client() throws Exception {
    api = new BillingClient(base.toURI());
    world = new StripeWorld(api, sql, stripe);
  }

  @Test
  void aNewCustomerPaysOnACheckoutSessionAndIsRefundedThroughStripe() throws Exception {
    BillingCatalog.Product films = catalog.product("month", "299.00", 2);
    UUID movie = films.firstMovie();
    StripeWorld.Viewer viewer = world.newViewer();
    String session = StripeWorld.id("cs_test_");
    String intent = StripeWorld.id("pi_");
    stripe.newCustomer(viewer.account(), viewer.customer());
    stripe.stub(stripe.checkoutSession(viewer.account(), session, viewer.customer()));
    assertThat(api.mayWatch(viewer.token(), movie)).as("before subscribing").isFalse();

    Http.Response added = api.addProduct(viewer.token(), films.id());
    assertThat(added.status()).as("add-product: %s", added).isEqualTo(201);
    assertThat(added.json().getString("url"))
        .isEqualTo("https://checkout.stripe.com/c/pay/" + session);
    assertThat(added.json().getString("payment_status")).isEqualTo("PENDING");
    String payment = added.json().getString("payment_id");

    LoggedRequest customerCreated =
        StripeWorld.only(stripe.requests("/v1/customers", viewer.accountText()));
    Map<String, String> customer = StripeStub.form(customerCreated);
    assertThat(customer)
        .containsEntry("metadata[user_id]", viewer.accountText())
        .containsEntry("name", "Test Viewer")
        .containsKey("email");
    assertThat(customerCreated.getHeader("Idempotency-Key"))
        .isEqualTo("customer-" + viewer.account());
    assertThat(
            sql.value(
                "select provider_customer_id from billing.account where id = ?::uuid",
                viewer.accountText()))
        .isEqualTo(viewer.customer());

    LoggedRequest sessionCreated =
        StripeWorld.only(stripe.requests("/v1/checkout/sessions", viewer.accountText()));
    assertThat(StripeStub.form(sessionCreated))
        .containsEntry("mode", "payment")
        .containsEntry("customer", viewer.customer())
        .containsEntry("line_items[0][quantity]", "1")
        .containsEntry("line_items[0][price_data][currency]", "rub")
        .containsEntry("line_items[0][price_data][unit_amount]", "29900")
        .containsEntry("payment_intent_data[setup_future_usage]", "off_session")
        .containsEntry("payment_intent_data[metadata][payment_id]", payment)
        .containsEntry("metadata[payment_id]", payment)
        .containsEntry("metadata[user_id]", viewer.accountText())
        .containsEntry("client_reference_id", payment);
    assertThat(StripeStub.form(sessionCreated).get("line_items[0][price_data][product_data][name]"))
        .startsWith(films.name());
    String successUrl = StripeStub.form(sessionCreated).get("success_url");
    assertThat(successUrl).endsWith("/api/v1/checkout/complete");
    assertThat(Http.get(URI.create(successUrl)).status())
        .as("the page Stripe sends the viewer back to")
        .isEqualTo(200);
    assertThat(sessionCreated.getHeader("Idempotency-Key"))
        .isEqualTo("payment-" + payment + "-checkout");
    assertThat(api.mayWatch(viewer.token(), movie)).as("subscribed, not paid").isFalse();

    Http.Response delivered =
        world.deliver(
            StripeWorld.event(
                "checkout.session.completed",
                StripeStub.session(session, viewer.customer(), "complete", "paid", intent),
                payment,
                viewer));
    assertThat(delivered.status()).as("webhook: %s", delivered).isEqualTo(200);
    world.awaitStatus(payment, "SUCCEEDED");
    assertThat(api.mayWatch(viewer.token(), movie)).as("paid").isTrue();
    assertThat(
            sql.value("select provider_intent_id from billing.payment where id = ?::uuid", payment))
        .as("the PaymentIntent behind the session, for refunds")
        .isEqualTo(intent);

    String refund = StripeWorld.id("re_");
    stripe.refunds(intent, refund);
    Http.Response refunded = api.cancelPayment(viewer.token(), payment);
    assertThat(refunded.status()).as("cancel-payment: %s", refunded).isEqualTo(200);
    assertThat(refunded.json().getString("status")).isEqualTo("REFUNDED");
    assertThat(api.mayWatch(viewer.token(), movie)).as("refunded: access ends at once").isFalse();
    LoggedRequest refundCreated = StripeWorld.only(stripe.requests("/v1/refunds", intent));
    assertThat(StripeStub.form(refundCreated))
        .containsEntry("payment_intent", intent)
        .containsEntry("amount", "29900")
        .containsEntry("metadata[payment_id]", payment);
    String refundRow =
        sql.value(
                "select id::text from billing.refund where payment_id = ?::uuid"
                    + " and status = 'SUCCEEDED' and provider_refund_id = ?",
                payment,
                refund)
            .toString();
    assertThat(refundCreated.getHeader("Idempotency-Key")).isEqualTo("refund-" + refundRow);

    JsonObject charge =
        Json.createObjectBuilder()
            .add("id", StripeWorld.id("ch_"))
            .add("object", "charge")
            .add("payment_intent", intent)
            .add("currency", "rub")
            .add("amount", 29900)
            .add("amount_refunded", 29900)
            .add("refunded", true)
            .build();
    String confirmation = StripeWorld.event("charge.refunded", charge, null, viewer);
    assertThat(world.deliver(confirmation).status()).isEqualTo(200);
    world.awaitProcessed(confirmation);
    assertThat(world.transitionsTo(payment, "REFUNDED"))
        .as("charge.refunded confirms the refund made; nothing twice")
        .isEqualTo(1L);
  }

  @Test
  void aSavedCardIsChargedOffSessionWithNoPageToVisit() throws Exception {
    BillingCatalog.Product films = catalog.product("day", "299.00", 1);
    StripeWorld.Viewer viewer = world.newViewer();
    String card = StripeWorld.id("pm_");
    String intent = StripeWorld.id("pi_");
    stripe.existingCustomer(viewer.account(), viewer.customer());
    stripe.savedCard(viewer.customer(), card);
    stripe.stub(
        stripe.offSessionCharge(
            viewer.account(),
            StripeStub.intent(intent, "succeeded", viewer.customer(), null, viewer.account())));

    Http.Response added = api.addProduct(viewer.token(), films.id());
    assertThat(added.status()).as("add-product: %s", added).isEqualTo(201);
    assertThat(added.json().containsKey("url") && added.json().isNull("url"))
        .as("no page to visit: %s", added)
        .isTrue();
    assertThat(added.json().getString("payment_status")).isEqualTo("SUCCEEDED");
    assertThat(api.mayWatch(viewer.token(), films.firstMovie())).as("paid at once").isTrue();

    String payment = added.json().getString("payment_id");
    LoggedRequest charged =
        StripeWorld.only(stripe.requests("/v1/payment_intents", viewer.accountText()));
    assertThat(StripeStub.form(charged))
        .containsEntry("customer", viewer.customer())
        .containsEntry("payment_method", card)
        .containsEntry("off_session", "true")
        .containsEntry("confirm", "true")
        .containsEntry("amount", "29900")
        .containsEntry("currency", "rub")
        .containsEntry("metadata[payment_id]", payment);
    assertThat(charged.getHeader("Idempotency-Key"))
        .isEqualTo("payment-" + payment + "-off-session");
    assertThat(stripe.requests("/v1/customers", viewer.accountText()))
        .as("the customer was found, not created")
        .isEmpty();
    assertThat(stripe.requests("/v1/checkout/sessions", viewer.accountText())).isEmpty();

    String late =
        StripeWorld.event(
            "payment_intent.succeeded",
            StripeStub.intent(intent, "succeeded", viewer.customer(), null, viewer.account()),
            payment,
            viewer);
    assertThat(world.deliver(late).status()).isEqualTo(200);
    world.awaitProcessed(late);
    assertThat(world.transitionsTo(payment, "SUCCEEDED"))
        .as("the webhook after the charge")
        .isEqualTo(1L);
  }

  @Test
  void aDeclinedSavedCardIsRecordedAndTheViewerGetsACheckoutPageForAnotherCard() throws Exception {
    BillingCatalog.Product films = catalog.product("month", "299.00", 1);
    StripeWorld.Viewer viewer = world.newViewer();
    String declined = StripeWorld.id("pi_");
    String session = StripeWorld.id("cs_test_");
    stripe.existingCustomer(viewer.account(), viewer.customer());
    stripe.savedCard(viewer.customer(), StripeWorld.id("pm_"));
    stripe.stub(
        stripe.declinedOffSessionCharge(
            viewer.account(),
            StripeStub.intent(
                declined, "requires_payment_method", viewer.customer(), null, viewer.account())));
    stripe.stub(stripe.checkoutSession(viewer.account(), session, viewer.customer()));

    Http.Response added = api.addProduct(viewer.token(), films.id());
    assertThat(added.status()).as("add-product: %s", added).isEqualTo(201);
    assertThat(added.json().getString("payment_status")).isEqualTo("FAILED");
    assertThat(added.json().getString("url"))
        .isEqualTo("https://checkout.stripe.com/c/pay/" + session);
    String payment = added.json().getString("payment_id");
    assertThat(
            sql.value(
                "select status || ' ' || failure_code from billing.payment where id = ?::uuid",
                payment))
        .isEqualTo("FAILED generic_decline");
    assertThat(
            sql.value(
                "select cause from billing.payment_transition where payment_id = ?::uuid"
                    + " and to_status = 'FAILED'",
                payment))
        .isEqualTo("off-session charge payment_intent.payment_failed");
    assertThat(api.mayWatch(viewer.token(), films.firstMovie())).as("declined").isFalse();

    String paidWith = StripeWorld.id("pi_");
    world.deliver(
        StripeWorld.event(
            "checkout.session.completed",
            StripeStub.session(session, viewer.customer(), "complete", "paid", paidWith),
            payment,
            viewer));
    world.awaitStatus(payment, "SUCCEEDED");
    assertThat(api.mayWatch(viewer.token(), films.firstMovie())).as("paid, other card").isTrue();
    assertThat(
            sql.value("select provider_intent_id from billing.payment where id = ?::uuid", payment))
        .as("refunds go to the charge that paid, not the declined one")
        .isEqualTo(paidWith);
  }

  @Test
  void aCardSavedOnASetupSessionBecomesTheDefaultAndTheRenewalChargesIt() throws Exception {
    BillingCatalog.Product daily = catalog.product("day", "299.00", 1);
    StripeWorld.Viewer viewer = world.newViewer();
    String oldCard = StripeWorld.id("pm_");
    String newCard = StripeWorld.id("pm_");
    stripe.existingCustomer(viewer.account(), viewer.customer());
    stripe.savedCard(viewer.customer(), oldCard);
    stripe.stub(
        stripe.offSessionCharge(
            viewer.account(),
            StripeStub.intent(
                StripeWorld.id("pi_"), "succeeded", viewer.customer(), null, viewer.account())));
    Http.Response added = api.addProduct(viewer.token(), daily.id());
    assertThat(added.json().getString("payment_status")).as("%s", added).isEqualTo("SUCCEEDED");
    String subscription = added.json().getString("subscription_id");

    String session = StripeWorld.id("cs_test_");
    stripe.stub(stripe.setupSession(viewer.account(), session, viewer.customer()));
    Http.Response opened = api.post("me/payment-method", viewer.token(), null);
    assertThat(opened.status()).as("payment-method: %s", opened).isEqualTo(201);
    assertThat(opened.json().getString("url"))
        .isEqualTo("https://checkout.stripe.com/c/pay/" + session);
    LoggedRequest setupCreated =
        StripeWorld.only(stripe.requests("/v1/checkout/sessions", viewer.accountText()));
    assertThat(StripeStub.form(setupCreated))
        .containsEntry("mode", "setup")
        .containsEntry("customer", viewer.customer())
        .containsEntry("payment_method_types[0]", "card")
        .containsEntry("currency", "rub")
        .containsEntry("metadata[user_id]", viewer.accountText())
        .containsEntry("setup_intent_data[metadata][user_id]", viewer.accountText())
        .doesNotContainKey("line_items[0][quantity]")
        .doesNotContainKey("payment_intent_data[setup_future_usage]");
    String successUrl = StripeStub.form(setupCreated).get("success_url");
    assertThat(successUrl).endsWith("/api/v1/checkout/card-saved");
    assertThat(Http.get(URI.create(successUrl)).status()).isEqualTo(200);
    assertThat(StripeStub.form(setupCreated).get("cancel_url"))
        .endsWith("/api/v1/checkout/card-not-saved");
    assertThat(setupCreated.getHeader("Idempotency-Key")).startsWith("card-setup-");
    assertThat(stripe.requests("/v1/payment_intents", viewer.accountText()))
        .as("saving a card charges nothing")
        .hasSize(1);

    String setupIntent = StripeWorld.id("seti_");
    stripe.setupIntent(setupIntent, viewer.customer(), newCard);
    stripe.customerUpdates(viewer.customer());
    String completed =
        StripeWorld.event(
            "checkout.session.completed",
            Json.createObjectBuilder(
                    StripeStub.setupSession(session, viewer.customer(), "complete", setupIntent))
                .add("metadata", StripeStub.metadata(null, viewer.account()))
                .build(),
            null,
            viewer);
    assertThat(world.deliver(completed).status()).isEqualTo(200);
    world.awaitProcessed(completed);
    LoggedRequest madeDefault =
        StripeWorld.only(stripe.requests("/v1/customers/" + viewer.customer()));
    assertThat(StripeStub.form(madeDefault))
        .containsEntry("invoice_settings[default_payment_method]", newCard);
    assertThat(madeDefault.getHeader("Idempotency-Key")).isNotBlank();

    stripe.defaultCard(viewer.customer(), newCard);
    stripe.stub(
        stripe.offSessionCharge(
            viewer.account(),
            StripeStub.intent(
                StripeWorld.id("pi_"), "succeeded", viewer.customer(), null, viewer.account())));
    Instant end = Instant.now().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MILLIS);
    sql.update(
        "update billing.subscription set current_period_start = ?, current_period_end = ?"
            + " where id = ?::uuid",
        end.minus(1, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC),
        end.atOffset(ZoneOffset.UTC),
        subscription);
    await("the renewal")
        .atMost(Duration.ofSeconds(30))
        .until(() -> stripe.requests("/v1/payment_intents", viewer.accountText()).size() == 2);
    Map<String, String> renewal =
        StripeStub.form(stripe.requests("/v1/payment_intents", viewer.accountText()).get(1));
    assertThat(renewal)
        .as("the renewal charges the card the setup saved, not the one paid with before")
        .containsEntry("payment_method", newCard)
        .containsEntry("customer", viewer.customer())
        .containsEntry("off_session", "true");
    await("the renewal paid")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                sql.value(
                    "select count(*) from billing.payment p join billing.invoice i"
                        + " on i.id = p.invoice_id where i.subscription_id = ?::uuid"
                        + " and p.status = 'SUCCEEDED'",
                    subscription),
            Long.valueOf(2)::equals);
  }

  /**
   * Stripe counts every request against its rate limit, not every charge, and a renewal sends
   * three: the customer (its default card), its cards, the charge. Renewals due at once are paced
   * by request: with a test key, at most 20 a second (Stripe allows 25 in test mode).
   */
  @Test
  void renewalsDueAtOnceSendStripeNoMoreRequestsASecondThanTheLimit() throws Exception {
    BillingCatalog.Product daily = catalog.product("day", "299.00", 1);
    List<StripeWorld.Viewer> viewers = new ArrayList<>();
    List<String> subscriptions = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      StripeWorld.Viewer viewer = world.newViewer();
      stripe.existingCustomer(viewer.account(), viewer.customer());
      stripe.savedCard(viewer.customer(), StripeWorld.id("pm_"));
      stripe.stub(stripe.offSessionCharge(viewer.account(), succeeded(viewer)));
      Http.Response added = api.addProduct(viewer.token(), daily.id());
      assertThat(added.json().getString("payment_status")).as("%s", added).isEqualTo("SUCCEEDED");
      subscriptions.add(added.json().getString("subscription_id"));
      stripe.stub(stripe.offSessionCharge(viewer.account(), succeeded(viewer)));
      viewers.add(viewer);
    }

    Instant due = Instant.now();
    Instant end = due.plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MILLIS);
    assertThat(
            sql.update(
                "update billing.subscription set current_period_start = ?,"
                    + " current_period_end = ? where id = any(string_to_array(?, ',')::uuid[])",
                end.minus(1, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC),
                end.atOffset(ZoneOffset.UTC),
                String.join(",", subscriptions)))
        .isEqualTo(10);
    await("ten renewals")
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                viewers.stream()
                    .allMatch(
                        viewer ->
                            stripe.requests("/v1/payment_intents", viewer.accountText()).size()
                                == 2));

    List<Long> sent =
        stripe.server().getAllServeEvents().stream()
            .map(event -> event.getRequest().getLoggedDate().getTime())
            .filter(at -> at >= due.toEpochMilli())
            .sorted()
            .toList();
    assertThat(sent.size()).as("three requests a renewal").isGreaterThanOrEqualTo(30);
    int most = 0;
    for (int first = 0, last = 0; first < sent.size(); first++) {
      while (last < sent.size() && sent.get(last) - sent.get(first) < 1000) {
        last++;
      }
      most = Math.max(most, last - first);
    }
    assertThat(most)
        .as("requests to Stripe in any one second, at ms since the first: %s", sinceFirst(sent))
        .isLessThanOrEqualTo(20);
  }

  private static JsonObject succeeded(StripeWorld.Viewer viewer) {
    return StripeStub.intent(
        StripeWorld.id("pi_"), "succeeded", viewer.customer(), null, viewer.account());
  }

  private static List<Long> sinceFirst(List<Long> sent) {
    return sent.stream().map(at -> at - sent.get(0)).toList();
  }

  @Test
  void aSetupSessionIsRefusedTheSameWayWhenStripeIsDown() throws Exception {
    StripeWorld.Viewer viewer = world.newViewer();
    stripe.existingCustomer(viewer.account(), viewer.customer());
    stripe.stub(
        post(urlPathEqualTo("/v1/checkout/sessions"))
            .withRequestBody(containing(viewer.accountText()))
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"down\"}}")));

    Http.Response opened = api.post("me/payment-method", viewer.token(), null);

    assertThat(opened.status()).as("payment-method: %s", opened).isEqualTo(502);
    assertThat(opened.json().getString("error")).isEqualTo("PROVIDER_UNAVAILABLE");
    List<LoggedRequest> attempts = stripe.requests("/v1/checkout/sessions", viewer.accountText());
    assertThat(attempts).as("the first try and two retries").hasSize(3);
    assertThat(attempts)
        .as("one idempotency key for the retries of one request")
        .extracting(attempt -> attempt.getHeader("Idempotency-Key"))
        .containsOnly(attempts.get(0).getHeader("Idempotency-Key"));
  }

  @Test
  void aStripe500IsRetriedWithTheSameIdempotencyKey() throws Exception {
    BillingCatalog.Product films = catalog.product("month", "299.00", 1);
    StripeWorld.Viewer viewer = world.newViewer();
    String session = StripeWorld.id("cs_test_");
    stripe.newCustomer(viewer.account(), viewer.customer());
    String scenario = "500 then 200 for " + viewer.account();
    stripe.stub(
        post(urlPathEqualTo("/v1/checkout/sessions"))
            .withRequestBody(containing(viewer.accountText()))
            .inScenario(scenario)
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"type\":\"api_error\",\"message\":\"Something went wrong"
                            + " on Stripe's end.\"}}"))
            .willSetStateTo("failed once"));
    stripe.stub(
        post(urlPathEqualTo("/v1/checkout/sessions"))
            .withRequestBody(containing(viewer.accountText()))
            .inScenario(scenario)
            .whenScenarioStateIs("failed once")
            .willReturn(
                okJson(
                    StripeStub.session(session, viewer.customer(), "open", "unpaid", null)
                        .toString())));

    Http.Response added = api.addProduct(viewer.token(), films.id());
    assertThat(added.status()).as("add-product: %s", added).isEqualTo(201);
    assertThat(added.json().getString("url")).endsWith(session);

    List<LoggedRequest> attempts = stripe.requests("/v1/checkout/sessions", viewer.accountText());
    assertThat(attempts).hasSize(2);
    String key = "payment-" + added.json().getString("payment_id") + "-checkout";
    assertThat(attempts)
        .as("the retry is the same request to Stripe, so it cannot open a second checkout")
        .allSatisfy(attempt -> assertThat(attempt.getHeader("Idempotency-Key")).isEqualTo(key));
  }

  @Test
  void aChargeThatTimesOutStaysWaitingUntilTheReconcilerAsksStripe() throws Exception {
    BillingCatalog.Product films = catalog.product("month", "299.00", 1);
    StripeWorld.Viewer viewer = world.newViewer();
    String intent = StripeWorld.id("pi_");
    stripe.existingCustomer(viewer.account(), viewer.customer());
    stripe.savedCard(viewer.customer(), StripeWorld.id("pm_"));
    // Stripe charges the card but the answer never arrives in time (read timeout 1.5 s here).
    stripe.stub(
        post(urlPathEqualTo("/v1/payment_intents"))
            .withRequestBody(containing(viewer.accountText()))
            .willReturn(
                okJson(
                        StripeStub.intent(
                                intent, "succeeded", viewer.customer(), null, viewer.account())
                            .toString())
                    .withFixedDelay(4000)));

    Http.Response added = api.addProduct(viewer.token(), films.id());
    assertThat(added.status()).as("add-product: %s", added).isEqualTo(502);
    assertThat(added.json().getString("error")).isEqualTo("PROVIDER_UNAVAILABLE");
    List<LoggedRequest> attempts = stripe.requests("/v1/payment_intents", viewer.accountText());
    assertThat(attempts).as("the first try and two retries").hasSize(3);
    assertThat(attempts)
        .extracting(attempt -> attempt.getHeader("Idempotency-Key"))
        .containsOnly(attempts.get(0).getHeader("Idempotency-Key"));
    UUID payment =
        UUID.fromString(
            sql.value(
                    "select id::text from billing.payment where account_id = ?::uuid",
                    viewer.accountText())
                .toString());
    assertThat(sql.value("select status from billing.payment where id = ?", payment))
        .as("nothing is lost or decided while Stripe's answer is unknown")
        .isEqualTo("CREATED");
    assertThat(api.mayWatch(viewer.token(), films.firstMovie())).isFalse();

    stripe.intentSearch(
        payment,
        StripeStub.intent(intent, "succeeded", viewer.customer(), payment, viewer.account()));
    world.awaitStatus(payment.toString(), "SUCCEEDED");
    assertThat(
            sql.value(
                "select cause from billing.payment_transition where payment_id = ?"
                    + " and to_status = 'SUCCEEDED'",
                payment))
        .isEqualTo("reconciler payment_intent.succeeded");
    assertThat(api.mayWatch(viewer.token(), films.firstMovie())).as("settled").isTrue();
  }

  @Test
  void eventsWithAWrongSignatureOrAnOldTimestampAreRefusedAndNotStored() throws Exception {
    StripeWorld.Viewer viewer = world.newViewer();
    JsonObject intent =
        StripeStub.intent(
            StripeWorld.id("pi_"), "succeeded", viewer.customer(), null, viewer.account());
    String payload =
        StripeWorld.event("payment_intent.succeeded", intent, UUID.randomUUID().toString(), viewer);

    Http.Response wrongSecret =
        world.deliver(payload, StripeSignature.sign(payload, "whsec_not_ours", Instant.now()));
    Http.Response stale =
        world.deliver(
            payload,
            StripeSignature.sign(
                payload, StripeWorld.secret(), Instant.now().minus(Duration.ofMinutes(10))));
    Http.Response unsigned = world.deliver(payload, null);

    for (Http.Response refused : List.of(wrongSecret, stale, unsigned)) {
      assertThat(refused.status()).as("%s", refused).isEqualTo(400);
      assertThat(refused.json().getString("error")).isNotBlank();
    }
    assertThat(sql.value("select count(*) from billing.webhook_event where payload = ?", payload))
        .isEqualTo(0L);

    for (String notAnEvent : List.of("[1,2]", "{\"type\":\"payment_intent.succeeded\"}")) {
      Http.Response refused = world.deliver(notAnEvent);
      assertThat(refused.status()).as("signed, but not an event: %s", refused).isEqualTo(400);
      assertThat(refused.json().getString("error")).isEqualTo("INVALID_INPUT");
      assertThat(
              sql.value("select count(*) from billing.webhook_event where payload = ?", notAnEvent))
          .isEqualTo(0L);
    }
  }

  @Test
  void theSameEventDeliveredFiveTimesAtOnceIsStoredAndAppliedOnce() throws Exception {
    StripeWorld.Pending pending = world.pendingCheckout();
    String payload =
        StripeWorld.event(
            "checkout.session.completed",
            StripeStub.session(
                pending.session(),
                pending.viewer().customer(),
                "complete",
                "paid",
                StripeWorld.id("pi_")),
            pending.payment(),
            pending.viewer());
    String signature = StripeSignature.sign(payload, StripeWorld.secret(), Instant.now());

    ExecutorService pool = Executors.newFixedThreadPool(5);
    try {
      List<Callable<Http.Response>> deliveries = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        deliveries.add(() -> world.deliver(payload, signature));
      }
      for (Future<Http.Response> delivery : pool.invokeAll(deliveries)) {
        assertThat(delivery.get().status()).as("%s", delivery.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdown();
    }

    world.awaitStatus(pending.payment(), "SUCCEEDED");
    world.awaitProcessed(payload);
    assertThat(sql.value("select count(*) from billing.webhook_event where payload = ?", payload))
        .isEqualTo(1L);
    assertThat(world.transitionsTo(pending.payment(), "SUCCEEDED")).isEqualTo(1L);
  }

  @Test
  void successAndFailureInEitherOrderLeaveThePaymentPaid() throws Exception {
    StripeWorld.Pending failedFirst = world.pendingCheckout();
    StripeWorld.Pending succeededFirst = world.pendingCheckout();

    String intent = StripeWorld.id("pi_");
    String failure = paymentFailed(failedFirst, intent);
    String success = world.paymentSucceeded(failedFirst, intent);
    world.deliver(failure);
    world.awaitProcessed(failure);
    assertThat(world.statusOf(failedFirst.payment())).isEqualTo("FAILED");
    world.deliver(success);
    world.awaitStatus(failedFirst.payment(), "SUCCEEDED");

    String otherIntent = StripeWorld.id("pi_");
    String lateSuccess = world.paymentSucceeded(succeededFirst, otherIntent);
    String lateFailure = paymentFailed(succeededFirst, otherIntent);
    world.deliver(lateSuccess);
    world.awaitStatus(succeededFirst.payment(), "SUCCEEDED");
    world.deliver(lateFailure);
    world.awaitProcessed(lateFailure);
    assertThat(world.statusOf(succeededFirst.payment()))
        .as("a late failure after success changes nothing")
        .isEqualTo("SUCCEEDED");
    assertThat(world.transitionsTo(succeededFirst.payment(), "FAILED")).isEqualTo(0L);
    assertThat(
            sql.value(
                "select failure_code is null from billing.payment where id = ?::uuid",
                succeededFirst.payment()))
        .isEqualTo(true);
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * An API version other than stripe-java's, on purpose: what we read comes from the raw JSON, so
   * events of an older endpoint version are still applied.
   */
  private String paymentFailed(StripeWorld.Pending pending, String intent) {
    JsonObject object =
        Json.createObjectBuilder(
                StripeStub.intent(
                    intent,
                    "requires_payment_method",
                    pending.viewer().customer(),
                    UUID.fromString(pending.payment()),
                    pending.viewer().account()))
            .add(
                "last_payment_error",
                Json.createObjectBuilder()
                    .add("code", "card_declined")
                    .add("decline_code", "insufficient_funds")
                    .add("message", "Your card has insufficient funds."))
            .build();
    return StripeWorld.event(
        "payment_intent.payment_failed", object, null, pending.viewer(), "2020-08-27");
  }
}
