package org.cinema.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.cinema.common.error.ErrorCode;
import org.cinema.it.support.BillingCatalog;
import org.cinema.it.support.BillingClient;
import org.cinema.it.support.Http;
import org.cinema.it.support.RawHttp;
import org.cinema.it.support.SharedMicro;
import org.cinema.it.support.Sql;
import org.cinema.it.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * billing-web tried as an attacker would from the network: a forged Host header, bodies too large,
 * password guessing, idempotency keys left behind or too long; and what every answer carries (the
 * protective headers, an error code of the one vocabulary). The container runs with a login window
 * of 4 s and 12 failures per address (arquillian.xml), so that the window can pass in a test.
 */
class EdgesIT {

  private static final Duration WINDOW = Duration.ofSeconds(4);
  private static final int PER_ADDRESS = 12;

  private final Sql sql = new Sql(TestDatabase.dataSource(TestDatabase.BILLING));
  private final BillingCatalog catalog = new BillingCatalog(sql);

  private final URL base = SharedMicro.SANDBOX.base();

  private BillingClient api;

  @BeforeEach
  void client() throws Exception {
    api = new BillingClient(base.toURI());
  }

  @Test
  void aForgedHostHeaderDecidesNeitherTheLinksNorWhereTheWebhookGoes() throws Exception {
    AtomicInteger trapped = new AtomicInteger();
    HttpServer trap = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    trap.createContext(
        "/",
        exchange -> {
          trapped.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    trap.start();
    try {
      String forged = "localhost:" + trap.getAddress().getPort();
      BillingCatalog.Product product = catalog.product("month", "299.00", 1);
      String token = api.newViewer();

      URI subscribe = api.api().resolve("billing/add-product/" + product.id());
      Http.Response added =
          forgedHost(subscribe, forged, "Bearer " + token, "", "application/json");
      assertThat(added.status()).as(added.toString()).isEqualTo(201);
      String url = added.json().getString("url");
      assertThat(url).doesNotContain(forged).startsWith("http://localhost:" + base.getPort());

      Http.Response paid =
          forgedHost(
              URI.create(url),
              forged,
              null,
              "card_number=4242424242424242&exp_month=12&exp_year=2034&cvc=123",
              "application/x-www-form-urlencoded");
      assertThat(paid.status()).as(paid.toString()).isEqualTo(200);

      await("the sandbox's webhook reaches this server, not the forged host")
          .atMost(Duration.ofSeconds(30))
          .until(() -> api.mayWatch(token, product.firstMovie()));
      Thread.sleep(1000);
      assertThat(trapped.get()).as("requests the server sent to the forged host").isZero();
    } finally {
      trap.stop(0);
    }
  }

  @Test
  void aBodyOverTheLimitIsRefusedWith413AndChangesNothing() throws Exception {
    String login = "big-" + UUID.randomUUID().toString().substring(0, 8);
    String padded = registration(login, "x".repeat(20_000));

    Http.Response declared =
        Http.send(
            HttpRequest.newBuilder(api.api().resolve("content/register"))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(padded)));
    Http.Response chunked =
        Http.send(
            HttpRequest.newBuilder(api.api().resolve("content/register"))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/json")
                .POST(
                    BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(padded.getBytes(StandardCharsets.UTF_8)))));
    // Over HTTP/1.1 (the JDK client would offer HTTP/2 first), asking before sending as curl
    // does, so that the refusal comes before the 40 MB.
    byte[] huge = new byte[40 * 1024 * 1024];
    Arrays.fill(huge, (byte) ' ');
    Http.Response webhook =
        Http.send(
            HttpRequest.newBuilder(api.api().resolve("billing/webhook"))
                .version(HttpClient.Version.HTTP_1_1)
                .expectContinue(true)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofByteArray(huge)));

    for (Http.Response refused : List.of(declared, chunked, webhook)) {
      assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
      assertThat(refused.json().getString("error")).isEqualTo("BODY_TOO_LARGE");
    }
    assertThat(sql.value("select count(*) from billing.account where login = ?", login))
        .isEqualTo(0L);
    Http.Response small = api.post("content/register", null, registration(login, "Small"));
    assertThat(small.status()).as("a body within the limit: %s", small).isEqualTo(200);
  }

  @Test
  void afterTooManyWrongPasswordsTheAccountWaitsTheWindowOut() throws Exception {
    String login = "guessed-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(api.post("content/register", null, registration(login, "Guessed")).status())
        .isEqualTo(200);

    for (int i = 0; i < 5; i++) {
      Http.Response wrong = login(login, "wrong-" + i);
      assertThat(wrong.status()).as(wrong.toString()).isEqualTo(401);
    }
    Http.Response locked = login(login, password(login));

    assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
    assertThat(locked.json().getString("error")).isEqualTo("TOO_MANY_ATTEMPTS");
    assertThat(locked.header("Retry-After").map(Long::parseLong))
        .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, WINDOW.toSeconds() + 1));
    Thread.sleep(WINDOW.plusMillis(500).toMillis());
    assertThat(login(login, password(login)).status()).as("the window has passed").isEqualTo(200);
  }

  @Test
  void guessesSentAllAtOnceGetNoMoreTriesThanTheLimit() throws Exception {
    String login = "rushed-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(api.post("content/register", null, registration(login, "Rushed")).status())
        .isEqualTo(200);
    ExecutorService senders = Executors.newFixedThreadPool(20);
    try {
      List<Future<Http.Response>> sent = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String guess = "guess-" + i;
        sent.add(senders.submit(() -> login(login, guess)));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Http.Response> response : sent) {
        statuses.add(response.get().status());
      }

      assertThat(statuses).as("checked (401) or refused (429)").containsOnly(401, 429);
      assertThat(statuses.stream().filter(status -> status == 401).count())
          .as("guesses whose password was checked")
          .isEqualTo(5);
    } finally {
      senders.shutdownNow();
    }
    Thread.sleep(WINDOW.plusMillis(500).toMillis());
  }

  @Test
  void aSuccessfulLoginClearsTheAccountsFailures() throws Exception {
    String login = "forgetful-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(api.post("content/register", null, registration(login, "Forgetful")).status())
        .isEqualTo(200);

    for (int i = 0; i < 4; i++) {
      assertThat(login(login, "wrong-" + i).status()).isEqualTo(401);
    }
    assertThat(login(login, password(login)).status()).isEqualTo(200);
    for (int i = 0; i < 4; i++) {
      assertThat(login(login, "wrong-again-" + i).status()).isEqualTo(401);
    }

    assertThat(login(login, password(login)).status()).isEqualTo(200);
  }

  @Test
  void oneAddressGuessingManyLoginsIsSlowedToo() throws Exception {
    Thread.sleep(WINDOW.plusMillis(500).toMillis());
    for (int i = 0; i < PER_ADDRESS; i++) {
      Http.Response unknown = login("nobody-" + UUID.randomUUID(), "guess");
      assertThat(unknown.status()).as(unknown.toString()).isEqualTo(401);
      assertThat(unknown.json().getString("message")).isEqualTo("Wrong login or password");
    }

    Http.Response refused = login("nobody-" + UUID.randomUUID(), "guess");

    assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isPresent();
    Thread.sleep(WINDOW.plusMillis(500).toMillis());
    assertThat(login("nobody-" + UUID.randomUUID(), "guess").status()).isEqualTo(401);
  }

  @Test
  void aKeyLeftClaimedByACrashIsReleasedAndAnOldKeyStartsAfresh() throws Exception {
    BillingCatalog.Product first = catalog.product("month", "299.00", 1);
    BillingCatalog.Product second = catalog.product("month", "199.00", 1);
    String token = api.newViewer();
    UUID account = BillingClient.accountOf(token);
    String stuck = "stuck-" + UUID.randomUUID();
    String old = "old-" + UUID.randomUUID();
    String fresh = "fresh-" + UUID.randomUUID();
    claim(account, stuck, "v1/billing/add-product/" + first.id(), null, Duration.ofMinutes(10));
    claim(account, old, "v1/billing/other", 201, Duration.ofHours(25));
    claim(account, fresh, "v1/billing/add-product/" + second.id(), null, Duration.ofSeconds(5));

    Http.Response afterCrash = api.addProduct(token, first.id(), "Idempotency-Key", stuck);
    Http.Response afterADay = api.addProduct(token, second.id(), "Idempotency-Key", old);
    Http.Response running = api.addProduct(token, second.id(), "Idempotency-Key", fresh);

    assertThat(afterCrash.status()).as(afterCrash.toString()).isEqualTo(201);
    assertThat(afterADay.status()).as(afterADay.toString()).isEqualTo(201);
    assertThat(running.status()).as(running.toString()).isEqualTo(409);
    assertThat(running.json().getString("error")).isEqualTo("REQUEST_IN_PROGRESS");
    assertThat(
            sql.value(
                "select response_status from billing.idempotency_record"
                    + " where account_id = ? and idempotency_key = ?",
                account,
                stuck))
        .isEqualTo(201);
  }

  @Test
  void textWithANulCharacterIsA400AndChangesNothing() throws Exception {
    String login = "nul-" + UUID.randomUUID().toString().substring(0, 8);
    Http.Response loggingIn =
        api.post("content/login", null, "{\"login\":\"\\u0000admin\",\"password\":\"x\"}");
    Http.Response registering =
        api.post("content/register", null, registration(login, "Nul\u0000Name"));

    for (Http.Response refused : List.of(loggingIn, registering)) {
      assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
      assertThat(refused.json().getString("error")).isEqualTo("INVALID_INPUT");
    }
    assertThat(sql.value("select count(*) from billing.account where login = ?", login))
        .isEqualTo(0L);
  }

  @Test
  void anOverLongKeyOrPathIsA400() {
    String token = api.newViewer();

    Http.Response longKey =
        api.addProduct(token, UUID.randomUUID(), "Idempotency-Key", "k".repeat(256));
    Http.Response longPath =
        api.send(
            "POST", "billing/add-product/" + "p".repeat(1100), token, "", "Idempotency-Key", "k");

    for (Http.Response refused : List.of(longKey, longPath)) {
      assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
      assertThat(refused.json().getString("error")).isEqualTo("INVALID_INPUT");
    }
  }

  @Test
  void everyErrorCodeAnsweredIsOneOfTheVocabulary() {
    String viewer = api.newViewer();
    List<Http.Response> errors = new ArrayList<>();
    errors.add(api.get("no/such/path", viewer));
    errors.add(api.send("DELETE", "content/login", null, null));
    errors.add(
        Http.send(
            HttpRequest.newBuilder(api.api().resolve("content/login"))
                .header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString("login"))));
    errors.add(api.get("billing/products", "not-a-token"));
    errors.add(api.get("admin/customers", viewer));
    errors.add(api.post("content/register", null, "{"));
    errors.add(api.post("content/login", null, "{}"));
    errors.add(api.get("billing/payments/x/y", viewer));
    errors.add(
        api.send("POST", "billing/add-product/" + UUID.randomUUID(), viewer, "", "Accept", "x/y"));

    List<String> vocabulary = Arrays.stream(ErrorCode.values()).map(Enum::name).toList();
    for (Http.Response error : errors) {
      assertThat(error.status()).as(error.toString()).isBetween(400, 499);
      assertThat(error.header("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
      JsonObject body = error.json();
      assertThat(body.getString("error")).as(error.toString()).isIn(vocabulary);
      assertThat(ErrorCode.valueOf(body.getString("error")).status())
          .as(error.toString())
          .isEqualTo(error.status());
      assertThat(body.getString("message")).isNotBlank();
    }
  }

  @Test
  void answersCarryTheProtectiveHeadersAndTheCheckoutPageCannotBeFramed() throws Exception {
    BillingCatalog.Product product = catalog.product("month", "299.00", 1);
    String token = api.newViewer();
    String url = api.addProduct(token, product.id()).json().getString("url");

    for (Http.Response response :
        List.of(
            api.get("ping", null), api.get("billing/products", null), Http.get(URI.create(url)))) {
      assertThat(response.header("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(response.header("Referrer-Policy")).hasValue("same-origin");
      assertThat(response.header("X-Frame-Options")).hasValue("DENY");
      assertThat(response.header("Content-Security-Policy"))
          .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
    }
  }

  @Test
  void everyAnswerCarriesARequestIdTheCallersWhenWellFormedAndErrorBodiesNameIt() throws Exception {
    Http.Response made = api.get("billing/products/" + UUID.randomUUID(), null);
    assertThat(made.status()).isEqualTo(404);
    String id = made.header("X-Request-Id").orElseThrow();
    assertThat(UUID.fromString(id)).as("one made for the request").isNotNull();
    assertThat(made.json().getString("request_id")).isEqualTo(id);
    assertThat(api.get("ping", null).header("X-Request-Id"))
        .as("each request its own")
        .isPresent()
        .isNotEqualTo(Optional.of(id));

    String login = BillingClient.freshLogin();
    Http.Response given =
        api.register(
            BillingClient.registration(login).add("password", "x").build(),
            "X-Request-Id",
            "shop-7f3a.retry:2_b-1");
    assertThat(given.status()).as(given.toString()).isEqualTo(400);
    assertThat(given.header("X-Request-Id")).hasValue("shop-7f3a.retry:2_b-1");
    assertThat(given.json().getString("request_id")).isEqualTo("shop-7f3a.retry:2_b-1");
    Http.Response unauthenticated = api.get("me/subscriptions", null);
    assertThat(unauthenticated.status()).isEqualTo(401);
    assertThat(unauthenticated.json().getString("request_id"))
        .isEqualTo(unauthenticated.header("X-Request-Id").orElseThrow());

    for (String malformed : List.of("two words", "a".repeat(129), "x;drop", "ünïcode")) {
      String viewer = BillingClient.freshLogin();
      Http.Response refused =
          api.register(BillingClient.registration(viewer).build(), "X-Request-Id", malformed);
      assertThat(refused.status()).as("%s: %s", malformed, refused).isEqualTo(400);
      assertThat(refused.json().getString("error")).isEqualTo("INVALID_INPUT");
      assertThat(refused.json().getString("message")).contains("X-Request-Id");
      assertThat(refused.header("X-Request-Id")).as("not echoed").isEmpty();
      assertThat(sql.value("select count(*) from billing.account where login = ?", viewer))
          .as("refused before anything ran")
          .isEqualTo(0L);
    }
  }

  /** A POST whose {@code Host} (and {@code X-Forwarded-Host}) names another server. */
  private static Http.Response forgedHost(
      URI target, String host, String authorization, String body, String type) throws Exception {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Host", host);
    headers.put("X-Forwarded-Host", host);
    headers.put("Content-Type", type);
    if (authorization != null) {
      headers.put("Authorization", authorization);
    }
    return RawHttp.post(null, target, headers, body);
  }

  private Http.Response login(String login, String password) {
    return api.post(
        "content/login",
        null,
        Json.createObjectBuilder()
            .add("login", login)
            .add("password", password)
            .build()
            .toString());
  }

  private static String password(String login) {
    return "secret-" + login;
  }

  private static String registration(String login, String fullName) {
    return Json.createObjectBuilder()
        .add("login", login)
        .add("password", password(login))
        .add("email", login + "@example.org")
        .add("fullname", fullName)
        .add("phone", "+7 900 000-00-00")
        .build()
        .toString();
  }

  /** An idempotency record as a request left it {@code age} ago. */
  private void claim(UUID account, String key, String path, Integer status, Duration age)
      throws Exception {
    sql.update(
        "insert into billing.idempotency_record (account_id, idempotency_key, request_method,"
            + " request_path, request_hash, response_status, response_body, created_at)"
            + " values (?, ?, 'POST', ?, ?, ?, ?, ?)",
        account,
        key,
        path,
        hashOf("POST", path),
        status,
        status == null ? null : "{}",
        OffsetDateTime.now().minus(age));
  }

  /** The hash the server keeps of a request: its method, path and body (an empty body here). */
  private static String hashOf(String method, String path) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256")
                .digest((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8)));
  }
}
