package org.cinema.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cinema.it.support.BillingClient;
import org.cinema.it.support.Browser;
import org.cinema.it.support.Http;
import org.cinema.it.support.ProviderEvents;
import org.cinema.it.support.RunCommand;
import org.cinema.it.support.Sql;
import org.cinema.it.support.StripeSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The admin panel in a real headless Chromium, against the whole system as {@code make run} starts
 * it (admin, billing and ETL on one Payara Micro, embedded PostgreSQL): a manager logs in, keeps
 * the catalog, sees a validation error, refunds a payment a viewer made through the billing API,
 * switches language and logs out. Screenshots of the main pages land in target/screenshots.
 */
class AdminBrowserIT {

  private static final String PASSWORD = "browser-test-password";

  /** The sandbox's signing secret here, so that the test can play the provider too. */
  private static final String WEBHOOK_SECRET = "whsec_browser_test";

  private static RunCommand system;
  private static Sql content;
  private static String admin;

  @BeforeAll
  static void startTheSystem() throws Exception {
    Path data = Path.of("target", "admin-browser-data");
    Files.createDirectories(data);
    system =
        RunCommand.start(
            Files.createTempDirectory(data, "run"),
            data.resolve("run.log"),
            Map.of(
                "ADMIN_PASSWORD",
                PASSWORD,
                "ETL_INTERVAL_SECONDS",
                "2",
                "SANDBOX_WEBHOOK_SECRET",
                WEBHOOK_SECRET,
                "WEBHOOK_MAX_ATTEMPTS",
                "1"));
    content = new Sql(system.database());
    admin = system.baseUri() + "/admin/";
  }

  @AfterAll
  static void stopTheSystem() throws Exception {
    if (system != null) {
      system.close();
    }
  }

  @Test
  void aManagerKeepsTheCatalogAndRefundsAPayment() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String movie = "Selenium movie " + suffix;
    String product = "Selenium pack " + suffix;

    try (Browser browser = Browser.open()) {
      // Every page needs a login; a wrong password gets the login page again, with a message.
      browser.get(admin + "movies.xhtml");
      assertThat(browser.currentUrl()).contains("/admin/login.xhtml");
      logIn(browser, "wrong-password");
      assertThat(browser.text("loginFailed")).isEqualTo("Wrong username or password.");
      logIn(browser, PASSWORD);
      assertThat(browser.currentUrl()).as("back to the page asked for").endsWith("movies.xhtml");
      assertThat(browser.text("nav:who")).isEqualTo("admin");

      // A movie: a validation error first, then created.
      browser.click("movies:create");
      browser.type("movieForm:rating", "150");
      browser.click("movieForm:save");
      String refused = browser.text("movieForm");
      assertThat(refused)
          .contains("Title is required.")
          .contains("Rating is a whole number from 0 to 100.");
      browser.screenshot("movie-validation");
      browser.type("movieForm:title", movie);
      browser.type("movieForm:rating", "77");
      browser.selectOne("movieForm:movieType", "TV show");
      browser.click("movieForm:save");
      assertThat(browser.awaitText("messages", "created")).contains("Movie \"" + movie + "\"");
      browser.waitUntilGone("movieForm:title");
      assertThat(content.value("select type from content.movie where title = ?", movie))
          .isEqualTo("tv_show");

      // A product with that movie, picked with the auto-complete.
      browser.get(admin + "products.xhtml");
      browser.click("products:create");
      browser.type("productForm:name", product);
      browser.type("productForm:price", "199.00");
      browser.type("productForm:currency", "RUB");
      browser.selectOne("productForm:period", "Month");
      browser.visible("productForm:movies_input").sendKeys("Selenium movie " + suffix);
      browser.click(
          By.xpath("//*[@id='productForm:movies_panel']//li[contains(., '" + movie + "')]"));
      browser.screenshot("product-dialog");
      browser.click("productForm:save");
      assertThat(browser.awaitText("messages", "created")).contains(product);
      assertThat(productRow(browser, product).findElement(By.className("movie-count")).getText())
          .isEqualTo("1");

      // Edit it, then find it by name.
      productRow(browser, product).findElement(By.className("edit-product")).click();
      browser.ajaxDone();
      browser.type("productForm:price", "249.00");
      browser.click("productForm:save");
      assertThat(browser.awaitText("messages", "saved")).contains(product);
      assertThat(content.value("select price::text from content.product where name = ?", product))
          .isEqualTo("249.00");
      browser.type("products:search", suffix);
      browser.click("products:find");
      assertThat(names(browser, "product-name")).containsExactly(product);
      browser.screenshot("products");

      // Deleting the movie asks first, saying it is used, and takes it out of the product.
      browser.get(admin + "movies.xhtml");
      browser.type("movies:search", suffix);
      browser.click("movies:find");
      assertThat(names(browser, "movie-title")).containsExactly(movie);
      browser.screenshot("movies");
      browser.click(By.className("delete-movie"));
      assertThat(browser.text("deleteMovieText")).contains(movie).contains("1 product(s)");
      browser.click("deleteMovieForm:confirmDelete");
      assertThat(browser.awaitText("messages", "deleted")).contains(movie);
      browser.ajaxDone();
      assertThat(names(browser, "movie-title")).isEmpty();
      assertThat(
              content.value(
                  "select (m.deleted_at is not null and l.deleted_at is not null)::text"
                      + " from content.movie m join content.product_movie l on l.movie_id = m.id"
                      + " where m.title = ?",
                  movie))
          .isEqualTo("true");

      // A viewer pays for a demo product through the billing API; the manager refunds it.
      BillingClient api = new BillingClient(system.baseUri().resolve("/"));
      String token = api.newViewer();
      UUID demoProduct = UUID.fromString("00000000-0000-4000-8000-000000000201");
      await("the demo catalog carried to billing by the ETL")
          .atMost(Duration.ofSeconds(60))
          .until(() -> api.get("billing/products", token).body().contains(demoProduct.toString()));
      Http.Response added = api.addProduct(token, demoProduct);
      assertThat(added.status()).as("add-product: %s", added).isEqualTo(201);
      assertThat(api.payOnCheckout(added.json().getString("url"), "4242 4242 4242 4242").status())
          .isEqualTo(200);
      String payment = added.json().getString("payment_id");
      await("the payment confirmed by the sandbox's webhook")
          .atMost(Duration.ofSeconds(30))
          .until(() -> newestPaymentStatus(api, token).equals("SUCCEEDED"));
      UUID movieOfDemo = UUID.fromString("00000000-0000-4000-8000-000000000101");
      assertThat(api.mayWatch(token, movieOfDemo)).as("paid").isTrue();

      browser.get(admin + "payments.xhtml?customer=" + BillingClient.accountOf(token));
      assertThat(names(browser, "payment-status")).containsExactly("SUCCEEDED");
      browser.click(By.className("ask-refund"));
      browser.type("refundForm:reason", "Customer asked, test " + suffix);
      browser.click("refundForm:doRefund");
      browser.click("confirmYes");
      assertThat(browser.awaitText("messages", "Refund made")).contains(payment);
      browser.ajaxDone();
      assertThat(names(browser, "payment-status")).containsExactly("REFUNDED");
      browser.click(By.className("show-history"));
      browser.visible("historyForm:transitions");
      assertThat(names(browser, "transition-to")).contains("SUCCEEDED", "REFUNDED");
      assertThat(names(browser, "refund-reason")).containsExactly("Customer asked, test " + suffix);
      browser.screenshot("payments-after-refund");
      assertThat(api.mayWatch(token, movieOfDemo)).as("refunded: access ends").isFalse();

      // The provider reports a success of another amount: not applied, flagged for review.
      String other = api.newViewer();
      String unpaid = api.addProduct(other, demoProduct).json().getString("payment_id");
      String wrongAmount = ProviderEvents.checkoutCompleted(unpaid, 100, "rub", "pi_browser");
      assertThat(api.postWebhook(wrongAmount, sign(wrongAmount)).status()).isEqualTo(200);
      browser.get(admin + "payments.xhtml?customer=" + BillingClient.accountOf(other));
      browser.click(By.cssSelector("[id='payments:review'] .ui-chkbox-box"));
      await("the mismatch flagged")
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                browser.click("payments:find");
                browser.ajaxDone();
                assertThat(names(browser, "review-reason"))
                    .singleElement()
                    .asString()
                    .contains("1.00 RUB paid, not");
              });
      assertThat(names(browser, "payment-status")).containsExactly("PENDING");
      browser.screenshot("payments-flagged");

      // An event that cannot be applied is parked (after one attempt here) and retried by hand.
      String broken =
          ProviderEvents.event(
              "charge.refunded",
              Json.createObjectBuilder()
                  .add("id", "ch_browser")
                  .add("payment_intent", "pi_browser")
                  .add("currency", "rub")
                  .add("metadata", Json.createObjectBuilder().add("payment_id", payment)));
      assertThat(api.postWebhook(broken, sign(broken)).status()).isEqualTo(200);
      browser.click("nav:navEvents");
      await("the event parked")
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                browser.click("events:find");
                browser.ajaxDone();
                assertThat(names(browser, "event-error"))
                    .anySatisfy(error -> assertThat(error).contains("says nothing of how much"));
              });
      browser.screenshot("events-parked");
      browser.click(By.className("retry-event"));
      assertThat(browser.awaitText("messages", "still not applied"))
          .as("one attempt allowed here: parked again")
          .contains("(parked): IllegalArgumentException: ", "says nothing of how much");

      // The dashboard counts it; the switch turns the panel Russian.
      browser.get(admin);
      browser.visible("revenue");
      browser.screenshot("dashboard");
      browser.click("nav:langRu");
      assertThat(browser.text("nav")).contains("Фильмы", "Платежи");
      browser.screenshot("dashboard-ru");
      browser.click("nav:langEn");

      // Logging out ends the session: pages are refused again.
      browser.click("nav:logout");
      assertThat(browser.text("loggedOut")).isEqualTo("You have logged out.");
      browser.get(admin + "payments.xhtml");
      assertThat(browser.currentUrl()).contains("/admin/login.xhtml");
    }
  }

  @Test
  void anActionPostedWithoutASessionIsRefused() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    Object moviesBefore = content.value("select count(*) from content.movie");
    for (String page : List.of("movies.xhtml", "payments.xhtml", "managers.xhtml", "")) {
      HttpResponse<String> posted =
          client.send(
              HttpRequest.newBuilder(URI.create(admin + page))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "movies=movies&jakarta.faces.partial.ajax=true"
                              + "&jakarta.faces.source=movies%3Acreate"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(posted.statusCode()).as(page).isEqualTo(302);
      assertThat(posted.headers().firstValue("Location"))
          .hasValueSatisfying(location -> assertThat(location).contains("/admin/login.xhtml"));
    }
    assertThat(content.value("select count(*) from content.movie"))
        .as("nothing was created")
        .isEqualTo(moviesBefore);
  }

  // ---------------------------------------------------------------------------------------------

  private static String sign(String payload) {
    return StripeSignature.sign(payload, WEBHOOK_SECRET, Instant.now());
  }

  private static void logIn(Browser browser, String password) {
    browser.type("username", "admin");
    browser.type("password", password);
    browser.click("signIn");
  }

  private static WebElement productRow(Browser browser, String name) {
    return browser.driver().findElements(By.cssSelector("#products\\:table_data tr")).stream()
        .filter(row -> !row.findElements(By.className("product-name")).isEmpty())
        .filter(row -> row.findElement(By.className("product-name")).getText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row for product " + name));
  }

  private static List<String> names(Browser browser, String cssClass) {
    return browser.all(By.className(cssClass)).stream().map(WebElement::getText).toList();
  }

  private static String newestPaymentStatus(BillingClient api, String token) {
    JsonObject statement = api.statement(token).json();
    return statement.getJsonArray("items").getJsonObject(0).getString("status");
  }
}
