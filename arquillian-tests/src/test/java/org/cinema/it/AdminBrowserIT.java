package org.cinema.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cinema.it.support.BillingClient;
import org.cinema.it.support.Browser;
import org.cinema.it.support.Http;
import org.cinema.it.support.ProviderEvents;
import org.cinema.it.support.RawHttp;
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
                "1",
                "ADMIN_LOGIN_MAX_FAILURES_PER_ADDRESS",
                "5"));
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
      UUID demoProduct = DEMO_PRODUCT;
      String payment = paidDemoProduct(api, token);
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

      // The audit page lists the refund and the product's edit, each under the manager's own name.
      browser.get(admin + "audit.xhtml");
      browser.type("audit:target", payment);
      browser.click("audit:find");
      assertThat(names(browser, "audit-action")).containsExactly("refund");
      assertThat(names(browser, "audit-actor")).containsExactly("admin");
      assertThat(names(browser, "audit-details"))
          .singleElement()
          .asString()
          .contains("299.00 RUB", "REFUNDED");
      String productId =
          content.value("select id::text from content.product where name = ?", product).toString();
      browser.type("audit:target", productId);
      browser.click("audit:find");
      assertThat(names(browser, "audit-action"))
          .as("newest first")
          .containsExactly("product.edit", "product.create");
      assertThat(names(browser, "audit-actor")).containsOnly("admin");
      assertThat(names(browser, "audit-details")).first().asString().contains(product, "249.00");
      browser.screenshot("audit");

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

  @Test
  void passwordGuessingIsSlowedPerUsernameAndPerAddress() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String locked = "locked-" + suffix;
    String reset = "reset-" + suffix;
    String timing = "timing-" + suffix;
    try (Browser browser = Browser.open()) {
      logInAs(browser, "admin", PASSWORD);
      addManager(browser, locked, MANAGER_PASSWORD, false);
      addManager(browser, reset, MANAGER_PASSWORD, false);
      addManager(browser, timing, MANAGER_PASSWORD, false);
    }

    // Five wrong passwords for one username (from one address)...
    for (int i = 0; i < 5; i++) {
      assertThat(postLogin("127.0.0.2", locked, "wrong-" + i).status()).isNotEqualTo(429);
    }
    // ...and the right one is refused from anywhere, without being checked, for the window.
    Http.Response refused = postLogin("127.0.0.1", locked, MANAGER_PASSWORD);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After"))
        .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(840, 900));
    assertThat(refused.body()).contains("Too many failed logins. Try again in 15 minutes.");
    try (Browser browser = Browser.open()) {
      browser.get(admin + "movies.xhtml");
      logInAs(browser, locked, MANAGER_PASSWORD);
      assertThat(browser.text("loginLocked"))
          .isEqualTo("Too many failed logins. Try again in 15 minutes.");
      browser.screenshot("login-locked");
    }

    // Five failures from one address, each for another (unknown) name: that address is refused.
    for (int i = 0; i < 5; i++) {
      assertThat(postLogin("127.0.0.3", "nobody-" + suffix + i, "wrong").status())
          .isNotEqualTo(429);
    }
    assertThat(postLogin("127.0.0.3", reset, MANAGER_PASSWORD).status()).isEqualTo(429);

    // Guesses sent all at once get no more tries than the limit: each is counted before its
    // password is checked.
    ExecutorService senders = Executors.newFixedThreadPool(12);
    try {
      List<Future<Http.Response>> sent = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        String guess = "rushed-" + i;
        sent.add(senders.submit(() -> postLogin("127.0.0.9", "rushed-" + suffix, guess)));
      }
      int checked = 0;
      for (Future<Http.Response> answer : sent) {
        checked += answer.get().status() == 429 ? 0 : 1;
      }
      assertThat(checked).as("guesses whose password was checked").isEqualTo(5);
    } finally {
      senders.shutdownNow();
    }

    // A success resets the username's count.
    for (int i = 0; i < 4; i++) {
      assertThat(postLogin("127.0.0.4", reset, "wrong-" + i).status()).isNotEqualTo(429);
    }
    assertThat(postLogin("127.0.0.5", reset, MANAGER_PASSWORD).status()).isNotEqualTo(429);
    for (int i = 0; i < 4; i++) {
      assertThat(postLogin("127.0.0.6", reset, "wrong-" + i).status()).isNotEqualTo(429);
    }
    assertThat(postLogin("127.0.0.5", reset, MANAGER_PASSWORD).status())
        .as("4 failures since the success")
        .isNotEqualTo(429);

    // An unknown username costs what a wrong password does: no account enumeration by timing.
    List<Long> wrongPassword = new ArrayList<>();
    List<Long> unknownUser = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      wrongPassword.add(timed(() -> postLogin("127.0.0.7", timing, "wrong")));
      String ghost = "ghost-" + suffix + i;
      unknownUser.add(timed(() -> postLogin("127.0.0.8", ghost, "wrong")));
    }
    Collections.sort(wrongPassword);
    Collections.sort(unknownUser);
    assertThat(unknownUser.get(1))
        .as("median ms, unknown %s vs wrong password %s", unknownUser, wrongPassword)
        .isGreaterThan(wrongPassword.get(1) / 2);
  }

  @Test
  void theSessionCookieIsGuardedAndChangesAtLoginAndEveryAnswerCarriesProtectiveHeaders()
      throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> asked =
        client.send(
            HttpRequest.newBuilder(URI.create(admin + "movies.xhtml")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(asked.statusCode()).isEqualTo(302);
    String cookie = sessionCookie(asked);
    assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    assertThat(cookie).as("plain HTTP: not Secure").doesNotContainIgnoringCase("Secure;");
    assertThat(cookie.toLowerCase()).doesNotEndWith("secure");
    String before = cookieValue(cookie);

    HttpResponse<String> loggedIn =
        client.send(
            HttpRequest.newBuilder(URI.create(admin + "j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + before)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "j_username=admin&j_password="
                            + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(loggedIn.statusCode()).isEqualTo(302);
    assertThat(loggedIn.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/admin/movies.xhtml"));
    String after = cookieValue(sessionCookie(loggedIn));
    assertThat(after).as("a new session id at login").isNotEqualTo(before);

    HttpResponse<String> page =
        client.send(
            HttpRequest.newBuilder(URI.create(admin + "movies.xhtml"))
                .header("Cookie", "JSESSIONID=" + after)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    HttpResponse<String> oldId =
        client.send(
            HttpRequest.newBuilder(URI.create(admin + "movies.xhtml"))
                .header("Cookie", "JSESSIONID=" + before)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(oldId.statusCode())
        .as("the id from before the login is worth nothing")
        .isEqualTo(302);

    HttpResponse<String> login =
        client.send(
            HttpRequest.newBuilder(URI.create(admin + "login.xhtml")).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> style =
        client.send(
            HttpRequest.newBuilder(URI.create(admin + "jakarta.faces.resource/css/admin.css.xhtml"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    for (HttpResponse<String> answer : List.of(page, login, style)) {
      assertThat(answer.headers().firstValue("X-Content-Type-Options"))
          .as(answer.uri().toString())
          .contains("nosniff");
      assertThat(answer.headers().firstValue("Referrer-Policy"))
          .as(answer.uri().toString())
          .contains("same-origin");
    }
    for (HttpResponse<String> html : List.of(page, login)) {
      assertThat(html.headers().firstValue("X-Frame-Options")).contains("DENY");
      assertThat(html.headers().firstValue("Content-Security-Policy"))
          .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
    }
  }

  @Test
  void aPlainManagerNeedsASuperuserForALargeRefundAndLosesTheSessionWhenChanged() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String clerk = "clerk-" + suffix;
    BillingClient api = new BillingClient(system.baseUri().resolve("/"));
    String viewer = api.newViewer();
    String payment = paidDemoProduct(api, viewer);

    try (Browser boss = Browser.open();
        Browser browser = Browser.open()) {
      logInAs(boss, "admin", PASSWORD);
      addManager(boss, clerk, MANAGER_PASSWORD, false);

      browser.get(admin + "payments.xhtml?customer=" + BillingClient.accountOf(viewer));
      logInAs(browser, clerk, MANAGER_PASSWORD);
      assertThat(browser.text("nav:who")).isEqualTo(clerk);

      // All of 299.00 RUB is above the limit: refused, nothing sent to billing.
      browser.click(By.className("ask-refund"));
      browser.type("refundForm:reason", "Too much for a clerk " + suffix);
      browser.click("refundForm:doRefund");
      browser.click("confirmYes");
      assertThat(browser.awaitText("messages", "superuser"))
          .contains("Refunds of more than 100.00 RUB of one payment need a superuser.");
      browser.screenshot("refund-needs-superuser");
      browser.get(admin + "payments.xhtml?customer=" + BillingClient.accountOf(viewer));
      assertThat(names(browser, "payment-status")).containsExactly("SUCCEEDED");

      // 50.00 of it is within a manager's reach.
      browser.click(By.className("ask-refund"));
      browser.type("refundForm:amount", "50.00");
      browser.type("refundForm:reason", "A little back " + suffix);
      browser.click("refundForm:doRefund");
      browser.click("confirmYes");
      assertThat(browser.awaitText("messages", "Refund made")).contains(payment);
      browser.ajaxDone();
      assertThat(names(browser, "payment-status")).containsExactly("PARTIALLY_REFUNDED");

      // 60.00 more would make 110.00 of it: part refunds count together.
      browser.click(By.className("ask-refund"));
      browser.type("refundForm:amount", "60.00");
      browser.type("refundForm:reason", "A little more " + suffix);
      browser.click("refundForm:doRefund");
      browser.click("confirmYes");
      assertThat(browser.awaitText("messages", "superuser"))
          .contains("Refunds of more than 100.00 RUB of one payment need a superuser.");
      browser.get(admin + "payments.xhtml?customer=" + BillingClient.accountOf(viewer));
      assertThat(names(browser, "payment-status")).containsExactly("PARTIALLY_REFUNDED");

      // The clerk changes their own password and stays logged in.
      browser.click("nav:navPassword");
      browser.type("passwordForm:current", "not-the-password");
      browser.type("passwordForm:newPassword", "clerk-new-password");
      browser.click("passwordForm:change");
      assertThat(browser.awaitText("messages", "current"))
          .contains("The current password is wrong.");
      browser.type("passwordForm:current", MANAGER_PASSWORD);
      browser.type("passwordForm:newPassword", "clerk-new-password");
      browser.click("passwordForm:change");
      assertThat(browser.awaitText("messages", "changed")).contains("Your password was changed.");
      browser.click("nav:navPayments");
      assertThat(browser.currentUrl()).endsWith("payments.xhtml");

      // A superuser sets it: the clerk's open session is sent to the login page at once.
      boss.get(admin + "managers.xhtml");
      managerRow(boss, clerk).findElement(By.className("set-password")).click();
      boss.ajaxDone();
      boss.type("setPasswordForm:newPassword", "clerk-third-password");
      boss.click("setPasswordForm:save");
      assertThat(boss.awaitText("messages", "password")).contains(clerk);
      browser.click("nav:navMovies");
      assertThat(browser.currentUrl()).contains("/admin/login.xhtml");
      assertThat(browser.text("sessionEnded")).contains("log in again");
      logInAs(browser, clerk, "clerk-third-password");
      assertThat(browser.text("nav:who")).isEqualTo(clerk);

      // Deactivated: the same.
      boss.get(admin + "managers.xhtml");
      managerRow(boss, clerk).findElement(By.className("toggle-manager")).click();
      boss.ajaxDone();
      assertThat(boss.awaitText("messages", "no longer")).contains(clerk);
      browser.click("nav:navProducts");
      assertThat(browser.currentUrl()).contains("/admin/login.xhtml");
      browser.screenshot("session-ended");

      // Every step is on the audit page, under who did it.
      boss.get(admin + "audit.xhtml");
      boss.type("audit:actor", clerk);
      boss.click("audit:find");
      assertThat(names(boss, "audit-action"))
          .containsExactly("manager.password", "refund.refused", "refund", "refund.refused");
      boss.type("audit:actor", "admin");
      boss.type("audit:target", managerId(clerk));
      boss.click("audit:find");
      assertThat(names(boss, "audit-action"))
          .containsExactly("manager.deactivate", "manager.password", "manager.add");
      boss.screenshot("audit-managers");
    }
  }

  @Test
  void theEtlRunsFromTheDashboard() throws Exception {
    try (Browser browser = Browser.open()) {
      logInAs(browser, "admin", PASSWORD);
      // The scheduled run (every 2 s here) may hold the lock: that answer is shown, then again.
      String shown = "";
      for (int attempt = 0; attempt < 5 && !shown.contains("started"); attempt++) {
        browser.get(admin);
        browser.click("etl:runNow");
        shown = browser.awaitText("messages", "ETL");
      }
      assertThat(shown).containsPattern("ETL run [0-9]+ started");
      browser.screenshot("etl-started");
      String run = shown.replaceAll("(?s).*ETL run ([0-9]+) started.*", "$1");
      browser.get(admin + "audit.xhtml");
      browser.type("audit:action", "etl.run");
      browser.type("audit:target", run);
      browser.click("audit:find");
      assertThat(names(browser, "audit-actor")).containsExactly("admin");
    }
  }

  @Test
  void renewalsAreShownAndAPassStartsFromTheRenewalsPage() throws Exception {
    try (Browser browser = Browser.open()) {
      logInAs(browser, "admin", PASSWORD);
      browser.click("nav:navRenewals");
      assertThat(browser.currentUrl()).endsWith("renewals.xhtml");
      assertThat(browser.text("upcomingTitle")).isEqualTo("Due in the next 7 days");
      assertThat(browser.text("upcoming")).contains("Day", "Currency", "Renewals", "Amount");
      assertThat(browser.text("passesTitle")).isEqualTo("Latest passes");
      assertThat(browser.text("renewals:table"))
          .contains("Started", "Trigger", "Status", "Renewed", "Past due", "Awaiting", "Errors");

      // A scheduled pass may be running: that answer is a warning, then the button again.
      String shown = "";
      for (int attempt = 0; attempt < 5 && !shown.contains("started"); attempt++) {
        browser.get(admin + "renewals.xhtml");
        browser.click("renewals:runNow");
        shown = browser.awaitText("messages", "enewal pass");
      }
      assertThat(shown).containsPattern("Renewal pass [0-9a-f-]{36} started");
      browser.ajaxDone();
      assertThat(names(browser, "run-trigger")).contains("administrator");
      browser.screenshot("renewals-started");
      String run = shown.replaceAll("(?s).*Renewal pass ([0-9a-f-]{36}) started.*", "$1");
      browser.get(admin + "audit.xhtml");
      browser.type("audit:action", "renewal.run");
      browser.type("audit:target", run);
      browser.click("audit:find");
      assertThat(names(browser, "audit-actor")).containsExactly("admin");
    }
  }

  @Test
  void aPaidJourneyIsNotifiedAndAParkedNotificationIsSentAgain() throws Exception {
    BillingClient api = new BillingClient(system.baseUri().resolve("/"));
    String viewer = api.newViewer();
    UUID account = BillingClient.accountOf(viewer);
    paidDemoProduct(api, viewer);
    String login =
        content.value("select login from billing.account where id = ?", account).toString();

    try (Browser browser = Browser.open()) {
      logInAs(browser, "admin", PASSWORD);
      browser.click("nav:navNotifications");
      assertThat(browser.currentUrl()).endsWith("notifications.xhtml");
      assertThat(browser.text("notifications:table"))
          .contains("Created", "Event", "Channel", "Status", "Attempts", "Subject", "Last error");

      // The viewer's deliveries, newest first: sent on the run command's default channel.
      browser.type("notifications:customer", account.toString());
      await("the journey's notifications sent")
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                browser.click("notifications:find");
                assertThat(names(browser, "notification-event"))
                    .contains("payment.succeeded", "subscription.activated");
                assertThat(names(browser, "notification-status")).containsOnly("SENT");
              });
      assertThat(names(browser, "notification-channel")).containsOnly("log");
      browser.selectOne("notifications:status", "DEAD");
      browser.click("notifications:find");
      assertThat(names(browser, "notification-event")).as("none parked").isEmpty();
      browser.screenshot("notifications");

      // One parked after its attempts (as a channel that kept failing leaves it) is sent again.
      content.update(
          "update billing.notification set status = 'DEAD', attempts = 5,"
              + " last_error = 'Channel down (test)' where account_id = ?"
              + " and event_type = 'payment.succeeded' and channel = 'log'",
          account);
      browser.click("notifications:find");
      assertThat(names(browser, "notification-event")).containsExactly("payment.succeeded");
      assertThat(names(browser, "notification-error")).containsExactly("Channel down (test)");
      browser.selectOne("notifications:status", "Any status");
      browser.click("notifications:find");
      assertThat(
              notificationRow(browser, "subscription.activated")
                  .findElements(By.className("retry-notification")))
          .as("a sent one is not sent again")
          .isEmpty();
      browser.screenshot("notifications-dead");
      notificationRow(browser, "payment.succeeded")
          .findElement(By.className("retry-notification"))
          .click();
      browser.click("confirmYes");
      assertThat(browser.awaitText("messages", "again")).contains("payment.succeeded");
      browser.ajaxDone();
      assertThat(
              notificationRow(browser, "payment.succeeded")
                  .findElement(By.className("notification-status"))
                  .getText())
          .isEqualTo("PENDING");
      await("sent again")
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  content
                      .value(
                          "select status from billing.notification where account_id = ?"
                              + " and event_type = 'payment.succeeded' and channel = 'log'",
                          account)
                      .equals("SENT"));

      // The customer's own deliveries, from the customers page, lead to the filtered page.
      browser.get(admin + "customers.xhtml");
      browser.type("customers:search", login);
      browser.click("customers:find");
      browser.click(By.className("show-notifications"));
      browser.visible("customerNotificationsForm:notifications");
      assertThat(names(browser, "notification-event"))
          .contains("payment.succeeded", "subscription.activated");
      assertThat(names(browser, "notification-channel")).containsOnly("log");
      browser.screenshot("customer-notifications");
      browser.clickToLeave("customerNotificationsForm:allNotifications");
      assertThat(browser.currentUrl()).contains("notifications.xhtml?customer=" + account);
      assertThat(browser.visible("notifications:customer").getAttribute("value"))
          .isEqualTo(account.toString());
      assertThat(names(browser, "notification-event"))
          .contains("payment.succeeded", "subscription.activated");

      // Audited under the manager's name.
      browser.get(admin + "audit.xhtml");
      browser.type("audit:action", "notification.retry");
      browser.click("audit:find");
      assertThat(names(browser, "audit-actor")).containsExactly("admin");
      assertThat(names(browser, "audit-details"))
          .singleElement()
          .asString()
          .contains("payment.succeeded", "PENDING");
    }
  }

  @Test
  void aSuperuserAddsAWebhookEndpointSeesItsSecretOnceDisablesAndDeletesIt() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String url = "https://hooks.example.org/cinema-" + suffix;
    String clerk = "hook-clerk-" + suffix;
    try (Browser browser = Browser.open()) {
      logInAs(browser, "admin", PASSWORD);
      addManager(browser, clerk, MANAGER_PASSWORD, false);
      browser.click("nav:navEndpoints");
      assertThat(browser.currentUrl()).endsWith("webhook-endpoints.xhtml");

      // A bad address is billing's 400, shown; nothing is created.
      String bad = "ftp://hooks.example.org/hook-" + suffix;
      browser.click("endpoints:create");
      browser.type("endpointForm:url", bad);
      browser.click("endpointForm:save");
      await("billing's refusal shown")
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> !browser.all(By.cssSelector("[id='messages'] .ui-messages-error")).isEmpty());
      assertThat(browser.text("messages")).containsIgnoringCase("url");
      browser.screenshot("endpoint-refused");
      browser.click("endpointForm:cancel");
      browser.get(admin + "webhook-endpoints.xhtml");
      assertThat(names(browser, "endpoint-url")).doesNotContain(bad);
      assertThat(
              content.value(
                  "select count(*) from billing.webhook_endpoint where url like ?",
                  "%hook-" + suffix))
          .isEqualTo(0L);

      // Created for two events: the secret is shown once, with a note to copy it now.
      browser.click("endpoints:create");
      browser.type("endpointForm:url", url);
      browser.click(By.cssSelector("[id='endpointForm:allEvents'] .ui-chkbox-box"));
      browser.click(By.xpath("//*[@id='endpointForm:events']//label[text()='payment.succeeded']"));
      browser.click(By.xpath("//*[@id='endpointForm:events']//label[text()='refund.succeeded']"));
      browser.type("endpointForm:description", "Accounting " + suffix);
      browser.click("endpointForm:save");
      assertThat(browser.awaitText("messages", "created")).contains(url);
      String secret = browser.text("secretForm:secret");
      assertThat(secret).matches("whsec_[0-9a-f]{64}");
      assertThat(browser.text("secretForm:note")).contains("copy it now");
      browser.screenshot("endpoint-secret");
      browser.click("secretForm:close");
      WebElement row = endpointRow(browser, url);
      assertThat(row.findElement(By.className("endpoint-events")).getText())
          .contains("payment.succeeded", "refund.succeeded");
      assertThat(row.findElement(By.className("endpoint-enabled")).getText()).isEqualTo("Yes");
      browser.get(admin + "webhook-endpoints.xhtml");
      assertThat(browser.driver().getPageSource()).as("never shown again").doesNotContain(secret);
      browser.screenshot("endpoints");

      // Its deliveries (none yet), then disabled, enabled and disabled again.
      endpointRow(browser, url).findElement(By.className("show-deliveries")).click();
      browser.ajaxDone();
      assertThat(browser.text("deliveriesForm:deliveries")).contains("Status", "Attempts");
      browser.click("deliveriesForm:close");
      endpointRow(browser, url).findElement(By.className("toggle-endpoint")).click();
      browser.ajaxDone();
      assertThat(browser.awaitText("messages", "disabled")).contains(url);
      assertThat(endpointRow(browser, url).findElement(By.className("endpoint-enabled")).getText())
          .isEqualTo("No");
      endpointRow(browser, url).findElement(By.className("toggle-endpoint")).click();
      browser.ajaxDone();
      assertThat(browser.awaitText("messages", "enabled")).contains(url);
      endpointRow(browser, url).findElement(By.className("toggle-endpoint")).click();
      browser.ajaxDone();
      assertThat(browser.awaitText("messages", "disabled")).contains(url);

      // Deleted, after a confirmation.
      endpointRow(browser, url).findElement(By.className("delete-endpoint")).click();
      browser.click("confirmYes");
      assertThat(browser.awaitText("messages", "deleted")).contains(url);
      browser.ajaxDone();
      assertThat(names(browser, "endpoint-url")).doesNotContain(url);

      browser.get(admin + "audit.xhtml");
      browser.type("audit:target", endpointId(url));
      browser.click("audit:find");
      assertThat(names(browser, "audit-action"))
          .containsExactly(
              "webhook-endpoint.delete",
              "webhook-endpoint.disable",
              "webhook-endpoint.enable",
              "webhook-endpoint.disable",
              "webhook-endpoint.create");
      assertThat(names(browser, "audit-actor")).containsOnly("admin");
    }

    // Endpoints are configuration a superuser keeps: a plain manager neither sees nor opens them.
    try (Browser browser = Browser.open()) {
      browser.get(admin + "index.xhtml");
      logInAs(browser, clerk, MANAGER_PASSWORD);
      assertThat(browser.all(By.id("nav:navEndpoints"))).isEmpty();
      browser.get(admin + "webhook-endpoints.xhtml");
      assertThat(browser.all(By.id("endpoints:create"))).isEmpty();
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static final String MANAGER_PASSWORD = "manager-test-password";

  private static final UUID DEMO_PRODUCT = UUID.fromString("00000000-0000-4000-8000-000000000201");

  /** A viewer's sandbox payment for the demo monthly product (299.00 RUB), paid; its id. */
  private static String paidDemoProduct(BillingClient api, String token) {
    await("the demo catalog carried to billing by the ETL")
        .atMost(Duration.ofSeconds(60))
        .until(() -> api.get("billing/products", token).body().contains(DEMO_PRODUCT.toString()));
    Http.Response added = api.addProduct(token, DEMO_PRODUCT);
    assertThat(added.status()).as("add-product: %s", added).isEqualTo(201);
    assertThat(api.payOnCheckout(added.json().getString("url"), "4242 4242 4242 4242").status())
        .isEqualTo(200);
    await("the payment confirmed by the sandbox's webhook")
        .atMost(Duration.ofSeconds(30))
        .until(() -> newestPaymentStatus(api, token).equals("SUCCEEDED"));
    return added.json().getString("payment_id");
  }

  private static void logInAs(Browser browser, String username, String password) {
    if (!browser.currentUrl().contains("/admin/")) {
      browser.get(admin);
    }
    browser.type("username", username);
    browser.type("password", password);
    browser.clickToLeave("signIn");
  }

  private static void addManager(Browser browser, String username, String password, boolean su) {
    browser.get(admin + "managers.xhtml");
    browser.type("managers:username", username);
    browser.type("managers:password", password);
    if (su) {
      browser.click(By.cssSelector("[id='managers:superuser'] .ui-chkbox-box"));
    }
    browser.click("managers:add");
    assertThat(browser.awaitText("messages", "added")).contains(username);
  }

  private static WebElement managerRow(Browser browser, String username) {
    return browser.driver().findElements(By.cssSelector("#managers\\:table_data tr")).stream()
        .filter(row -> !row.findElements(By.className("manager-name")).isEmpty())
        .filter(row -> row.findElement(By.className("manager-name")).getText().equals(username))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row for manager " + username));
  }

  private static WebElement notificationRow(Browser browser, String event) {
    return browser.driver().findElements(By.cssSelector("#notifications\\:table_data tr")).stream()
        .filter(row -> !row.findElements(By.className("notification-event")).isEmpty())
        .filter(row -> row.findElement(By.className("notification-event")).getText().equals(event))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row for event " + event));
  }

  private static WebElement endpointRow(Browser browser, String url) {
    return browser.driver().findElements(By.cssSelector("#endpoints\\:table_data tr")).stream()
        .filter(row -> !row.findElements(By.className("endpoint-url")).isEmpty())
        .filter(row -> row.findElement(By.className("endpoint-url")).getText().equals(url))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row for endpoint " + url));
  }

  /** The endpoint's id, deleted or not (billing keeps the row for its deliveries, or not). */
  private static String endpointId(String url) throws Exception {
    return content
        .value(
            "select target_id from content.audit_event where action = 'webhook-endpoint.create'"
                + " and details like ?",
            "%" + url + "%")
        .toString();
  }

  private static String managerId(String username) throws Exception {
    return content
        .value("select id::text from content.manager where username = ?", username)
        .toString();
  }

  /** An answer read off a plain socket. */
  /**
   * A form login posted from {@code from}, a loopback address of this machine (127.0.0.2 and so
   * on), so that the server sees another client address; java.net.http cannot choose it.
   */
  private static Http.Response postLogin(String from, String username, String password)
      throws IOException {
    return RawHttp.post(
        from,
        URI.create(system.baseUri() + "/admin/j_security_check"),
        Map.of("Content-Type", "application/x-www-form-urlencoded"),
        "j_username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&j_password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8));
  }

  private interface Attempt {
    Object run() throws Exception;
  }

  private static long timed(Attempt attempt) throws Exception {
    long start = System.nanoTime();
    attempt.run();
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static String sessionCookie(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith("JSESSIONID="))
        .reduce((first, last) -> last)
        .orElseThrow(() -> new AssertionError("no JSESSIONID cookie: " + response.headers()));
  }

  private static String cookieValue(String setCookie) {
    return setCookie.substring("JSESSIONID=".length(), setCookie.indexOf(';'));
  }

  private static String sign(String payload) {
    return StripeSignature.sign(payload, WEBHOOK_SECRET, Instant.now());
  }

  private static void logIn(Browser browser, String password) {
    logInAs(browser, "admin", password);
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
