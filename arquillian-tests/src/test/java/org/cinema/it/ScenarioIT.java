package org.cinema.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cinema.it.support.BillingClient;
import org.cinema.it.support.Http;
import org.cinema.it.support.RunCommand;
import org.cinema.it.support.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The original project's integration test, unattended: the whole system as {@code make run} starts
 * it (billing, admin and ETL on Payara Micro, a fresh embedded PostgreSQL), driven from outside
 * only. Seeds a product with two movies the way the admin panel stores them (the {@code content}
 * schema), lets the ETL carry it to billing, then goes through the viewer's journey: register,
 * products, no access, subscribe, pay on the checkout page with 4242 4242 4242 4242, access,
 * refund, no access. Every step prints what it did; a failed step says which and what came back.
 *
 * <p>With {@code PAYMENT_PROVIDER=stripe} and {@code STRIPE_API_KEY} set, step 6 is the original's
 * manual one: the Stripe payment link goes to the log (and to Telegram when {@code
 * TELEGRAM_BOT_TOKEN} and {@code TELEGRAM_CHAT_ID} are set), and the step waits up to {@code
 * SCENARIO_PAY_TIMEOUT_SECONDS} (120) for a person to pay with the Stripe test card.
 */
class ScenarioIT {

  private static final Duration ETL_WAIT = Duration.ofSeconds(60);
  private static final Duration SANDBOX_PAY_WAIT = Duration.ofMinutes(2);

  private static RunCommand system;
  private static Sql database;
  private static boolean manualStripe;

  @BeforeAll
  static void startTheSystem() throws Exception {
    Map<String, String> settings = new HashMap<>(Map.of("ETL_INTERVAL_SECONDS", "2"));
    manualStripe =
        "stripe".equals(System.getenv("PAYMENT_PROVIDER")) && env("STRIPE_API_KEY").isPresent();
    if (manualStripe) {
      settings.put("PAYMENT_PROVIDER", "stripe");
      // HTTP_PORT too, so that `stripe listen --forward-to localhost:$HTTP_PORT/...` reaches it.
      for (String name : new String[] {"STRIPE_API_KEY", "STRIPE_WEBHOOK_SECRET", "HTTP_PORT"}) {
        env(name).ifPresent(value -> settings.put(name, value));
      }
    }
    Path data = Path.of("target", "scenario-data");
    Files.createDirectories(data);
    step(0, "start the system (billing, admin, ETL; fresh embedded PostgreSQL)");
    system =
        RunCommand.start(Files.createTempDirectory(data, "run"), data.resolve("run.log"), settings);
    database = new Sql(system.database());
    say("      running at " + system.baseUri() + ", log in " + data.resolve("run.log"));
  }

  @AfterAll
  static void stopTheSystem() throws Exception {
    if (system != null) {
      system.close();
    }
  }

  @Test
  void theOriginalIntegrationScenarioPassesUnattended() throws Exception {
    BillingClient api = new BillingClient(system.baseUri().resolve("/"));
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    UUID product = UUID.randomUUID();
    UUID movie = UUID.randomUUID();
    UUID otherMovie = UUID.randomUUID();

    step(1, "seed two movies and a product containing them through the admin's content schema");
    database.update(
        "insert into content.movie (id, title, rating, type) values (?, ?, 80, 'movie'),"
            + " (?, ?, 70, 'tv_show')",
        movie,
        "Scenario movie " + suffix,
        otherMovie,
        "Scenario series " + suffix);
    database.update(
        "insert into content.product (id, name, price, currency, period)"
            + " values (?, ?, 299.00, 'RUB', 'month')",
        product,
        "Scenario bundle " + suffix);
    database.update(
        "insert into content.product_movie (product_id, movie_id) values (?, ?), (?, ?)",
        product,
        movie,
        product,
        otherMovie);
    await("step 1: the ETL to carry product " + product + " into billing")
        .atMost(ETL_WAIT)
        .until(
            () ->
                (Long)
                        database.value(
                            "select count(*) from billing.product_movie where product_id = ?",
                            product)
                    == 2L);
    say("      the ETL carried the product and its 2 movies into billing");

    step(2, "register a user and get a token");
    String token = api.newViewer();
    say("      token issued (" + token.length() + " characters)");

    step(3, "list products: the seeded product is there");
    Http.Response products = api.get("billing/products", token);
    assertThat(products.status()).as("step 3 (products): %s", products).isEqualTo(200);
    assertThat(products.body())
        .as("step 3 (products): seeded product %s missing from %s", product, products)
        .contains(product.toString(), "Scenario bundle " + suffix);

    step(4, "check-rights on a seeded movie: not allowed yet");
    assertThat(mayWatch(api, token, movie, 4)).as("step 4 (check-rights before paying)").isFalse();

    step(5, "add-product: 201 with a payment url; still not allowed");
    Http.Response added = api.addProduct(token, product);
    assertThat(added.status()).as("step 5 (add-product): %s", added).isEqualTo(201);
    String url = added.json().getString("url", null);
    assertThat(url).as("step 5 (add-product): no payment url in %s", added).isNotBlank();
    say("      payment link: " + url);
    assertThat(mayWatch(api, token, movie, 5))
        .as("step 5 (check-rights after subscribing)")
        .isFalse();

    step(
        6,
        manualStripe
            ? "pay by hand on Stripe"
            : "pay on the checkout page with 4242 4242 4242 4242");
    Duration payWait = SANDBOX_PAY_WAIT;
    if (manualStripe) {
      payWait =
          Duration.ofSeconds(env("SCENARIO_PAY_TIMEOUT_SECONDS").map(Long::parseLong).orElse(120L));
      askAPersonToPay(url, payWait);
    } else {
      Http.Response paid = api.payOnCheckout(url, "4242 4242 4242 4242");
      assertThat(paid.status()).as("step 6 (pay on the checkout page): %s", paid).isEqualTo(200);
    }
    JsonObject payment = awaitPaidPayment(api, token, payWait);
    say("      paid: payment " + payment.getString("id") + " on " + payment.getString("pay_date"));

    step(7, "check-rights: allowed");
    assertThat(mayWatch(api, token, movie, 7)).as("step 7 (check-rights after paying)").isTrue();

    step(8, "cancel-payment on that payment: 200");
    Http.Response canceled = api.cancelPayment(token, payment.getString("id"));
    assertThat(canceled.status()).as("step 8 (cancel-payment): %s", canceled).isEqualTo(200);
    say("      payment is now " + canceled.json().getString("status"));

    step(9, "check-rights: not allowed any more");
    assertThat(mayWatch(api, token, movie, 9))
        .as("step 9 (check-rights after the refund)")
        .isFalse();
    say("[scenario] all 9 steps passed");
  }

  private static boolean mayWatch(BillingClient api, String token, UUID movie, int step) {
    Http.Response response = api.post("content/check-rights/" + movie, token, "");
    assertThat(response.status()).as("step %d (check-rights): %s", step, response).isEqualTo(200);
    return response.json().getBoolean("allow");
  }

  /** The statement's newest payment, once it has a pay_date (the provider's webhook arrived). */
  private static JsonObject awaitPaidPayment(BillingClient api, String token, Duration wait) {
    JsonObject[] newest = new JsonObject[1];
    await("step 6: the statement's newest payment to get a pay_date")
        .atMost(wait)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              Http.Response statement = api.statement(token);
              if (statement.status() != 200 || statement.json().getJsonArray("items").isEmpty()) {
                return false;
              }
              newest[0] = statement.json().getJsonArray("items").getJsonObject(0);
              return newest[0].containsKey("pay_date") && !newest[0].isNull("pay_date");
            });
    return newest[0];
  }

  /** The original's manual step: the link to the log and, if configured, to Telegram. */
  private static void askAPersonToPay(String url, Duration wait) {
    String message =
        "Cinema billing scenario: pay within "
            + wait.toSeconds()
            + " s with card 4242 4242 4242 4242 at "
            + url;
    say("      >>> " + message);
    Optional<String> bot = env("TELEGRAM_BOT_TOKEN");
    Optional<String> chat = env("TELEGRAM_CHAT_ID");
    if (bot.isPresent() && chat.isPresent()) {
      Http.Response sent =
          Http.send(
              HttpRequest.newBuilder(
                      URI.create("https://api.telegram.org/bot" + bot.get() + "/sendMessage"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "chat_id="
                              + URLEncoder.encode(chat.get(), StandardCharsets.UTF_8)
                              + "&text="
                              + URLEncoder.encode(message, StandardCharsets.UTF_8))));
      say("      sent to Telegram: " + sent.status());
    }
  }

  private static void step(int number, String what) {
    say("[scenario] step " + number + ": " + what);
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }

  private static Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name)).map(String::strip).filter(v -> !v.isEmpty());
  }
}
