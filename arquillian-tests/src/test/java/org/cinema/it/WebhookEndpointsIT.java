package org.cinema.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.cinema.it.support.BillingCatalog;
import org.cinema.it.support.BillingClient;
import org.cinema.it.support.Http;
import org.cinema.it.support.SharedMicro;
import org.cinema.it.support.Sql;
import org.cinema.it.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Outbound webhooks to the cinema's systems: the admin API that registers endpoints, and what a
 * receiver (a WireMock server on this machine) gets when a viewer subscribes, pays and is refunded:
 * signed payloads, retries with one event id, one subscription's events in order. The billing
 * container allows private targets (the receiver is on localhost) and retries fast (1 s, then 2 s,
 * 3 attempts); the stripe container keeps the default and refuses them.
 */
class WebhookEndpointsIT {

  private static final Duration DELIVERY_WAIT = Duration.ofSeconds(30);

  private static final WireMockServer receiver = new WireMockServer(options().dynamicPort());

  private final Sql sql = new Sql(TestDatabase.dataSource(TestDatabase.BILLING));
  private final BillingCatalog catalog = new BillingCatalog(sql);

  private final URL base = SharedMicro.SANDBOX.base();

  private final URL stripeBase = SharedMicro.STRIPE.base();

  private BillingClient api;

  private String admin;

  private final List<String> registered = new ArrayList<>();

  @BeforeAll
  static void startReceiver() {
    receiver.start();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.stop();
  }

  @BeforeEach
  void client() throws Exception {
    api = new BillingClient(base.toURI());
    admin = adminOf(api);
  }

  /** Endpoints a test registered hear nothing of the next tests (nor of other test classes). */
  @AfterEach
  void deleteEndpoints() {
    for (String id : registered) {
      api.send("DELETE", "admin/webhook-endpoints/" + id, admin, null);
    }
  }

  // ---- The admin API ------------------------------------------------------------------------

  @Test
  void anEndpointIsRegisteredWithItsSecretShownOnceAndListedWithoutIt() throws Exception {
    String url = receiverUrl();
    Http.Response created =
        api.post(
            "admin/webhook-endpoints",
            admin,
            body(url, List.of("payment.succeeded", "refund.succeeded"), "CRM"));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonObject endpoint = created.json();
    String id = endpoint.getString("id");
    registered.add(id);
    assertThat(created.header("Location"))
        .hasValue(base.getPath() + "api/v1/admin/webhook-endpoints/" + id);
    assertThat(endpoint.getString("url")).isEqualTo(url);
    assertThat(endpoint.getJsonArray("events").getValuesAs(jakarta.json.JsonString.class))
        .extracting(jakarta.json.JsonString::getString)
        .containsExactly("payment.succeeded", "refund.succeeded");
    assertThat(endpoint.getString("description")).isEqualTo("CRM");
    assertThat(endpoint.getBoolean("enabled")).isTrue();
    assertThat(Instant.parse(endpoint.getString("created_at")))
        .isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(5));
    assertThat(endpoint.getString("secret")).matches("whsec_[0-9a-f]{64}");
    assertThat(sql.value("select secret from billing.webhook_endpoint where id = ?::uuid", id))
        .isEqualTo(endpoint.getString("secret"));

    Http.Response one = api.get("admin/webhook-endpoints/" + id, admin);
    assertThat(one.status()).as(one.toString()).isEqualTo(200);
    assertThat(one.json().keySet())
        .containsExactlyInAnyOrder("id", "url", "events", "description", "enabled", "created_at");
    Http.Response list = api.get("admin/webhook-endpoints?page=1&size=500", admin);
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    assertThat(list.body()).doesNotContain("secret", endpoint.getString("secret"));
    assertThat(ids(list.json())).contains(id);
    assertThat(list.json().getInt("total")).isGreaterThanOrEqualTo(1);

    Http.Response everything = api.post("admin/webhook-endpoints", admin, body(url, List.of("*")));
    assertThat(everything.status()).as(everything.toString()).isEqualTo(201);
    registered.add(everything.json().getString("id"));
    assertThat(everything.json().getJsonArray("events").getString(0)).isEqualTo("*");
    assertThat(everything.json().containsKey("description")).isFalse();
    assertThat(everything.json().getString("secret")).isNotEqualTo(endpoint.getString("secret"));
  }

  @Test
  void anEndpointIsDisabledEnabledAndDeleted() throws Exception {
    String id = register(receiverUrl(), List.of("*")).getString("id");

    Http.Response disabled = api.post("admin/webhook-endpoints/" + id + "/disable", admin, null);
    assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
    assertThat(disabled.json().getBoolean("enabled")).isFalse();
    assertThat(disabled.json().containsKey("secret")).isFalse();
    assertThat(api.get("admin/webhook-endpoints/" + id, admin).json().getBoolean("enabled"))
        .isFalse();
    Http.Response enabled = api.post("admin/webhook-endpoints/" + id + "/enable", admin, null);
    assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
    assertThat(enabled.json().getBoolean("enabled")).isTrue();

    Http.Response deleted = api.send("DELETE", "admin/webhook-endpoints/" + id, admin, null);
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertThat(
            sql.value(
                "select deleted_at is not null from billing.webhook_endpoint where id = ?::uuid",
                id))
        .as("soft-deleted")
        .isEqualTo(true);
    for (Http.Response gone :
        List.of(
            api.get("admin/webhook-endpoints/" + id, admin),
            api.post("admin/webhook-endpoints/" + id + "/enable", admin, null),
            api.post("admin/webhook-endpoints/" + id + "/disable", admin, null),
            api.get("admin/webhook-endpoints/" + id + "/deliveries", admin),
            api.send("DELETE", "admin/webhook-endpoints/" + id, admin, null),
            api.get("admin/webhook-endpoints/" + UUID.randomUUID(), admin))) {
      assertThat(gone.status()).as(gone.toString()).isEqualTo(404);
      assertThat(gone.json().getString("error")).isEqualTo("WEBHOOK_ENDPOINT_NOT_FOUND");
    }
    assertThat(ids(api.get("admin/webhook-endpoints?size=500", admin).json())).doesNotContain(id);
  }

  @Test
  void badInputIs400InTheErrorShapeAndStoresNothing() throws Exception {
    String url = receiverUrl();
    long before = endpointRows();
    record Case(String name, String json) {}
    List<Case> cases =
        List.of(
            new Case("no body", null),
            new Case("empty body", ""),
            new Case("not JSON", "{url"),
            new Case("an array", "[]"),
            new Case("no url", "{\"events\":[\"*\"]}"),
            new Case("blank url", body(" ", List.of("*"))),
            new Case("relative url", body("/hooks/billing", List.of("*"))),
            new Case("no scheme", body("localhost:8080/x", List.of("*"))),
            new Case("ftp", body("ftp://localhost/x", List.of("*"))),
            new Case("file", body("file:///etc/passwd", List.of("*"))),
            new Case("user-info", body("http://user:pass@localhost:1/x", List.of("*"))),
            new Case("user only", body("http://user@localhost:1/x", List.of("*"))),
            new Case("no host", body("http:///x", List.of("*"))),
            new Case("spaces", body("http://local host/x", List.of("*"))),
            new Case("too long", body(url + "?" + "a".repeat(2048), List.of("*"))),
            new Case("url a number", "{\"url\":5,\"events\":[\"*\"]}"),
            new Case("no events", "{\"url\":\"" + url + "\"}"),
            new Case("events null", "{\"url\":\"" + url + "\",\"events\":null}"),
            new Case("no event", body(url, List.of())),
            new Case("unknown event", body(url, List.of("payment.succeeded", "payment.maybe"))),
            new Case("star and a name", body(url, List.of("*", "payment.succeeded"))),
            new Case("events a string", "{\"url\":\"" + url + "\",\"events\":\"*\"}"),
            new Case("events an object", "{\"url\":\"" + url + "\",\"events\":{\"a\":1}}"),
            new Case("event null", "{\"url\":\"" + url + "\",\"events\":[null]}"),
            new Case("event a number", "{\"url\":\"" + url + "\",\"events\":[1]}"),
            new Case("description too long", body(url, List.of("*"), "d".repeat(201))));
    List<String> problems = new ArrayList<>();
    for (Case c : cases) {
      Http.Response answer = api.post("admin/webhook-endpoints", admin, c.json());
      if (answer.status() != 400
          || !answer.json().getString("error").equals("INVALID_INPUT")
          || answer.json().getString("message").isBlank()) {
        problems.add(c.name() + ": " + answer);
        if (answer.status() == 201) {
          registered.add(answer.json().getString("id"));
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(endpointRows()).as("nothing stored").isEqualTo(before);
    assertThat(api.post("admin/webhook-endpoints", admin, body(url, List.of("*"))).status())
        .as("what the messages ask for is accepted")
        .satisfies(status -> assertThat(status).isEqualTo(201));
    registered.addAll(newestIds(1));

    Http.Response unknownField =
        api.post(
            "admin/webhook-endpoints",
            admin,
            "{\"url\":\"" + url + "\",\"events\":[\"*\"],\"colour\":\"red\"}");
    assertThat(unknownField.status())
        .as("an unknown field is ignored, as everywhere in the API: %s", unknownField)
        .isEqualTo(201);
    registered.add(unknownField.json().getString("id"));

    Http.Response relative = api.post("admin/webhook-endpoints", admin, body("/x", List.of("*")));
    assertThat(relative.json().getString("message")).contains("url", "absolute");
    Http.Response unknownEvent =
        api.post("admin/webhook-endpoints", admin, body(url, List.of("x")));
    assertThat(unknownEvent.json().getString("message")).contains("events", "payment.succeeded");
    for (String query : List.of("x", "?page=0", "?size=501", "?page=abc")) {
      Http.Response bad =
          api.get("admin/webhook-endpoints" + (query.equals("x") ? "/x" : query), admin);
      assertThat(bad.status()).as(query + ": " + bad).isEqualTo(400);
    }
    String id = register(url, List.of("*")).getString("id");
    Http.Response badStatus =
        api.get("admin/webhook-endpoints/" + id + "/deliveries?status=LOST", admin);
    assertThat(badStatus.status()).as(badStatus.toString()).isEqualTo(400);
    assertThat(api.post("admin/webhook-endpoints/not-a-uuid/disable", admin, null).status())
        .isEqualTo(400);
  }

  @Test
  void onlyAdministratorsManageEndpoints() {
    String viewer = api.newViewer();
    String json = body(receiverUrl(), List.of("*"));
    String someId = UUID.randomUUID().toString();
    for (String token : new String[] {viewer, null}) {
      int expected = token == null ? 401 : 403;
      for (Http.Response refused :
          List.of(
              api.post("admin/webhook-endpoints", token, json),
              api.get("admin/webhook-endpoints", token),
              api.get("admin/webhook-endpoints/" + someId, token),
              api.post("admin/webhook-endpoints/" + someId + "/disable", token, null),
              api.post("admin/webhook-endpoints/" + someId + "/enable", token, null),
              api.send("DELETE", "admin/webhook-endpoints/" + someId, token, null),
              api.get("admin/webhook-endpoints/" + someId + "/deliveries", token))) {
        assertThat(refused.status()).as(refused.toString()).isEqualTo(expected);
        assertThat(refused.json().getString("error")).isNotBlank();
      }
    }
  }

  // ---- What receivers get --------------------------------------------------------------------

  @Test
  void aViewersJourneyReachesEveryEndpointThatWantsItSigned() throws Exception {
    String allPath = path();
    String somePath = path();
    receiver.stubFor(post(urlPathEqualTo(allPath)).willReturn(aResponse().withStatus(200)));
    receiver.stubFor(post(urlPathEqualTo(somePath)).willReturn(aResponse().withStatus(204)));
    JsonObject all = register(receiverUrl(allPath), List.of("*"));
    JsonObject some =
        register(receiverUrl(somePath), List.of("payment.succeeded", "refund.succeeded"));

    Journey journey = subscribeAndPay();
    refundInPart(journey.payment());

    List<String> expected =
        List.of("subscription.activated", "payment.succeeded", "refund.succeeded");
    await("every event at the endpoint that wants all")
        .atMost(DELIVERY_WAIT)
        .until(() -> types(received(allPath, journey)), got -> got.containsAll(expected));
    await("the chosen events at the other")
        .atMost(DELIVERY_WAIT)
        .until(() -> received(somePath, journey).size() == 2);
    Thread.sleep(2500);
    assertThat(types(received(allPath, journey))).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(types(received(somePath, journey)))
        .containsExactly("payment.succeeded", "refund.succeeded");

    for (Received delivery : received(allPath, journey)) {
      assertSigned(delivery, all.getString("secret"));
    }
    for (Received delivery : received(somePath, journey)) {
      assertSigned(delivery, some.getString("secret"));
      assertThat(delivery.payload().getJsonObject("data").getString("subscription_id"))
          .isEqualTo(journey.subscription());
    }
    Received refund =
        received(somePath, journey).stream()
            .filter(r -> r.type().equals("refund.succeeded"))
            .findFirst()
            .orElseThrow();
    assertThat(refund.payload().getInt("version")).isEqualTo(1);
    assertThat(refund.payload().getJsonObject("data").getString("payment_id"))
        .isEqualTo(journey.payment());
    assertThat(refund.body())
        .as("the payload exactly as stored")
        .isEqualTo(
            sql.value(
                "select payload from billing.outbox_event where id = ?::uuid", refund.eventId()));

    JsonObject deliveries =
        api.get("admin/webhook-endpoints/" + some.getString("id") + "/deliveries", admin).json();
    assertThat(deliveries.getInt("total")).isEqualTo(2);
    for (JsonObject item : deliveries.getJsonArray("items").getValuesAs(JsonObject.class)) {
      assertThat(item.getString("status")).isEqualTo("SENT");
      assertThat(item.getInt("attempts")).isEqualTo(1);
      assertThat(item.getString("channel")).isEqualTo("webhook");
      assertThat(item.getString("endpoint_id")).isEqualTo(some.getString("id"));
      assertThat(item.getString("subject")).isEqualTo("POST " + receiverUrl(somePath) + " → 204");
      assertThat(item.containsKey("last_error")).isFalse();
    }
  }

  @Test
  void aReceiverThatFailsTwiceGetsTheEventThreeTimesWithOneIdAndOneThatAlwaysFailsIsParked()
      throws Exception {
    String flaky = path();
    String broken = path();
    failFirst(flaky, 2, 500);
    receiver.stubFor(post(urlPathEqualTo(broken)).willReturn(aResponse().withStatus(503)));
    String flakyId =
        register(receiverUrl(flaky), List.of("subscription.activated")).getString("id");
    String brokenId =
        register(receiverUrl(broken), List.of("subscription.activated")).getString("id");

    Journey journey = subscribeAndPay();

    await("three attempts, the third accepted")
        .atMost(DELIVERY_WAIT)
        .until(() -> deliveries(flakyId, "SENT").getInt("total") == 1);
    List<Received> got = received(flaky, journey);
    assertThat(got).hasSize(3);
    assertThat(got).extracting(Received::eventIdHeader).containsOnly(got.get(0).eventId());
    assertThat(got).extracting(Received::body).containsOnly(got.get(0).body());
    JsonObject sent = deliveries(flakyId, "SENT").getJsonArray("items").getJsonObject(0);
    assertThat(sent.getInt("attempts")).isEqualTo(3);
    assertThat(sent.getString("event_id")).isEqualTo(got.get(0).eventId());
    assertThat(sent.getString("subject")).isEqualTo("POST " + receiverUrl(flaky) + " → 200");

    await("parked after the last attempt")
        .atMost(DELIVERY_WAIT)
        .until(() -> deliveries(brokenId, "DEAD").getInt("total") == 1);
    JsonObject dead = deliveries(brokenId, "DEAD").getJsonArray("items").getJsonObject(0);
    assertThat(dead.getInt("attempts")).isEqualTo(3);
    assertThat(dead.getString("last_error")).isEqualTo("HTTP 503 from " + receiverUrl(broken));
    assertThat(deliveries(brokenId, "SENT").getInt("total")).isZero();
    assertThat(received(broken, journey)).hasSize(3);
  }

  @Test
  void whileAReceiverRefusesASubscriptionsFirstEventItsLaterOnesWait() throws Exception {
    String path = path();
    failFirst(path, 2, 500);
    register(receiverUrl(path), List.of("*"));

    Journey journey = subscribeAndPay();
    refundInPart(journey.payment());

    List<Object> inOrder =
        sql.column(
            "select id::text from billing.outbox_event where subscription_id = ?::uuid order by seq",
            journey.subscription());
    assertThat(inOrder).hasSize(3);
    await("every event, the first after two refusals")
        .atMost(DELIVERY_WAIT)
        .until(() -> received(path, journey).size() >= 5);
    Thread.sleep(2000);
    List<String> arrived = received(path, journey).stream().map(Received::eventId).toList();
    assertThat(arrived)
        .as("the first event three times, then the others in order")
        .containsExactly(
            (String) inOrder.get(0),
            (String) inOrder.get(0),
            (String) inOrder.get(0),
            (String) inOrder.get(1),
            (String) inOrder.get(2));
  }

  @Test
  void disablingOrDeletingAnEndpointParksWhatWasQueuedForIt() throws Exception {
    String toDisable = path();
    String toDelete = path();
    receiver.stubFor(post(urlPathEqualTo(toDisable)).willReturn(aResponse().withStatus(503)));
    receiver.stubFor(post(urlPathEqualTo(toDelete)).willReturn(aResponse().withStatus(503)));
    String disabledId = register(receiverUrl(toDisable), List.of("*")).getString("id");
    String deletedId = register(receiverUrl(toDelete), List.of("*")).getString("id");

    Journey journey = subscribeAndPay();
    await("a first refusal at each")
        .atMost(DELIVERY_WAIT)
        .until(
            () ->
                deliveries(disabledId, "FAILED").getInt("total") >= 1
                    && !received(toDelete, journey).isEmpty());
    JsonObject failing = deliveries(disabledId, "FAILED").getJsonArray("items").getJsonObject(0);
    assertThat(failing.getString("last_error"))
        .isEqualTo("HTTP 503 from " + receiverUrl(toDisable));
    assertThat(failing.getString("next_attempt_at")).isNotBlank();

    assertThat(api.post("admin/webhook-endpoints/" + disabledId + "/disable", admin, null).status())
        .isEqualTo(200);
    assertThat(api.send("DELETE", "admin/webhook-endpoints/" + deletedId, admin, null).status())
        .isEqualTo(204);
    int heardDisabled = received(toDisable, journey).size();
    int heardDeleted = received(toDelete, journey).size();
    refundInPart(journey.payment());
    Thread.sleep(4000);

    assertThat(received(toDisable, journey)).as("nothing more sent").hasSize(heardDisabled);
    assertThat(received(toDelete, journey)).as("nothing more sent").hasSize(heardDeleted);
    JsonObject parked =
        api.get("admin/webhook-endpoints/" + disabledId + "/deliveries", admin).json();
    assertThat(parked.getInt("total")).as("none for the refund after disabling").isEqualTo(2);
    for (JsonObject item : parked.getJsonArray("items").getValuesAs(JsonObject.class)) {
      assertThat(item.getString("status")).isEqualTo("DEAD");
      assertThat(item.getString("last_error")).isEqualTo("endpoint disabled");
    }
    assertThat(
            sql.column(
                "select status || ' ' || last_error from billing.notification"
                    + " where endpoint_id = ?::uuid",
                deletedId))
        .containsExactly("DEAD endpoint deleted", "DEAD endpoint deleted");
  }

  // ---- The SSRF rule, on the stripe container (WEBHOOK_ALLOW_PRIVATE_TARGETS unset) ----------

  @Test
  void withoutAllowPrivateTargetsAddressesInsideTheNetworkAreRefusedAtRegistrationAndDelivery()
      throws Exception {
    BillingClient stripeApi = new BillingClient(stripeBase.toURI());
    String stripeAdmin = adminOf(stripeApi);
    Sql stripeSql = new Sql(TestDatabase.dataSource(TestDatabase.STRIPE));
    long before = (Long) stripeSql.value("select count(*) from billing.webhook_endpoint");
    Map<String, String> refused =
        Map.of(
            "http://127.0.0.1:" + receiver.port() + "/x",
            "127.0.0.1 is a loopback address",
            "http://localhost:" + receiver.port() + "/x",
            "loopback",
            "http://[::1]:" + receiver.port() + "/x",
            "loopback",
            "http://169.254.169.254/latest/meta-data/",
            "169.254.169.254 is a link-local address",
            "http://10.0.0.7/hooks",
            "10.0.0.7 is a private address",
            "https://192.168.1.1/hooks",
            "private",
            "http://100.64.0.9/hooks",
            "CGNAT",
            "http://0.0.0.0:" + receiver.port() + "/x",
            "unspecified",
            "http://[fd00::1]/hooks",
            "private");
    refused.forEach(
        (url, reason) -> {
          Http.Response answer =
              stripeApi.post("admin/webhook-endpoints", stripeAdmin, body(url, List.of("*")));
          assertThat(answer.status()).as(url + ": " + answer).isEqualTo(400);
          assertThat(answer.json().getString("error")).isEqualTo("INVALID_INPUT");
          assertThat(answer.json().getString("message")).as(url).contains(reason);
        });
    assertThat(stripeSql.value("select count(*) from billing.webhook_endpoint")).isEqualTo(before);

    // Registered while it pointed elsewhere, now at this machine (as a DNS change would make it).
    String path = path();
    receiver.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
    UUID endpoint = UUID.randomUUID();
    stripeSql.update(
        "insert into billing.webhook_endpoint (id, url, events, secret, created_at)"
            + " values (?, ?, '*', 'whsec_x', now())",
        endpoint,
        "http://127.0.0.1:" + receiver.port() + path);
    UUID event = UUID.randomUUID();
    stripeSql.update(
        "insert into billing.outbox_event (id, type, version, payload, created_at)"
            + " values (?, 'payment.succeeded', 1, ?, now())",
        event,
        "{\"id\":\"" + event + "\",\"type\":\"payment.succeeded\",\"version\":1,\"data\":{}}");
    try {
      await("refused at delivery")
          .atMost(DELIVERY_WAIT)
          .until(
              () ->
                  stripeSql.column(
                      "select status || ' ' || last_error from billing.notification"
                          + " where endpoint_id = ? and last_error is not null",
                      endpoint),
              rows -> !rows.isEmpty());
      assertThat(
              (String)
                  stripeSql.value(
                      "select status || ' ' || last_error from billing.notification"
                          + " where endpoint_id = ?",
                      endpoint))
          .startsWith("FAILED ")
          .contains("127.0.0.1 is a loopback address");
      assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo(path)))).isEmpty();
    } finally {
      stripeSql.update(
          "update billing.notification set status = 'DEAD' where endpoint_id = ?", endpoint);
      stripeSql.update(
          "update billing.webhook_endpoint set deleted_at = now() where id = ?", endpoint);
    }
  }

  // ---- Helpers -------------------------------------------------------------------------------

  /** A delivery as the receiver got it. */
  record Received(
      String body,
      JsonObject payload,
      String eventIdHeader,
      String signature,
      String contentType,
      String userAgent) {

    String eventId() {
      return payload.getString("id");
    }

    String type() {
      return payload.getString("type");
    }
  }

  /** A viewer who subscribed and paid. */
  record Journey(String token, String account, String subscription, String payment) {}

  private Journey subscribeAndPay() throws Exception {
    BillingCatalog.Product product = catalog.product("month", "199.00", 1);
    String token = api.newViewer();
    Http.Response added = api.addProduct(token, product.id());
    assertThat(added.status()).as("add-product: %s", added).isEqualTo(201);
    String subscription = added.json().getString("subscription_id");
    Http.Response paid = api.payOnCheckout(added.json().getString("url"), "4242 4242 4242 4242");
    assertThat(paid.status()).as("pay: %s", paid).isEqualTo(200);
    await("the payment")
        .atMost(DELIVERY_WAIT)
        .until(
            () ->
                sql.value(
                    "select status from billing.subscription where id = ?::uuid", subscription),
            "ACTIVE"::equals);
    return new Journey(
        token,
        BillingClient.accountOf(token).toString(),
        subscription,
        added.json().getString("payment_id"));
  }

  private void refundInPart(String payment) {
    Http.Response refunded =
        api.post(
            "admin/payments/" + payment + "/refunds",
            admin,
            "{\"amount\":\"50.00\",\"reason\":\"webhook test\"}");
    assertThat(refunded.status()).as("refund: %s", refunded).isEqualTo(200);
  }

  /** What the receiver got at {@code path} about the journey's viewer, in the order it came. */
  private static List<Received> received(String path, Journey journey) {
    List<Received> got = new ArrayList<>();
    for (LoggedRequest request : receiver.findAll(postRequestedFor(urlPathEqualTo(path)))) {
      String body = request.getBodyAsString();
      JsonObject payload;
      try (JsonReader reader = Json.createReader(new StringReader(body))) {
        payload = reader.readObject();
      }
      JsonObject data = payload.getJsonObject("data");
      if (data != null && journey.account().equals(data.getString("account_id", null))) {
        got.add(
            new Received(
                body,
                payload,
                request.getHeader("Billing-Event-Id"),
                request.getHeader("Billing-Signature"),
                request.getHeader("Content-Type"),
                request.getHeader("User-Agent")));
      }
    }
    return got;
  }

  private static List<String> types(List<Received> received) {
    return received.stream().map(Received::type).toList();
  }

  /** The signature a receiver checks, computed here independently of the server's code. */
  private static void assertSigned(Received delivery, String secret) throws Exception {
    assertThat(delivery.contentType()).startsWith("application/json");
    assertThat(delivery.eventIdHeader()).isEqualTo(delivery.eventId());
    assertThat(delivery.signature()).matches("t=\\d+,v1=[0-9a-f]{64}");
    Map<String, String> parts =
        java.util.Arrays.stream(delivery.signature().split(","))
            .map(part -> part.split("=", 2))
            .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
    long t = Long.parseLong(parts.get("t"));
    assertThat(Instant.ofEpochSecond(t))
        .isBetween(Instant.now().minusSeconds(120), Instant.now().plusSeconds(5));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        HexFormat.of()
            .formatHex(mac.doFinal((t + "." + delivery.body()).getBytes(StandardCharsets.UTF_8)));
    assertThat(parts.get("v1")).as("HMAC-SHA256 of t.body").isEqualTo(expected);
  }

  /** The receiver at {@code path} answers {@code status} {@code times} times, then 200. */
  private static void failFirst(String path, int times, int status) {
    String state = STARTED;
    for (int i = 1; i <= times; i++) {
      String next = "refused " + i;
      receiver.stubFor(
          post(urlPathEqualTo(path))
              .inScenario(path)
              .whenScenarioStateIs(state)
              .willReturn(aResponse().withStatus(status))
              .willSetStateTo(next));
      state = next;
    }
    receiver.stubFor(
        post(urlPathEqualTo(path))
            .inScenario(path)
            .whenScenarioStateIs(state)
            .willReturn(aResponse().withStatus(200)));
  }

  private JsonObject deliveries(String endpoint, String status) {
    Http.Response answer =
        api.get("admin/webhook-endpoints/" + endpoint + "/deliveries?status=" + status, admin);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json();
  }

  private JsonObject register(String url, List<String> events) {
    Http.Response created = api.post("admin/webhook-endpoints", admin, body(url, events));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    registered.add(created.json().getString("id"));
    return created.json();
  }

  private static String body(String url, List<String> events) {
    return body(url, events, null);
  }

  private static String body(String url, List<String> events, String description) {
    JsonArrayBuilder names = Json.createArrayBuilder();
    events.forEach(names::add);
    var body = Json.createObjectBuilder().add("url", url).add("events", names);
    if (description != null) {
      body.add("description", description);
    }
    return body.build().toString();
  }

  private static Set<String> ids(JsonObject page) {
    return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(item -> item.getString("id"))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private List<String> newestIds(int count) throws Exception {
    return sql
        .column(
            "select id::text from billing.webhook_endpoint order by created_at desc limit ?", count)
        .stream()
        .map(String.class::cast)
        .toList();
  }

  private long endpointRows() throws Exception {
    return (Long) sql.value("select count(*) from billing.webhook_endpoint");
  }

  private static String path() {
    return "/hooks/" + UUID.randomUUID();
  }

  private static String receiverUrl() {
    return receiverUrl(path());
  }

  private static String receiverUrl(String path) {
    return "http://localhost:" + receiver.port() + path;
  }

  private static String adminOf(BillingClient client) {
    return client.login(
        System.getProperty("it.admin.login"), System.getProperty("it.admin.password"));
  }
}
