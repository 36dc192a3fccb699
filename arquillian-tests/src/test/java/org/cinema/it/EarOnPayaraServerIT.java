package org.cinema.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.InputStream;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.cinema.common.security.PemKeys;
import org.cinema.it.support.BillingClient;
import org.cinema.it.support.RunCommand;
import org.cinema.it.support.Sql;
import org.cinema.it.support.TestDatabase;
import org.cinema.it.support.TestFiles;
import org.cinema.it.support.WholeSystem;
import org.junit.jupiter.api.Test;

/**
 * The ops layout as {@code make run_ear} gives it: billing-ear.ear on Payara Server Full,
 * configured only by environment variables, against a PostgreSQL that asks for a password; the
 * console behind the admin password over HTTPS, showing the application, the server's JDBC pools
 * that the application and the batch runtime use (sizes from the environment, connections
 * validated) and the ETL's batch jobs, whose repository is in PostgreSQL.
 */
class EarOnPayaraServerIT {

  private static final String CONSOLE_PASSWORD = "console-password-it";

  /** The pools the launcher's asadmin script makes, in name order. */
  private static final List<String> SERVER_POOLS =
      List.of(
          "cinema-batch-pool",
          "cinema-billing-pool",
          "cinema-content-pool",
          "cinema-etl-source-pool",
          "cinema-etl-target-pool");

  private static final String METRICS_PASSWORD = "metrics-password-for-the-ear";

  @Test
  void runEarServesTheSystemAndTheConsoleShowsItsApplicationPoolsAndBatchJobs() throws Exception {
    String url = TestDatabase.jdbcUrl(TestDatabase.EAR);
    Path keys = Path.of(System.getProperty("it.jwt.dir"));
    int portBase = Integer.getInteger("it.ear.portbase");
    Path deployments = Path.of(System.getProperty("deployments.dir"));
    Map<String, String> environment =
        Map.ofEntries(
            Map.entry("PAYARA_SERVER_HOME", System.getProperty("payara.server.dir")),
            Map.entry("BILLING_EAR", deployments.resolve("billing-ear.ear").toString()),
            Map.entry("PAYARA_PORT_BASE", String.valueOf(portBase)),
            Map.entry("PAYARA_ADMIN_PORT", String.valueOf(portBase + 48)),
            Map.entry("HTTP_PORT", String.valueOf(portBase + 80)),
            Map.entry("PAYARA_ADMIN_PASSWORD", CONSOLE_PASSWORD),
            Map.entry("PAYARA_JDBC_POOL_MAX", "6"),
            Map.entry("BILLING_DB_URL", url),
            Map.entry("BILLING_DB_USER", "postgres"),
            Map.entry("BILLING_DB_PASSWORD", "postgres"),
            Map.entry("CONTENT_DB_URL", url),
            Map.entry("CONTENT_DB_USER", "postgres"),
            Map.entry("CONTENT_DB_PASSWORD", "postgres"),
            Map.entry("DEMO_DATA", "true"),
            Map.entry("ETL_INTERVAL_SECONDS", "5"),
            Map.entry("LOG_FORMAT", "json"),
            Map.entry("METRICS_PASSWORD", METRICS_PASSWORD),
            Map.entry(
                "BILLING_JWT_PRIVATE_KEY_LOCATION",
                keys.resolve(PemKeys.PRIVATE_KEY_FILE).toString()),
            Map.entry(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                keys.resolve(PemKeys.PUBLIC_KEY_FILE).toUri().toString()),
            Map.entry("SANDBOX_WEBHOOK_SECRET", "whsec_ear_test"),
            Map.entry("ADMIN_USERNAME", "ear-admin"),
            Map.entry("ADMIN_PASSWORD", "ear-admin-password"));
    Path dataDir = deployments.resolve("run-ear-data");
    // A first start, every time: the domain is made by the command under test.
    TestFiles.emptyFolder(dataDir);
    Path log = deployments.resolve("run-ear.log");
    Files.deleteIfExists(log);

    try (RunCommand run = RunCommand.startEar(dataDir, log, environment)) {
      URI console = URI.create("https://localhost:" + (portBase + 48));
      assertThat(run.output())
          .contains("Payara Server pid")
          .contains(
              "Console         " + console + "  (log in as admin / your PAYARA_ADMIN_PASSWORD)")
          .doesNotContain(CONSOLE_PASSWORD);

      WholeSystem.assertServing(run.baseUri(), keys.resolve(PemKeys.PRIVATE_KEY_FILE));
      WholeSystem.assertMetricsPassword(run.baseUri(), METRICS_PASSWORD);
      Sql database = new Sql(TestDatabase.dataSource(TestDatabase.EAR));
      assertThat(database.value("select count(*) from content.movie")).isEqualTo(5L);
      BillingClient api = new BillingClient(URI.create(run.baseUri() + "/"));
      String token = api.newViewer();
      assertThat(api.get("billing/products", token).status())
          .as("a token issued by billing-ejb is accepted by billing-web's MicroProfile JWT")
          .isEqualTo(200);
      assertThat(adminDashboardAfterLogin(run.baseUri()))
          .as("admin-jsf's form login, beside billing-web's JWT in the same application")
          .contains("Dashboard");

      // The console's REST management API, as the console itself uses it.
      assertThat(management(console, "/management/domain/applications/application", null).status)
          .as("no password")
          .isEqualTo(401);
      assertThat(
              management(console, "/management/domain/applications/application", "wrong-pw").status)
          .as("a wrong password")
          .isEqualTo(401);
      URI plain = URI.create("http://localhost:" + (portBase + 48));
      assertThat(management(plain, "/management/domain/applications/application", null).status)
          .as("secure admin: no console over plain HTTP")
          .isNotEqualTo(200);
      Reply applications =
          management(console, "/management/domain/applications/application", CONSOLE_PASSWORD);
      assertThat(applications.status).isEqualTo(200);
      assertThat(childResources(applications)).containsKey("billing-ear");

      for (String name : SERVER_POOLS) {
        Reply pool =
            management(
                console,
                "/management/domain/resources/jdbc-connection-pool/" + name,
                CONSOLE_PASSWORD);
        assertThat(pool.status).as("%s: %s", name, pool.body).isEqualTo(200);
        JsonObject attributes =
            pool.json().getJsonObject("extraProperties").getJsonObject("entity");
        assertThat(attributes.getString("maxPoolSize")).as(name).isEqualTo("6");
        assertThat(attributes.getString("isConnectionValidationRequired"))
            .as(name)
            .isEqualTo("true");
        assertThat(attributes.getString("datasourceClassname"))
            .isEqualTo("org.postgresql.ds.PGSimpleDataSource");
        assertThat(attributes.getString("nonTransactionalConnections"))
            .as("%s: the ETL's pools stay out of the chunk's JTA transaction", name)
            .isEqualTo(String.valueOf(name.contains("-etl-")));
        Reply ping =
            management(
                console,
                "/management/domain/resources/ping-connection-pool?id=" + name,
                CONSOLE_PASSWORD);
        assertThat(ping.json().getString("exit_code"))
            .as("%s reaches the database with the password from the environment: %s", name, ping)
            .isEqualTo("SUCCESS");
      }
      String domainXml =
          Files.readString(dataDir.resolve("payara-server/domains/cinema/config/domain.xml"));
      assertThat(
              Files.readString(dataDir.resolve("payara-server/domains/cinema/logs/server.log"))
                  .lines()
                  .filter(line -> line.startsWith("{\"Timestamp\""))
                  .count())
          .as("LOG_FORMAT=json: the server log's lines are JSON objects")
          .isPositive();
      assertThat(domainXml)
          .as("PAYARA_JAVA_OPTS (the tests' C1-only JIT) in the domain's JVM options")
          .contains("<jvm-options>-XX:TieredStopAtLevel=1</jvm-options>");
      Matcher pid = Pattern.compile("Payara Server pid (\\d+)").matcher(run.output());
      assertThat(pid.find()).as(run.output()).isTrue();
      // ProcessHandle.Info gave no arguments for this process here; /proc has them (Linux).
      assertThat(Files.readString(Path.of("/proc", pid.group(1), "cmdline")).split("\0"))
          .as("the running server has them")
          .contains("-XX:TieredStopAtLevel=1", "-Xms128m");
      assertThat(domainXml)
          .contains("<property name=\"password\" value=\"${ENV=BILLING_DB_PASSWORD}\">")
          .contains("data-source-lookup-name=\"jdbc/cinema-batch\"");

      await("the ETL's job in the console's batch jobs, its history in PostgreSQL")
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofSeconds(2))
          .ignoreExceptions()
          .untilAsserted(
              () -> {
                Reply jobs =
                    management(console, "/management/domain/list-batch-jobs", CONSOLE_PASSWORD);
                assertThat(jobs.status).isEqualTo(200);
                assertThat(jobs.json().getString("message")).contains("catalog-etl");
                assertThat(
                        (Long)
                            database.value(
                                "select count(*) from public.jobinstancedata"
                                    + " where name = 'catalog-etl'"))
                    .isPositive();
              });

      assertThat(Files.readString(dataDir.resolve("payara-server/domains/cinema/logs/server.log")))
          .as("the access cache listens on the server's pool (its driver is the server's)")
          .doesNotContain("Not listening for access changes");
      // Each pool names its connections (application_name): the application's are the
      // server's pools, and none is a pool the application would define for itself.
      assertThat(
              database.column(
                  "select distinct application_name from pg_stat_activity"
                      + " where datname = current_database() and pid <> pg_backend_pid()"
                      + " order by 1"))
          .as("who holds connections to the database")
          .containsExactlyElementsOf(SERVER_POOLS);
    }
  }

  private record Reply(int status, String body) {
    JsonObject json() {
      try (JsonReader reader = Json.createReader(new StringReader(body))) {
        return reader.readObject();
      }
    }
  }

  private static JsonObject childResources(Reply reply) {
    return reply.json().getJsonObject("extraProperties").getJsonObject("childResources");
  }

  /**
   * A GET on the management API. The domain's certificate is its own, self-signed for the machine's
   * name: trusted here for this connection only, as one trusts it the first time in a browser.
   */
  private static Reply management(URI base, String path, String password) throws Exception {
    HttpURLConnection connection = (HttpURLConnection) base.resolve(path).toURL().openConnection();
    connection.setInstanceFollowRedirects(false);
    if (connection instanceof HttpsURLConnection https) {
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[] {new TrustingManager()}, null);
      https.setSSLSocketFactory(tls.getSocketFactory());
      https.setHostnameVerifier((host, session) -> true);
    }
    connection.setRequestProperty("Accept", "application/json");
    if (password != null) {
      String credentials = "admin:" + password;
      connection.setRequestProperty(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    int status = connection.getResponseCode();
    InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
    String body = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    return new Reply(status, body);
  }

  /** Trusts the one self-signed certificate of the domain under test. */
  private static final class TrustingManager implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
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
