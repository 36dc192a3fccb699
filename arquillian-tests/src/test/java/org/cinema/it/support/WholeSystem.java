package org.cinema.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;

/** What a server running all three deployables answers, whatever started it. */
public final class WholeSystem {

  public static final List<String> READINESS_CHECKS =
      List.of("billing-database", "content-database", "etl-source-database", "etl-target-database");

  private WholeSystem() {}

  /**
   * Readiness is 200 with every module's checks UP, and each module answers at its root; billing's
   * admin API and the ETL's only to an administrator's token (signed with {@code jwtPrivateKey},
   * the deployment's key), without its test hooks.
   */
  public static void assertServing(URI base, Path jwtPrivateKey) {
    Http.Response health = Http.readiness(base);
    assertThat(health.status()).as(health.body()).isEqualTo(200);
    for (String check : READINESS_CHECKS) {
      assertThat(Http.check(health, check))
          .as(check)
          .hasValueSatisfying(json -> assertThat(json.getString("status")).isEqualTo("UP"));
    }
    assertThat(Http.get(URI.create(base + "/api/v1/ping")).status()).isEqualTo(200);
    assertThat(Http.get(URI.create(base + "/admin/login.xhtml")).status()).isEqualTo(200);
    assertThat(
            Http.get(
                    URI.create(
                        base
                            + "/admin/jakarta.faces.resource/theme.css.xhtml?ln=primefaces-saga-blue"))
                .status())
        .as("PrimeFaces serves its theme")
        .isEqualTo(200);
    URI customers = URI.create(base + "/api/v1/admin/customers");
    assertThat(Http.get(customers).status()).as("billing's admin API, anonymous").isEqualTo(401);
    assertThat(
            Http.send(
                    HttpRequest.newBuilder(customers)
                        .header("Authorization", "Bearer " + Tokens.signed(jwtPrivateKey, "user")))
                .status())
        .as("billing's admin API, a viewer")
        .isEqualTo(403);
    Http.Response clock =
        Http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/test-clock"))
                .header("Authorization", "Bearer " + Tokens.signed(jwtPrivateKey, "admin")));
    assertThat(clock.status()).as("no test clock in a normal run: %s", clock).isEqualTo(404);
    URI runs = URI.create(base + "/etl/api/runs");
    Http.Response anonymous = Http.get(runs);
    assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
    assertThat(anonymous.json().getString("error")).isEqualTo("NOT_AUTHENTICATED");
    assertThat(anonymous.json().getString("request_id"))
        .as("the ETL's errors name the request too")
        .isEqualTo(anonymous.header("X-Request-Id").orElseThrow());
    String admin = Tokens.signed(jwtPrivateKey, "admin");
    Http.Response listed =
        Http.send(HttpRequest.newBuilder(runs).header("Authorization", "Bearer " + admin));
    assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
    Http.Response viewer =
        Http.send(
            HttpRequest.newBuilder(runs)
                .header("Authorization", "Bearer " + Tokens.signed(jwtPrivateKey, "user")));
    assertThat(viewer.status()).as(viewer.toString()).isEqualTo(403);
    Http.Response hooked =
        Http.send(
            HttpRequest.newBuilder(URI.create(runs + "?failAfterRows=movie:1"))
                .header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(hooked.status())
        .as("the failure hook is off in a normal run: %s", hooked)
        .isEqualTo(400);
    assertMetricsForAdministratorsOnly(base, jwtPrivateKey);
  }

  /**
   * The metrics (served by Payara inside billing-web, at the root context) carry billing's and the
   * ETL's figures, for an administrator's token only.
   */
  private static void assertMetricsForAdministratorsOnly(URI base, Path jwtPrivateKey) {
    URI metrics = URI.create(base + "/metrics?scope=application");
    Http.Response anonymous = Http.get(metrics);
    assertThat(anonymous.status()).as("metrics, anonymous: %s", anonymous).isEqualTo(401);
    assertThat(anonymous.json().getString("error")).isEqualTo("NOT_AUTHENTICATED");
    assertThat(Http.get(URI.create(base + "/metrics/base")).status()).isEqualTo(401);
    Http.Response viewer =
        Http.send(
            HttpRequest.newBuilder(metrics)
                .header("Authorization", "Bearer " + Tokens.signed(jwtPrivateKey, "user")));
    assertThat(viewer.status()).as("metrics, a viewer: %s", viewer).isEqualTo(403);
    assertThat(viewer.json().getString("error")).isEqualTo("FORBIDDEN");
    Http.Response admin =
        Http.send(
            HttpRequest.newBuilder(metrics)
                .header("Authorization", "Bearer " + Tokens.signed(jwtPrivateKey, "admin")));
    assertThat(admin.status()).as("metrics, an administrator: %s", admin).isEqualTo(200);
    assertThat(admin.body())
        .contains("billing_payments{")
        .contains("billing_webhook_inbox_backlog{")
        .contains("billing_renewal_lag_seconds{")
        .contains("billing_notifications_backlog{")
        .contains("billing_access_checks_total{")
        .contains("etl_rows_copied{")
        .contains("etl_lag_seconds{")
        .as("every figure read from the databases")
        .doesNotContain(" NaN");
  }

  /**
   * With {@code METRICS_PASSWORD} set, a scraper reads the metrics with HTTP Basic as {@code
   * metrics} and that password; any other name or password is refused.
   */
  public static void assertMetricsPassword(URI base, String password) {
    URI metrics = URI.create(base + "/metrics?scope=application");
    Http.Response scraped =
        Http.send(
            HttpRequest.newBuilder(metrics).header("Authorization", basic("metrics", password)));
    assertThat(scraped.status()).as("the scraper's password: %s", scraped).isEqualTo(200);
    assertThat(scraped.body()).contains("billing_payments{");
    for (String wrong : new String[] {basic("metrics", password + "x"), basic("admin", password)}) {
      Http.Response refused =
          Http.send(HttpRequest.newBuilder(metrics).header("Authorization", wrong));
      assertThat(refused.status()).as("wrong Basic credentials: %s", refused).isEqualTo(401);
    }
  }

  private static String basic(String user, String password) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
