package org.cinema.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cinema.common.security.PemKeys;
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
 * The viewer API of billing-web.war over HTTP, with the offline sandbox provider: the original
 * integration scenario, then each way it can go wrong. Payments go through the sandbox's checkout
 * page and reach us as signed webhook events, exactly as in a real run.
 */
class ViewerApiIT {

  private static final Duration WEBHOOK_WAIT = Duration.ofSeconds(30);

  private final Sql sql = new Sql(TestDatabase.dataSource(TestDatabase.BILLING));
  private final BillingCatalog catalog = new BillingCatalog(sql);

  private final URL base = SharedMicro.SANDBOX.base();

  private BillingClient api;

  @BeforeEach
  void client() throws Exception {
    api = new BillingClient(base.toURI());
  }

  @Test
  void viewerJourneyFromRegistrationToRefund() throws Exception {
    BillingCatalog.Product films = catalog.product("month", "299.00", 2);
    UUID movie = films.firstMovie();
    String token = api.newViewer();

    JsonObject listed = productIn(api.get("billing/products", token), films.id());
    assertThat(listed.getString("name")).isEqualTo(films.name());
    assertThat(listed.getJsonNumber("price").bigDecimalValue()).isEqualByComparingTo("299.00");
    assertThat(listed.getString("duration")).isEqualTo("month");
    assertThat(listed.getJsonArray("movies")).hasSize(2);
    assertThat(api.mayWatch(token, movie)).as("before subscribing").isFalse();

    Http.Response added = api.addProduct(token, films.id());
    assertThat(added.status()).as("add-product: %s", added).isEqualTo(201);
    assertThat(added.json().getString("id")).isEqualTo(films.id().toString());
    String url = added.json().getString("url");
    assertThat(url).contains("/api/v1/sandbox/checkout/");
    assertThat(api.mayWatch(token, movie)).as("subscribed, not paid").isFalse();

    Http.Response paid = api.payOnCheckout(url, "4242 4242 4242 4242");
    assertThat(paid.status()).as("pay: %s", paid).isEqualTo(200);
    JsonObject payment = awaitNewestPayment(token, p -> p.containsKey("pay_date"));
    assertThat(payment.getString("status")).isEqualTo("SUCCEEDED");
    assertThat(payment.getJsonNumber("amount").bigDecimalValue()).isEqualByComparingTo("299.00");
    assertThat(payment.getString("description")).startsWith(films.name());
    assertThat(api.mayWatch(token, movie)).as("paid").isTrue();
    assertThat(api.mayWatch(token, catalog.movieOutsideEveryProduct()))
        .as("a movie the product does not contain")
        .isFalse();

    Http.Response refunded = api.cancelPayment(token, payment.getString("id"));
    assertThat(refunded.status()).as("cancel-payment: %s", refunded).isEqualTo(200);
    assertThat(refunded.json().getString("status")).isEqualTo("REFUNDED");
    assertThat(api.mayWatch(token, movie)).as("refunded: access ends at once").isFalse();
    assertThat(
            sql.value(
                "select status from billing.subscription where id = ?::uuid",
                added.json().getString("subscription_id")))
        .isEqualTo("CANCELED");
    assertThat(
            sql.value(
                "select count(*) from billing.refund where payment_id = ?::uuid"
                    + " and status = 'SUCCEEDED' and amount = 299.00",
                payment.getString("id")))
        .isEqualTo(1L);
  }

  @Test
  void aDeclinedCardLeavesTheSubscriptionUnpaidWithTheReasonAndAnotherCardCanStillPay()
      throws Exception {
    BillingCatalog.Product product = catalog.product("day", "49.00", 1);
    String token = api.newViewer();
    String url = api.addProduct(token, product.id()).json().getString("url");

    api.payOnCheckout(url, "4000 0000 0000 0002");
    JsonObject declined = awaitNewestPayment(token, p -> "FAILED".equals(p.getString("status")));
    assertThat(declined.getString("failure_code")).isEqualTo("generic_decline");
    assertThat(declined.containsKey("pay_date")).isFalse();
    assertThat(api.mayWatch(token, product.firstMovie())).isFalse();

    Http.Response again = api.addProduct(token, product.id());
    assertThat(again.status()).as("unpaid subscription found again: %s", again).isEqualTo(200);
    assertThat(again.json().getString("url")).isEqualTo(url);

    api.payOnCheckout(url, "4242424242424242");
    awaitNewestPayment(token, p -> "SUCCEEDED".equals(p.getString("status")));
    assertThat(api.mayWatch(token, product.firstMovie())).isTrue();
    assertThat(
            sql.value(
                "select count(*) from billing.payment where id = ?::uuid",
                declined.getString("id")))
        .as("the same payment, not a second charge")
        .isEqualTo(1L);
  }

  @Test
  void insufficientFundsIsRecordedAsSuch() throws Exception {
    BillingCatalog.Product product = catalog.product("month", "299.00", 1);
    String token = api.newViewer();
    api.payOnCheckout(
        api.addProduct(token, product.id()).json().getString("url"), "4000 0000 0000 9995");

    JsonObject payment = awaitNewestPayment(token, p -> "FAILED".equals(p.getString("status")));
    assertThat(payment.getString("failure_code")).isEqualTo("insufficient_funds");
    assertThat(payment.getString("failure_message")).contains("insufficient funds");
  }

  @Test
  void subscribingAgainToAPaidProductIsAConflict() throws Exception {
    BillingCatalog.Product product = catalog.product("month", "299.00", 1);
    String token = viewerWhoPaidFor(product).token();

    Http.Response again = api.addProduct(token, product.id());

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().getString("error")).isEqualTo("ALREADY_SUBSCRIBED");
  }

  @Test
  void aRepeatedWebhookDeliveryIsStoredOnceAndAppliedOnce() throws Exception {
    BillingCatalog.Product product = catalog.product("month", "299.00", 1);
    String token = api.newViewer();
    String paymentId = api.addProduct(token, product.id()).json().getString("payment_id");
    String event = ProviderEvents.checkoutCompleted(paymentId);
    String signature = StripeSignature.sign(event, webhookSecret(), Instant.now());

    List<Http.Response> deliveries = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      deliveries.add(api.postWebhook(event, signature));
    }

    assertThat(deliveries).extracting(Http.Response::status).containsOnly(200);
    assertThat(deliveries.get(4).json().getBoolean("duplicate")).isTrue();
    awaitNewestPayment(token, p -> "SUCCEEDED".equals(p.getString("status")));
    assertThat(sql.value("select count(*) from billing.webhook_event where payload = ?", event))
        .isEqualTo(1L);
    assertThat(
            sql.value(
                "select count(*) from billing.payment_transition"
                    + " where payment_id = ?::uuid and to_status = 'SUCCEEDED'",
                paymentId))
        .isEqualTo(1L);
  }

  @Test
  void aLateFailureAfterSuccessChangesNothing() throws Exception {
    BillingCatalog.Product product = catalog.product("month", "299.00", 1);
    String token = api.newViewer();
    String paymentId = api.addProduct(token, product.id()).json().getString("payment_id");
    String success = ProviderEvents.checkoutCompleted(paymentId);
    api.postWebhook(success, StripeSignature.sign(success, webhookSecret(), Instant.now()));
    awaitNewestPayment(token, p -> "SUCCEEDED".equals(p.getString("status")));

    String failure = ProviderEvents.paymentFailed(paymentId);
    api.postWebhook(failure, StripeSignature.sign(failure, webhookSecret(), Instant.now()));
    await()
        .atMost(WEBHOOK_WAIT)
        .until(
            () ->
                (Boolean)
                    sql.value(
                        "select processed_at is not null from billing.webhook_event"
                            + " where payload = ?",
                        failure));

    assertThat(api.mayWatch(token, product.firstMovie())).isTrue();
    assertThat(sql.value("select status from billing.payment where id = ?::uuid", paymentId))
        .isEqualTo("SUCCEEDED");
  }

  @Test
  void aBadSignatureIsRefusedAndChangesNothing() throws Exception {
    BillingCatalog.Product product = catalog.product("month", "299.00", 1);
    String token = api.newViewer();
    String paymentId = api.addProduct(token, product.id()).json().getString("payment_id");
    String event = ProviderEvents.checkoutCompleted(paymentId);

    Http.Response forged =
        api.postWebhook(event, StripeSignature.sign(event, "whsec_not_ours", Instant.now()));
    Http.Response stale =
        api.postWebhook(
            event,
            StripeSignature.sign(event, webhookSecret(), Instant.now().minus(Duration.ofHours(1))));
    Http.Response unsigned = api.postWebhook(event, null);

    for (Http.Response response : List.of(forged, stale, unsigned)) {
      assertThat(response.status()).as(response.toString()).isEqualTo(400);
      assertThat(response.json().getString("error")).isEqualTo("INVALID_SIGNATURE");
    }
    assertThat(sql.value("select count(*) from billing.webhook_event where payload = ?", event))
        .isEqualTo(0L);
    assertThat(sql.value("select status from billing.payment where id = ?::uuid", paymentId))
        .isEqualTo("PENDING");
  }

  @Test
  void aViewerCannotSeeOrTouchAnotherViewersPayment() throws Exception {
    BillingCatalog.Product product = catalog.product("month", "299.00", 1);
    Paid owner = viewerWhoPaidFor(product);
    String paymentId = owner.paymentId();
    String stranger = api.newViewer();

    Http.Response refund = api.cancelPayment(stranger, paymentId);

    assertThat(refund.status()).isEqualTo(404);
    assertThat(refund.json().getString("error")).isEqualTo("PAYMENT_NOT_FOUND");
    assertThat(api.statement(stranger).json().getJsonArray("items")).isEmpty();
    assertThat(api.mayWatch(owner.token(), product.firstMovie())).isTrue();
  }

  @Test
  void refundingAPaymentThatWasNotMadeIsAConflict() throws Exception {
    BillingCatalog.Product product = catalog.product("month", "299.00", 1);
    String token = api.newViewer();
    String paymentId = api.addProduct(token, product.id()).json().getString("payment_id");

    Http.Response refund = api.cancelPayment(token, paymentId);

    assertThat(refund.status()).isEqualTo(409);
    assertThat(refund.json().getString("error")).isEqualTo("PAYMENT_NOT_REFUNDABLE");
  }

  @Test
  void concurrentDuplicateSubscribesMakeOneCharge() throws Exception {
    BillingCatalog.Product product = catalog.product("month", "299.00", 1);
    String token = api.newViewer();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Callable<Http.Response>> requests = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      requests.add(() -> api.addProduct(token, product.id()));
    }
    List<Http.Response> responses = new ArrayList<>();
    for (Future<Http.Response> future : pool.invokeAll(requests)) {
      responses.add(future.get());
    }
    pool.shutdown();

    assertThat(responses).extracting(Http.Response::status).containsOnly(200, 201);
    assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(1);
    Set<String> payments =
        responses.stream().map(r -> r.json().getString("payment_id")).collect(Collectors.toSet());
    assertThat(payments).hasSize(1);
    String account = accountOf(payments.iterator().next());
    assertThat(
            sql.value(
                "select count(*) from billing.subscription where account_id = ?::uuid", account))
        .isEqualTo(1L);
    assertThat(
            sql.value("select count(*) from billing.invoice where account_id = ?::uuid", account))
        .isEqualTo(1L);
    assertThat(
            sql.value("select count(*) from billing.payment where account_id = ?::uuid", account))
        .isEqualTo(1L);
  }

  @Test
  void anIdempotencyKeyReplaysTheFirstResponseAndRefusesAnotherRequest() throws Exception {
    BillingCatalog.Product first = catalog.product("month", "299.00", 1);
    BillingCatalog.Product second = catalog.product("day", "49.00", 1);
    String token = api.newViewer();
    String key = UUID.randomUUID().toString();

    Http.Response original = api.addProduct(token, first.id(), "Idempotency-Key", key);
    Http.Response replay = api.addProduct(token, first.id(), "Idempotency-Key", key);
    Http.Response other = api.addProduct(token, second.id(), "Idempotency-Key", key);

    assertThat(original.status()).isEqualTo(201);
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.json()).isEqualTo(original.json());
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.json().getString("error")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(
            sql.value(
                "select count(*) from billing.subscription where account_id = ?::uuid",
                accountOf(original.json().getString("payment_id"))))
        .isEqualTo(1L);
  }

  @Test
  void delProductKeepsAccessToTheEndOfThePaidPeriod() throws Exception {
    BillingCatalog.Product product = catalog.product("month", "299.00", 1);
    String token = viewerWhoPaidFor(product).token();

    Http.Response canceled =
        api.send(
            "DELETE",
            "billing/del-product",
            token,
            Json.createObjectBuilder().add("id", product.id().toString()).build().toString());

    assertThat(canceled.status()).as(canceled.toString()).isEqualTo(200);
    assertThat(canceled.json().getBoolean("cancel_at_period_end")).isTrue();
    assertThat(canceled.json().getString("status")).isEqualTo("ACTIVE");
    assertThat(api.mayWatch(token, product.firstMovie())).isTrue();
    JsonObject mine = api.get("me/subscriptions", token).json();
    assertThat(mine.getInt("total")).isEqualTo(1);
    assertThat(mine.getJsonArray("items").getJsonObject(0).getBoolean("cancel_at_period_end"))
        .isTrue();
    assertThat(
            api.get("me/invoices", token)
                .json()
                .getJsonArray("items")
                .getJsonObject(0)
                .getString("status"))
        .isEqualTo("PAID");
  }

  @Test
  void aViewerPicksTheLanguageOfWhatIsSentElseTheBrowserDoes() throws Exception {
    String refused = BillingClient.freshLogin();
    Http.Response german =
        api.register(BillingClient.registration(refused).add("language", "de").build());
    assertThat(german.status()).as("language de: %s", german).isEqualTo(400);
    assertThat(german.json().getString("error")).isEqualTo("INVALID_INPUT");
    assertThat(german.json().getJsonArray("details").getString(0))
        .isEqualTo("language: must be en or ru");
    assertThat(sql.value("select count(*) from billing.account where login = ?", refused))
        .isEqualTo(0L);

    record Case(String language, String acceptLanguage, String stored) {}
    for (Case c :
        List.of(
            new Case("ru", "en-US,en;q=0.9", "ru"),
            new Case("en", "ru-RU", "en"),
            new Case(null, "ru-RU,ru;q=0.9,en;q=0.5", "ru"),
            new Case(null, "en-GB,ru;q=0.5", "en"),
            new Case(null, "de-DE", "en"),
            new Case(null, null, "en"))) {
      String login = BillingClient.freshLogin();
      var body = BillingClient.registration(login);
      if (c.language() != null) {
        body.add("language", c.language());
      }
      Http.Response registered =
          c.acceptLanguage() == null
              ? api.register(body.build())
              : api.register(body.build(), "Accept-Language", c.acceptLanguage());
      assertThat(registered.status()).as("%s: %s", c, registered).isEqualTo(200);
      assertThat(sql.value("select language from billing.account where login = ?", login))
          .as("%s", c)
          .isEqualTo(c.stored());
    }
  }

  @Test
  void malformedRequestsGetA4xxInTheErrorShapeNeverA500() throws Exception {
    String token = api.newViewer();
    record Case(String name, Http.Response response, int status) {}
    List<Case> cases =
        List.of(
            new Case(
                "short password",
                api.post(
                    "content/register",
                    null,
                    "{\"login\":\"shorty\",\"password\":\"123\",\"email\":\"s@example.org\"}"),
                400),
            new Case("not JSON", api.post("content/register", null, "{login"), 400),
            new Case("no body", api.post("content/login", null, ""), 400),
            new Case("check-rights bad UUID", api.post("content/check-rights/42", token, ""), 400),
            new Case(
                "check-rights unknown movie",
                api.post("content/check-rights/" + UUID.randomUUID(), token, ""),
                404),
            new Case("no such date", api.get("billing/payments/2024-02-30/2024-03-01", token), 400),
            new Case("not a date", api.get("billing/payments/yesterday/2024-03-01", token), 400),
            new Case(
                "page not a number",
                api.get("billing/payments/2024-01-01/2024-03-01?page=abc", token),
                400),
            new Case("add-product bad UUID", api.addProduct(token, null), 400),
            new Case(
                "add-product unknown product",
                api.post("billing/add-product/" + UUID.randomUUID(), token, ""),
                404),
            new Case(
                "del-product without body",
                api.send("DELETE", "billing/del-product", token, "{}"),
                400),
            new Case("cancel-payment bad UUID", api.cancelPayment(token, "x"), 400),
            new Case("no token", api.get("billing/products", null), 401),
            new Case(
                "check-rights without a token",
                api.post("content/check-rights/" + UUID.randomUUID(), null, ""),
                401),
            new Case(
                "wrong password",
                api.post("content/login", null, "{\"login\":\"nobody\",\"password\":\"whatever\"}"),
                401),
            new Case("admin endpoint as a viewer", api.get("admin/customers", token), 403));
    for (Case c : cases) {
      assertThat(c.response().status()).as("%s: %s", c.name(), c.response()).isEqualTo(c.status());
      assertThat(c.response().json().getString("error")).as(c.name()).isNotBlank();
      assertThat(c.response().json().getString("message")).as(c.name()).isNotBlank();
    }
    Http.Response invalid = cases.get(0).response();
    assertThat(invalid.json().getJsonArray("details").toString()).contains("password");
  }

  @Test
  void tamperedOrExpiredTokensAre401() throws Exception {
    String token = api.newViewer();
    String[] parts = token.split("\\.");
    String tampered = parts[0] + "." + parts[1] + "x." + parts[2];
    String expired = expiredTokenFor(token);

    for (String bad : List.of(tampered, expired, "not-a-jwt")) {
      for (Http.Response response :
          List.of(
              api.get("billing/products", bad),
              api.post("content/check-rights/" + UUID.randomUUID(), bad, ""))) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.json().getString("error")).isNotBlank();
      }
    }
    assertThat(api.get("billing/products", token).status()).isEqualTo(200);
  }

  @Test
  void checkRightsWantsTheViewerRole() throws Exception {
    BillingCatalog.Product product = catalog.product("month", "299.00", 1);
    String viewer = viewerWhoPaidFor(product).token();
    assertThat(api.mayWatch(viewer, product.firstMovie())).as("with the role").isTrue();
    String noRole = signedLike(viewer, claims -> claims.claim("groups", List.of("auditor")));

    Http.Response refused = api.post("content/check-rights/" + product.firstMovie(), noRole, "");

    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(refused.json().getString("error")).isEqualTo("FORBIDDEN");
    assertThat(api.mayWatch(viewer, product.firstMovie())).isTrue();
  }

  @Test
  void openApiDocumentDescribesEveryOperation() throws Exception {
    URI root = base.toURI().resolve("/");
    Http.Response document =
        Http.send(
            HttpRequest.newBuilder(root.resolve("openapi")).header("Accept", "application/json"));
    assertThat(document.status()).as(document.toString()).isEqualTo(200);
    JsonObject paths = document.json().getJsonObject("paths");
    JsonObject sharedResponses =
        document.json().getJsonObject("components").getJsonObject("responses");
    List<String> problems = new ArrayList<>();
    paths.forEach(
        (path, item) ->
            item.asJsonObject()
                .forEach(
                    (method, value) ->
                        problems.addAll(
                            operationProblems(
                                method + " " + path, value.asJsonObject(), sharedResponses))));
    assertThat(problems).isEmpty();
    assertThat(paths.keySet())
        .contains(
            "/api/v1/content/register",
            "/api/v1/content/check-rights/{movie_id}",
            "/api/v1/billing/add-product/{product_id}",
            "/api/v1/billing/payments/{from}/{to}",
            "/api/v1/billing/cancel-payment/{payment_id}",
            "/api/v1/billing/webhook",
            "/api/v1/me/subscriptions",
            "/api/v1/admin/payments");
    for (String[] idempotent :
        List.of(
            new String[] {"/api/v1/content/register", "post"},
            new String[] {"/api/v1/billing/add-product/{product_id}", "post"},
            new String[] {"/api/v1/billing/del-product", "delete"},
            new String[] {"/api/v1/billing/cancel-payment/{payment_id}", "delete"},
            new String[] {"/api/v1/admin/payments/{payment_id}/refunds", "post"})) {
      JsonObject operation = paths.getJsonObject(idempotent[0]).getJsonObject(idempotent[1]);
      assertThat(operation.getJsonObject("responses").keySet()).as(idempotent[0]).contains("422");
      assertThat(operation.getJsonArray("parameters").getValuesAs(JsonObject.class))
          .as(idempotent[0])
          .anyMatch(
              p ->
                  "Idempotency-Key".equals(p.getString("name"))
                      && "header".equals(p.getString("in")));
    }
    JsonObject movie =
        paths
            .getJsonObject("/api/v1/content/check-rights/{movie_id}")
            .getJsonObject("post")
            .getJsonArray("parameters")
            .getJsonObject(0);
    assertThat(movie.getBoolean("required")).isTrue();
    assertThat(movie.getJsonObject("schema").getString("pattern")).startsWith("[0-9a-fA-F]{8}-");
    JsonObject schemas = document.json().getJsonObject("components").getJsonObject("schemas");
    assertThat(schemas.keySet())
        .contains("Error", "TokenResponse", "RightsResponse", "PaymentResponse");
    assertThat(schemas.getJsonObject("TokenResponse").getJsonObject("properties").keySet())
        .as("the JSON names, not the Java ones")
        .containsExactlyInAnyOrder("access_token", "token_type", "expires_in");
    JsonObject payment = schemas.getJsonObject("PaymentResponse").getJsonObject("properties");
    assertThat(payment.keySet()).contains("id", "refunded_amount", "pay_date");
    for (String field : List.of("id", "pay_date")) {
      JsonObject type = payment.getJsonObject(field);
      if (type.containsKey("$ref")) {
        type = schemas.getJsonObject(type.getString("$ref").replace("#/components/schemas/", ""));
      }
      assertThat(type.getString("type")).as(field).isEqualTo("string");
    }

    URI swaggerUiPage = base.toURI().resolve("api/openapi");
    Http.Response swaggerUi = Http.get(swaggerUiPage);
    assertThat(swaggerUi.status()).as(swaggerUi.toString()).isEqualTo(200);
    assertThat(swaggerUi.body()).contains("swagger-ui", "/openapi");
    Matcher bundle =
        Pattern.compile("src=\"([^\"]*swagger-ui-bundle\\.js)\"").matcher(swaggerUi.body());
    assertThat(bundle.find()).as(swaggerUi.body()).isTrue();
    assertThat(Http.get(swaggerUiPage.resolve(bundle.group(1))).status()).isEqualTo(200);
  }

  /**
   * What a client generator would miss in one operation: a summary; for the JSON API (not the
   * sandbox's and checkout's HTML pages), a success response with its schema (but 204, which has no
   * body), every 4xx answered in the Error shape, and 401 where a token is required.
   */
  private static List<String> operationProblems(
      String name, JsonObject operation, JsonObject sharedResponses) {
    List<String> problems = new ArrayList<>();
    if (operation.getString("summary", "").isBlank()) {
      problems.add(name + ": no summary");
    }
    if (name.contains("/api/v1/sandbox/") || name.contains("/api/v1/checkout/")) {
      return problems;
    }
    JsonObject responses = operation.getJsonObject("responses");
    responses.forEach(
        (code, response) -> {
          JsonObject schema = schemaOf(resolved(response.asJsonObject(), sharedResponses));
          if (code.startsWith("2") && !code.equals("204") && schema == null) {
            problems.add(name + ": " + code + " has no schema");
          }
          if (code.startsWith("4")
              && (schema == null || !schema.getString("$ref", "").endsWith("/Error"))) {
            problems.add(name + ": " + code + " is not in the Error shape");
          }
        });
    if (responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
      problems.add(name + ": no success response, only " + responses.keySet());
    }
    if (operation.containsKey("security") && !responses.containsKey("401")) {
      problems.add(name + ": takes a token but says nothing of 401");
    }
    return problems;
  }

  /** A response, or the shared one it refers to ({@code #/components/responses/NAME}). */
  private static JsonObject resolved(JsonObject response, JsonObject sharedResponses) {
    String ref = response.getString("$ref", null);
    if (ref == null) {
      return response;
    }
    JsonObject shared = sharedResponses.getJsonObject(ref.replace("#/components/responses/", ""));
    assertThat(shared).as("shared response %s", ref).isNotNull();
    return shared;
  }

  private static JsonObject schemaOf(JsonObject response) {
    JsonObject content = response.getJsonObject("content");
    if (content == null || content.isEmpty()) {
      return null;
    }
    JsonObject media = content.values().iterator().next().asJsonObject();
    return media.getJsonObject("schema");
  }

  @Test
  void administratorsListBillingDataAndRefundInPart() throws Exception {
    BillingCatalog.Product product = catalog.product("month", "299.00", 1);
    Paid paid = viewerWhoPaidFor(product);
    String viewer = paid.token();
    String paymentId = paid.paymentId();
    String account = accountOf(paymentId);
    String admin =
        api.login(System.getProperty("it.admin.login"), System.getProperty("it.admin.password"));

    JsonObject payments =
        api.get("admin/payments?customer=" + account + "&status=succeeded", admin).json();
    assertThat(payments.getInt("total")).isEqualTo(1);
    assertThat(
            api.get("admin/subscriptions?customer=" + account + "&status=ACTIVE", admin)
                .json()
                .getInt("total"))
        .isEqualTo(1);
    assertThat(api.get("admin/invoices?customer=" + account, admin).json().getInt("total"))
        .isEqualTo(1);
    assertThat(api.get("admin/customers?q=viewer-", admin).json().getInt("total")).isPositive();

    Http.Response partial =
        api.post(
            "admin/payments/" + paymentId + "/refunds",
            admin,
            "{\"amount\": 100.00, \"reason\": \"goodwill\"}");
    assertThat(partial.status()).as(partial.toString()).isEqualTo(200);
    assertThat(partial.json().getString("status")).isEqualTo("PARTIALLY_REFUNDED");
    assertThat(partial.json().getJsonNumber("refunded_amount").bigDecimalValue())
        .isEqualByComparingTo("100.00");
    assertThat(api.mayWatch(viewer, product.firstMovie()))
        .as("a part refund keeps access")
        .isTrue();

    Http.Response tooMuch =
        api.post(
            "admin/payments/" + paymentId + "/refunds",
            admin,
            "{\"amount\": 250.00, \"reason\": \"too much\"}");
    assertThat(tooMuch.status()).isEqualTo(422);

    assertThat(api.get("admin/payments/" + paymentId + "/history", admin).jsonArray())
        .extracting(v -> v.asJsonObject().getString("to"))
        .containsExactly("CREATED", "PENDING", "SUCCEEDED", "PARTIALLY_REFUNDED");
  }

  @Test
  void accessAnswersFollowChangesMadeElsewhere() throws Exception {
    BillingCatalog.Product films = catalog.product("month", "99.00", 2);
    UUID first = films.movies().get(0);
    UUID second = films.movies().get(1);
    String token = api.newViewer();
    Http.Response added = api.addProduct(token, films.id());
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    api.payOnCheckout(added.json().getString("url"), "4242 4242 4242 4242");
    await("paid").atMost(WEBHOOK_WAIT).until(() -> api.mayWatch(token, first));
    assertThat(api.mayWatch(token, second)).isTrue();

    // The ETL, in its own process, takes the first movie out of the product.
    sql.update(
        "update billing.product_movie set deleted_at = now()"
            + " where product_id = ?::uuid and movie_id = ?::uuid",
        films.id().toString(),
        first.toString());
    await("the catalog change")
        .atMost(Duration.ofSeconds(5))
        .until(() -> !api.mayWatch(token, first));
    assertThat(api.mayWatch(token, second)).isTrue();

    // Another instance of the application ends the subscription.
    sql.update(
        "update billing.subscription set status = 'CANCELED' where id = ?::uuid",
        added.json().getString("subscription_id"));
    await("the subscription change")
        .atMost(Duration.ofSeconds(5))
        .until(() -> !api.mayWatch(token, second));
  }

  /** A viewer's token and the payment they made. */
  private record Paid(String token, String paymentId) {}

  /** A new viewer who subscribed to {@code product} and paid with the card that succeeds. */
  private Paid viewerWhoPaidFor(BillingCatalog.Product product) {
    String token = api.newViewer();
    api.payOnCheckout(
        api.addProduct(token, product.id()).json().getString("url"), "4242424242424242");
    JsonObject payment = awaitNewestPayment(token, p -> "SUCCEEDED".equals(p.getString("status")));
    return new Paid(token, payment.getString("id"));
  }

  private JsonObject awaitNewestPayment(
      String token, java.util.function.Predicate<JsonObject> condition) {
    return await("the newest payment in the statement")
        .atMost(WEBHOOK_WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              var items = api.statement(token).json().getJsonArray("items");
              return items.isEmpty() ? null : items.getJsonObject(0);
            },
            payment -> payment != null && condition.test(payment));
  }

  private JsonObject productIn(Http.Response products, UUID id) {
    assertThat(products.status()).as(products.toString()).isEqualTo(200);
    return products.jsonArray().getValuesAs(JsonObject.class).stream()
        .filter(p -> p.getString("id").equals(id.toString()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("product " + id + " not listed: " + products));
  }

  private String accountOf(String paymentId) throws Exception {
    return sql.value("select account_id::text from billing.payment where id = ?::uuid", paymentId)
        .toString();
  }

  private static String webhookSecret() {
    return System.getProperty("it.webhook.secret");
  }

  /** A token with the same subject, signed with the real key, that expired an hour ago. */
  private static String expiredTokenFor(String token) throws Exception {
    return signedLike(
        token,
        claims ->
            claims
                .issueTime(Date.from(Instant.now().minus(Duration.ofHours(2))))
                .expirationTime(Date.from(Instant.now().minus(Duration.ofHours(1)))));
  }

  /** A token with {@code token}'s claims changed by {@code change}, signed with the real key. */
  private static String signedLike(String token, UnaryOperator<JWTClaimsSet.Builder> change)
      throws Exception {
    JWTClaimsSet claims =
        change.apply(new JWTClaimsSet.Builder(SignedJWT.parse(token).getJWTClaimsSet())).build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
    jwt.sign(
        new RSASSASigner(
            PemKeys.readPrivateKey(
                Path.of(System.getProperty("it.jwt.dir"), PemKeys.PRIVATE_KEY_FILE))));
    return jwt.serialize();
  }
}
