package org.cinema.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The Stripe side of a test against billing-web with {@code PAYMENT_PROVIDER=stripe}: viewers who
 * are Stripe customers of the stub, checkouts opened through it, and webhook events signed with the
 * endpoint's secret exactly as Stripe sends them.
 */
public final class StripeWorld {

  private static final Duration SETTLE = Duration.ofSeconds(30);

  private final BillingClient api;
  private final Sql sql;
  private final BillingCatalog catalog;
  private final StripeStub stripe;

  public StripeWorld(BillingClient api, Sql sql, StripeStub stripe) {
    this.api = api;
    this.sql = sql;
    this.catalog = new BillingCatalog(sql);
    this.stripe = stripe;
  }

  /** A viewer and the Stripe customer they are (or will be). */
  public record Viewer(String token, UUID account, String customer) {
    public String accountText() {
      return account.toString();
    }
  }

  /** A viewer subscribed to {@code product} through a Checkout Session, not paid yet. */
  public record Pending(
      Viewer viewer, String payment, String session, BillingCatalog.Product product) {}

  public Viewer newViewer() {
    String token = api.newViewer();
    return new Viewer(token, BillingClient.accountOf(token), id("cus_"));
  }

  /** A new viewer subscribed to a new 299.00 RUB product through a Checkout Session. */
  public Pending pendingCheckout() throws SQLException {
    BillingCatalog.Product films = catalog.product("month", "299.00", 1);
    Viewer viewer = newViewer();
    String session = id("cs_test_");
    stripe.newCustomer(viewer.account(), viewer.customer());
    stripe.stub(stripe.checkoutSession(viewer.account(), session, viewer.customer()));
    Http.Response added = api.addProduct(viewer.token(), films.id());
    assertThat(added.status()).as("add-product: %s", added).isEqualTo(201);
    return new Pending(viewer, added.json().getString("payment_id"), session, films);
  }

  /** A payment_intent.succeeded of the pending checkout's payment (299.00 RUB). */
  public String paymentSucceeded(Pending pending, String intent) {
    return event(
        "payment_intent.succeeded",
        StripeStub.intent(
            intent,
            "succeeded",
            pending.viewer().customer(),
            UUID.fromString(pending.payment()),
            pending.viewer().account()),
        null,
        pending.viewer());
  }

  public static String event(String type, JsonObject object, String payment, Viewer viewer) {
    return event(type, object, payment, viewer, "2025-08-27.basil");
  }

  /** A Stripe event; {@code payment} (when given) goes into the object's metadata. */
  public static String event(
      String type, JsonObject object, String payment, Viewer viewer, String apiVersion) {
    JsonObject data =
        payment == null
            ? object
            : Json.createObjectBuilder(object)
                .add(
                    "metadata",
                    StripeStub.metadata(UUID.fromString(payment), viewer.account()).build())
                .build();
    return Json.createObjectBuilder()
        .add("id", id("evt_"))
        .add("object", "event")
        .add("api_version", apiVersion)
        .add("created", Instant.now().getEpochSecond())
        .add("type", type)
        .add("livemode", false)
        .add("pending_webhooks", 1)
        .add("data", Json.createObjectBuilder().add("object", data))
        .build()
        .toString();
  }

  public Http.Response deliver(String payload) {
    return deliver(payload, StripeSignature.sign(payload, secret(), Instant.now()));
  }

  public Http.Response deliver(String payload, String signature) {
    return api.postWebhook(payload, signature);
  }

  public void awaitStatus(String payment, String status) {
    await()
        .atMost(SETTLE)
        .untilAsserted(
            () -> assertThat(statusOf(payment)).as("payment " + payment).isEqualTo(status));
  }

  public void awaitProcessed(String payload) {
    await()
        .atMost(SETTLE)
        .untilAsserted(
            () ->
                assertThat(
                        sql.value(
                            "select processed_at is not null from billing.webhook_event"
                                + " where payload = ?",
                            payload))
                    .isEqualTo(true));
  }

  public String statusOf(String payment) throws SQLException {
    return sql.value("select status from billing.payment where id = ?::uuid", payment).toString();
  }

  public long transitionsTo(String payment, String status) throws SQLException {
    return (Long)
        sql.value(
            "select count(*) from billing.payment_transition where payment_id = ?::uuid"
                + " and to_status = ?",
            payment,
            status);
  }

  public static LoggedRequest only(List<LoggedRequest> requests) {
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  public static String secret() {
    return System.getProperty("it.stripe.webhook.secret");
  }

  public static String id(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
  }
}
