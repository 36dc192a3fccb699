package org.cinema.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cinema.it.support.StripeWorld.event;
import static org.cinema.it.support.StripeWorld.id;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cinema.it.support.BillingCatalog;
import org.cinema.it.support.BillingClient;
import org.cinema.it.support.Http;
import org.cinema.it.support.SharedMicro;
import org.cinema.it.support.Sql;
import org.cinema.it.support.StripeStub;
import org.cinema.it.support.StripeWorld;
import org.cinema.it.support.StripeWorld.Pending;
import org.cinema.it.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The money rules on the Stripe paths, against the local stub of Stripe's API: checkouts closed at
 * Stripe when our side ends a payment, money that arrives anyway given back, refunds whose answer
 * was lost asked again without refunding twice, declined payments Stripe later reports paid, and
 * successes for another amount. The container's reconciler runs every 2 s for what is 8 s old and
 * Stripe answers within 1.5 s or is taken as unanswered (arquillian.xml).
 */
class StripeMoneyRulesIT {

  private static final Duration SETTLE = Duration.ofSeconds(30);

  private static final StripeStub stripe = new StripeStub(Integer.getInteger("it.stripe.port"));

  private final Sql sql = new Sql(TestDatabase.dataSource(TestDatabase.STRIPE));

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
  void canceledBeforePaymentTheSessionIsExpiredAndMoneyPaidAnywayIsRefunded() throws Exception {
    Pending pending = world.pendingCheckout();
    stripe.stub(
        post(urlPathEqualTo("/v1/checkout/sessions/" + pending.session() + "/expire"))
            .willReturn(
                okJson(
                    StripeStub.session(
                            pending.session(),
                            pending.viewer().customer(),
                            "expired",
                            "unpaid",
                            null)
                        .toString())));

    assertThat(delProduct(pending).status()).isEqualTo(200);

    await("the session expired at Stripe")
        .atMost(SETTLE)
        .until(
            () ->
                stripe.requests("/v1/checkout/sessions/" + pending.session() + "/expire").size()
                    == 1);
    LoggedRequest expired =
        StripeWorld.only(stripe.requests("/v1/checkout/sessions/" + pending.session() + "/expire"));
    assertThat(expired.getHeader("Idempotency-Key"))
        .isEqualTo("payment-" + pending.payment() + "-expire");
    await()
        .atMost(SETTLE)
        .until(
            () ->
                sql.value(
                    "select checkout_closed_at is not null from billing.payment where id = ?::uuid",
                    pending.payment()),
            Boolean.TRUE::equals);
    assertThat(world.statusOf(pending.payment())).isEqualTo("CANCELED");

    // The viewer had paid in the instant before: Stripe's event arrives after the cancel.
    String intent = id("pi_");
    stripe.refunds(intent, id("re_"));
    world.deliver(
        event(
            "checkout.session.completed",
            StripeStub.session(
                pending.session(), pending.viewer().customer(), "complete", "paid", intent),
            pending.payment(),
            pending.viewer()));

    world.awaitStatus(pending.payment(), "REFUNDED");
    LoggedRequest refund = StripeWorld.only(stripe.requests("/v1/refunds", intent));
    assertThat(StripeStub.form(refund))
        .containsEntry("payment_intent", intent)
        .containsEntry("amount", "29900")
        .containsEntry("metadata[payment_id]", pending.payment());
    assertThat(
            sql.value(
                    "select review_reason from billing.payment where id = ?::uuid",
                    pending.payment())
                .toString())
        .contains("money arrived after the payment was canceled", "refunded automatically");
    assertThat(api.mayWatch(pending.viewer().token(), pending.product().firstMovie())).isFalse();
  }

  @Test
  void aSessionPaidJustBeforeItCouldBeExpiredIsRefundedAutomatically() throws Exception {
    Pending pending = world.pendingCheckout();
    String intent = id("pi_");
    stripe.stub(
        post(urlPathEqualTo("/v1/checkout/sessions/" + pending.session() + "/expire"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Only Checkout"
                            + " Sessions with a status in [\\\"open\\\"] can be expired.\"}}")));
    stripe.stub(
        get(urlPathEqualTo("/v1/checkout/sessions/" + pending.session()))
            .willReturn(
                okJson(
                    StripeStub.session(
                            pending.session(),
                            pending.viewer().customer(),
                            "complete",
                            "paid",
                            intent)
                        .toString())));
    stripe.refunds(intent, id("re_"));

    assertThat(delProduct(pending).status()).isEqualTo(200);

    world.awaitStatus(pending.payment(), "REFUNDED");
    assertThat(stripe.requests("/v1/refunds", intent)).hasSize(1);
    assertThat(
            sql.value(
                    "select reason from billing.refund where payment_id = ?::uuid",
                    pending.payment())
                .toString())
        .startsWith("automatic: money arrived after the payment was canceled (checkout closed");
    assertThat(api.mayWatch(pending.viewer().token(), pending.product().firstMovie())).isFalse();
  }

  @Test
  void aRefundWhoseAnswerIsLostStaysPendingAndIsFoundAgainNotMadeTwice() throws Exception {
    Pending pending = world.pendingCheckout();
    String intent = id("pi_");
    world.deliver(world.paymentSucceeded(pending, intent));
    world.awaitStatus(pending.payment(), "SUCCEEDED");
    // Stripe makes the refund, but its answers to the first three tries come after our 1.5 s
    // read timeout; later tries (with the same key) get Stripe's first answer at once.
    String madeAtStripe = id("re_");
    String slow = "refund answers lost for " + intent;
    for (int attempt = 0; attempt < 3; attempt++) {
      stripe.stub(
          post(urlPathEqualTo("/v1/refunds"))
              .withRequestBody(containing(intent))
              .inScenario(slow)
              .whenScenarioStateIs(attempt == 0 ? STARTED : "late " + attempt)
              .willReturn(okJson(refund(madeAtStripe, intent).toString()).withFixedDelay(4000))
              .willSetStateTo("late " + (attempt + 1)));
    }
    stripe.stub(
        post(urlPathEqualTo("/v1/refunds"))
            .withRequestBody(containing(intent))
            .inScenario(slow)
            .whenScenarioStateIs("late 3")
            .willReturn(okJson(refund(madeAtStripe, intent).toString())));
    stripe.stub(
        get(urlPathEqualTo("/v1/refunds"))
            .withQueryParam("payment_intent", equalTo(intent))
            .willReturn(
                okJson(
                    Json.createObjectBuilder()
                        .add("object", "list")
                        .add("data", Json.createArrayBuilder())
                        .add("has_more", false)
                        .add("url", "/v1/refunds")
                        .build()
                        .toString())));

    Http.Response unanswered = api.cancelPayment(pending.viewer().token(), pending.payment());

    assertThat(unanswered.status()).as(unanswered.toString()).isEqualTo(502);
    assertThat(unanswered.json().getString("error")).isEqualTo("PROVIDER_UNAVAILABLE");
    assertThat(unanswered.json().getString("message")).contains("pending", "asking again is safe");
    String refundId =
        sql.value(
                "select id::text from billing.refund where payment_id = ?::uuid", pending.payment())
            .toString();
    assertThat(sql.value("select status from billing.refund where id = ?::uuid", refundId))
        .as("unknown, not failed")
        .isIn("PENDING", "SUCCEEDED");

    await("the reconciler asks again")
        .atMost(SETTLE)
        .until(
            () -> sql.value("select status from billing.refund where id = ?::uuid", refundId),
            "SUCCEEDED"::equals);
    assertThat(
            sql.value("select provider_refund_id from billing.refund where id = ?::uuid", refundId))
        .isEqualTo(madeAtStripe);
    assertThat(
            sql.value(
                "select count(*) from billing.refund where payment_id = ?::uuid",
                pending.payment()))
        .as("one refund of ours")
        .isEqualTo(1L);
    assertThat(world.statusOf(pending.payment())).isEqualTo("REFUNDED");
    List<LoggedRequest> tries = stripe.requests("/v1/refunds", intent);
    assertThat(tries).hasSizeGreaterThan(3);
    assertThat(tries)
        .as("every try the same refund to Stripe")
        .extracting(r -> r.getHeader("Idempotency-Key"))
        .containsOnly("refund-" + refundId);
    assertThat(stripe.server().findAll(getRequestedFor(urlPathEqualTo("/v1/refunds"))))
        .as("asked again, Stripe's refunds are looked at first")
        .isNotEmpty();
    assertThat(api.mayWatch(pending.viewer().token(), pending.product().firstMovie())).isFalse();
  }

  @Test
  void partRefundsThatStripeReportsBeforeItAnswersAreCountedOnce() throws Exception {
    Pending pending = world.pendingCheckout();
    String intent = id("pi_");
    world.deliver(world.paymentSucceeded(pending, intent));
    world.awaitStatus(pending.payment(), "SUCCEEDED");
    String admin =
        api.login(System.getProperty("it.admin.login"), System.getProperty("it.admin.password"));

    for (long refundedInAll : new long[] {10_000, 20_000}) {
      // Stripe makes the refund and sends charge.refunded before it answers our call.
      stripe.stub(
          post(urlPathEqualTo("/v1/refunds"))
              .withRequestBody(containing(intent))
              .willReturn(okJson(refund(id("re_"), intent).toString()).withFixedDelay(1200)));
      int asked = stripe.requests("/v1/refunds", intent).size();
      ExecutorService caller = Executors.newSingleThreadExecutor();
      Future<Http.Response> refunded =
          caller.submit(
              () ->
                  api.post(
                      "admin/payments/" + pending.payment() + "/refunds",
                      admin,
                      "{\"amount\": 100.00, \"reason\": \"goodwill\"}"));
      await("our refund call at Stripe")
          .atMost(SETTLE)
          .until(() -> stripe.requests("/v1/refunds", intent).size() > asked);
      JsonObject charge =
          Json.createObjectBuilder()
              .add("id", id("ch_"))
              .add("object", "charge")
              .add("payment_intent", intent)
              .add("currency", "rub")
              .add("amount", 29900)
              .add("amount_refunded", refundedInAll)
              .add("refunded", false)
              .build();
      String early = event("charge.refunded", charge, null, pending.viewer());
      world.deliver(early);
      world.awaitProcessed(early);

      Http.Response answer = refunded.get(30, TimeUnit.SECONDS);
      caller.shutdown();
      assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
      assertThat(answer.json().getJsonNumber("refunded_amount").bigDecimalValue())
          .as("after the event that came first and the answer")
          .isEqualByComparingTo(BigDecimal.valueOf(refundedInAll, 2));
    }
    assertThat(world.statusOf(pending.payment())).isEqualTo("PARTIALLY_REFUNDED");
    assertThat(api.mayWatch(pending.viewer().token(), pending.product().firstMovie())).isTrue();
  }

  @Test
  void aDeclinedPaymentStripeLaterReportsPaidIsReconciled() throws Exception {
    Pending pending = world.pendingCheckout();
    String intent = id("pi_");
    JsonObject declined =
        Json.createObjectBuilder(
                StripeStub.intent(
                    intent,
                    "requires_payment_method",
                    pending.viewer().customer(),
                    UUID.fromString(pending.payment()),
                    pending.viewer().account()))
            .add(
                "last_payment_error",
                Json.createObjectBuilder().add("code", "card_declined").add("message", "Declined."))
            .build();
    world.deliver(event("payment_intent.payment_failed", declined, null, pending.viewer()));
    world.awaitStatus(pending.payment(), "FAILED");

    // Paid with another card on the same page; Stripe's event never came.
    stripe.stub(
        get(urlPathEqualTo("/v1/payment_intents/" + intent))
            .willReturn(
                okJson(
                    StripeStub.intent(
                            intent,
                            "succeeded",
                            pending.viewer().customer(),
                            UUID.fromString(pending.payment()),
                            pending.viewer().account())
                        .toString())));

    world.awaitStatus(pending.payment(), "SUCCEEDED");
    assertThat(
            sql.value(
                "select cause from billing.payment_transition where payment_id = ?::uuid"
                    + " and to_status = 'SUCCEEDED'",
                pending.payment()))
        .isEqualTo("reconciler payment_intent.succeeded");
    assertThat(api.mayWatch(pending.viewer().token(), pending.product().firstMovie())).isTrue();
  }

  @Test
  void aSuccessForAnotherAmountIsNotAppliedAndIsFlagged() throws Exception {
    Pending pending = world.pendingCheckout();
    JsonObject tooLittle =
        Json.createObjectBuilder(
                StripeStub.intent(
                    id("pi_"),
                    "succeeded",
                    pending.viewer().customer(),
                    UUID.fromString(pending.payment()),
                    pending.viewer().account()))
            .add("amount", 100)
            .add("amount_received", 100)
            .build();
    String event = event("payment_intent.succeeded", tooLittle, null, pending.viewer());

    world.deliver(event);
    world.awaitProcessed(event);

    assertThat(world.statusOf(pending.payment())).isEqualTo("PENDING");
    assertThat(
            sql.value(
                    "select review_reason from billing.payment where id = ?::uuid",
                    pending.payment())
                .toString())
        .contains("1.00 RUB paid, not 299.00 RUB");
    assertThat(api.mayWatch(pending.viewer().token(), pending.product().firstMovie())).isFalse();
  }

  @Test
  void aDeclinedSavedCardPaidLaterOnItsCheckoutSessionIsReconciledFromTheSession()
      throws Exception {
    BillingCatalog.Product films = new BillingCatalog(sql).product("month", "299.00", 1);
    StripeWorld.Viewer viewer = world.newViewer();
    String declined = id("pi_");
    String session = id("cs_test_");
    String paidWith = id("pi_");
    stripe.existingCustomer(viewer.account(), viewer.customer());
    stripe.savedCard(viewer.customer(), id("pm_"));
    JsonObject declinedIntent =
        Json.createObjectBuilder(
                StripeStub.intent(
                    declined, "requires_payment_method", viewer.customer(), null, viewer.account()))
            .add(
                "last_payment_error",
                Json.createObjectBuilder().add("code", "card_declined").add("message", "Declined."))
            .build();
    stripe.stub(stripe.declinedOffSessionCharge(viewer.account(), declinedIntent));
    stripe.stub(stripe.checkoutSession(viewer.account(), session, viewer.customer()));
    Http.Response added = api.addProduct(viewer.token(), films.id());
    assertThat(added.json().getString("payment_status")).isEqualTo("FAILED");
    String payment = added.json().getString("payment_id");
    stripe.stub(
        get(urlPathEqualTo("/v1/payment_intents/" + declined))
            .willReturn(okJson(declinedIntent.toString())));

    // Paid on the session with another card (a PaymentIntent of its own); the event is lost.
    stripe.stub(
        get(urlPathEqualTo("/v1/checkout/sessions/" + session))
            .willReturn(
                okJson(
                    StripeStub.session(session, viewer.customer(), "complete", "paid", paidWith)
                        .toString())));

    world.awaitStatus(payment, "SUCCEEDED");
    assertThat(
            sql.value("select provider_intent_id from billing.payment where id = ?::uuid", payment))
        .isEqualTo(paidWith);
    assertThat(api.mayWatch(viewer.token(), films.firstMovie())).isTrue();
  }

  @Test
  void aRefundStripeHoldsPendingStaysPendingUntilStripeSucceedsIt() throws Exception {
    Pending pending = world.pendingCheckout();
    String intent = id("pi_");
    world.deliver(world.paymentSucceeded(pending, intent));
    world.awaitStatus(pending.payment(), "SUCCEEDED");
    String atStripe = id("re_");
    stripe.stub(
        post(urlPathEqualTo("/v1/refunds"))
            .withRequestBody(containing(intent))
            .willReturn(okJson(refund(atStripe, intent, "pending", null).toString())));

    Http.Response held = api.cancelPayment(pending.viewer().token(), pending.payment());

    assertThat(held.status()).as(held.toString()).isEqualTo(502);
    assertThat(held.json().getString("message")).contains("pending");
    String refundId =
        sql.value(
                "select id::text from billing.refund where payment_id = ?::uuid", pending.payment())
            .toString();
    assertThat(sql.value("select status from billing.refund where id = ?::uuid", refundId))
        .isEqualTo("PENDING");
    assertThat(api.mayWatch(pending.viewer().token(), pending.product().firstMovie()))
        .as("nothing given back yet")
        .isTrue();

    stripe.stub(
        get(urlPathEqualTo("/v1/refunds"))
            .withQueryParam("payment_intent", equalTo(intent))
            .willReturn(
                okJson(
                    Json.createObjectBuilder()
                        .add("object", "list")
                        .add(
                            "data",
                            Json.createArrayBuilder()
                                .add(refund(atStripe, intent, "succeeded", refundId)))
                        .add("has_more", false)
                        .add("url", "/v1/refunds")
                        .build()
                        .toString())));

    await("the reconciler finds the refund succeeded at Stripe")
        .atMost(SETTLE)
        .until(
            () -> sql.value("select status from billing.refund where id = ?::uuid", refundId),
            "SUCCEEDED"::equals);
    assertThat(world.statusOf(pending.payment())).isEqualTo("REFUNDED");
    assertThat(stripe.requests("/v1/refunds", intent))
        .as("found among Stripe's refunds by our id, not made again")
        .hasSize(1);
    assertThat(api.mayWatch(pending.viewer().token(), pending.product().firstMovie())).isFalse();
  }

  private Http.Response delProduct(Pending pending) {
    return api.send(
        "DELETE",
        "billing/del-product",
        pending.viewer().token(),
        Json.createObjectBuilder().add("id", pending.product().id().toString()).build().toString());
  }

  private static JsonObject refund(String id, String intent) {
    return refund(id, intent, "succeeded", null);
  }

  /** A Stripe Refund; {@code ourRefundId} (when given) in its metadata, as we create them. */
  private static JsonObject refund(String id, String intent, String status, String ourRefundId) {
    JsonObjectBuilder refund =
        Json.createObjectBuilder()
            .add("id", id)
            .add("object", "refund")
            .add("payment_intent", intent)
            .add("status", status)
            .add("currency", "rub")
            .add("amount", 29900);
    if (ourRefundId != null) {
      refund.add("metadata", Json.createObjectBuilder().add("refund_id", ourRefundId));
    }
    return refund.build();
  }
}
