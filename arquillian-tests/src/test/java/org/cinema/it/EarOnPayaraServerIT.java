package org.cinema.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cinema.common.security.PemKeys;
import org.cinema.it.support.BillingClient;
import org.cinema.it.support.PayaraServer;
import org.cinema.it.support.Sql;
import org.cinema.it.support.TestDatabase;
import org.cinema.it.support.WholeSystem;
import org.junit.jupiter.api.Test;

/**
 * The ops layout: billing-ear.ear on Payara Server Full, configured only by environment variables,
 * against a PostgreSQL that asks for a password.
 */
class EarOnPayaraServerIT {

  @Test
  void theEarDeploysAndEveryModuleReportsReady() throws Exception {
    String url = TestDatabase.jdbcUrl(TestDatabase.EAR);
    Path keys = Path.of(System.getProperty("it.jwt.dir"));
    Map<String, String> environment =
        Map.ofEntries(
            Map.entry("BILLING_DB_URL", url),
            Map.entry("BILLING_DB_USER", "postgres"),
            Map.entry("BILLING_DB_PASSWORD", "postgres"),
            Map.entry("CONTENT_DB_URL", url),
            Map.entry("CONTENT_DB_USER", "postgres"),
            Map.entry("CONTENT_DB_PASSWORD", "postgres"),
            Map.entry("DEMO_DATA", "true"),
            Map.entry(
                "BILLING_JWT_PRIVATE_KEY_LOCATION",
                keys.resolve(PemKeys.PRIVATE_KEY_FILE).toString()),
            Map.entry(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                keys.resolve(PemKeys.PUBLIC_KEY_FILE).toUri().toString()),
            Map.entry("SANDBOX_WEBHOOK_SECRET", "whsec_ear_test"),
            Map.entry("ADMIN_USERNAME", "ear-admin"),
            Map.entry("ADMIN_PASSWORD", "ear-admin-password"));
    Path log = Path.of(System.getProperty("deployments.dir"), "payara-server.log");
    Files.deleteIfExists(log);

    try (PayaraServer server = PayaraServer.start(environment, log)) {
      server.deploy(Path.of(System.getProperty("deployments.dir"), "billing-ear.ear"));

      WholeSystem.assertServing(server.baseUri(), keys.resolve(PemKeys.PRIVATE_KEY_FILE));
      assertThat(
              new Sql(TestDatabase.dataSource(TestDatabase.EAR))
                  .value("select count(*) from content.movie"))
          .isEqualTo(5L);
      BillingClient api = new BillingClient(URI.create(server.baseUri() + "/"));
      String token = api.newViewer();
      assertThat(api.get("billing/products", token).status())
          .as("a token issued by billing-ejb is accepted by billing-web's MicroProfile JWT")
          .isEqualTo(200);
      assertThat(adminDashboardAfterLogin(server.baseUri()))
          .as("admin-jsf's form login, beside billing-web's JWT in the same application")
          .contains("Dashboard");
    }
  }

  /** Logs in to the admin panel as a browser does (cookie, form post) and opens the dashboard. */
  private static String adminDashboardAfterLogin(URI base) throws Exception {
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    browser.send(
        HttpRequest.newBuilder(URI.create(base + "/admin/index.xhtml")).build(),
        HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> loggedIn =
        browser.send(
            HttpRequest.newBuilder(URI.create(base + "/admin/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "j_username=ear-admin&j_password=ear-admin-password"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(200);
    return loggedIn.body();
  }
}
