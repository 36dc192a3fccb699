package org.cinema.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.cinema.it.support.BillingClient;
import org.cinema.it.support.FreePorts;
import org.cinema.it.support.Http;
import org.cinema.it.support.RunCommand;
import org.cinema.it.support.Sql;
import org.cinema.it.support.TestFiles;
import org.cinema.it.support.WholeSystem;
import org.junit.jupiter.api.Test;

/**
 * The run command as a newcomer uses it: with nothing configured it starts an embedded PostgreSQL
 * and every module, reports ready, stops cleanly, and finds its data again on the next start. The
 * secrets it generates stay owner-only on disk and out of its output, but for the admin password
 * shown once, on the start that made it. A single instance runs without Hazelcast; a clustered one
 * joins only its named cluster, over TCP/IP.
 */
class RunCommandIT {

  private static final String MARKER_TITLE = "Kept across restarts";

  /** A signed JWT as it would appear in a log: header and payload both start with {"... */
  private static final Pattern JWT = Pattern.compile("eyJ[\\w-]{8,}\\.eyJ[\\w-]{8,}\\.");

  /** What DevSecrets and PemKeys write into the data folder. */
  private static final List<String> SECRET_FILES =
      List.of(
          "jwt/private.pem", "sandbox-webhook-secret", "admin-password", "billing-admin-password");

  @Test
  void startsEverythingStopsCleanlyAndKeepsDataAcrossRestarts() throws Exception {
    Path dataDir = Path.of(System.getProperty("run.data.dir"));
    TestFiles.emptyFolder(dataDir);
    UUID marker = UUID.randomUUID();

    try (RunCommand run = RunCommand.start(dataDir, dataDir.resolve("first-run.log"))) {
      WholeSystem.assertServing(run.baseUri(), dataDir.resolve("jwt").resolve("private.pem"));
      assertThat(run.output()).contains(run.baseUri() + "/api/v1/", run.baseUri() + "/admin/");
      secretsAreOwnerOnly(dataDir);
      assertThat(run.output())
          .as("the start that generated the admin password shows it")
          .contains("/ " + secret(dataDir, "admin-password") + ")");
      assertThat(run.output())
          .as("a single instance starts no Hazelcast")
          .contains("hazelcast-config-specific-configuration.enabled=false")
          .doesNotContain("Hazelcast Instance Bound", "Data Grid Status", "discovery-mode");

      Sql sql = new Sql(run.database());
      assertThat(sql.value("select count(*) from content.movie")).isEqualTo(5L);
      sql.update("insert into content.movie (id, title) values (?, ?)", marker, MARKER_TITLE);
      aProductAddedByAManagerIsSoonOnSale(run, sql, marker);

      run.stop();
      assertThat(run.output()).contains("Stopped.");
      noSecretIn(run.output(), dataDir, "admin-password");
      assertThatThrownBy(() -> sql.value("select 1"))
          .as("the embedded PostgreSQL stops with the run command")
          .isInstanceOf(SQLException.class);
    }

    // The second start is a clustered one: of a named cluster, found over TCP/IP only.
    int clusterPort = FreePorts.next();
    Map<String, String> clustered =
        Map.of(
            "PAYARA_CLUSTER", "true",
            "PAYARA_CLUSTER_NAME", "run-command-it",
            "PAYARA_CLUSTER_MEMBERS", "127.0.0.1:" + clusterPort,
            "PAYARA_CLUSTER_PORT", String.valueOf(clusterPort),
            "PAYARA_CLUSTER_INTERFACES", "127.0.0.1",
            "METRICS_PASSWORD", "metrics-password-for-run-it");
    try (RunCommand again =
        RunCommand.start(dataDir, dataDir.resolve("second-run.log"), clustered)) {
      assertThat(again.output())
          .contains(
              "discovery-mode=tcpip",
              "tcpip-members=127.0.0.1:" + clusterPort,
              "DG Name: run-command-it")
          .doesNotContain("discovery-mode=multicast");
      WholeSystem.assertMetricsPassword(again.baseUri(), "metrics-password-for-run-it");
      Sql sql = new Sql(again.database());
      assertThat(sql.value("select title from content.movie where id = ?", marker))
          .isEqualTo(MARKER_TITLE);
      assertThat(sql.value("select count(*) from content.movie"))
          .as("the demo catalog is not put in twice")
          .isEqualTo(6L);
      assertThat(
              sql.value("select count(*) from billing.product where name = 'Added by a manager'"))
          .as("billing's data is kept too")
          .isEqualTo(1L);
      assertThat(again.output())
          .as("a later start says where the admin password is kept, not what it is")
          .contains(dataDir.resolve("admin-password").toString());
      again.stop();
      noSecretIn(again.output(), dataDir, null);
    }
  }

  private static void secretsAreOwnerOnly(Path dataDir) throws IOException {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)))
        .as("the data folder")
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("jwt"))))
        .as("the key folder")
        .isEqualTo("rwx------");
    for (String file : SECRET_FILES) {
      assertThat(
              PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(file))))
          .as(file)
          .isEqualTo("rw-------");
    }
  }

  /**
   * No generated secret and no token in the run command's and Payara's output, but {@code shown}
   * (the admin password the ready banner prints once) in that banner only.
   */
  private static void noSecretIn(String output, Path dataDir, String shown) throws IOException {
    for (String file : SECRET_FILES) {
      String value = secret(dataDir, file);
      if (file.equals(shown)) {
        assertThat(output.split(Pattern.quote(value), -1))
            .as(file + " once, in the banner")
            .hasSize(2);
      } else if (file.endsWith(".pem")) {
        for (String line : value.lines().filter(l -> l.length() >= 32).toList()) {
          assertThat(output).as(file).doesNotContain(line);
        }
      } else {
        assertThat(output).as(file).doesNotContain(value);
      }
    }
    assertThat(JWT.matcher(output).find()).as("a token in the output").isFalse();
  }

  private static String secret(Path dataDir, String file) throws IOException {
    return Files.readString(dataDir.resolve(file)).trim();
  }

  /**
   * The admin side writes a product into content; the scheduled ETL (every 10 s by default) carries
   * it to billing, where a viewer can subscribe to it.
   */
  private static void aProductAddedByAManagerIsSoonOnSale(RunCommand run, Sql sql, UUID movie)
      throws Exception {
    UUID product = UUID.randomUUID();
    sql.update(
        "insert into content.product (id, name, price, currency, period)"
            + " values (?, 'Added by a manager', 99.00, 'RUB', 'day')",
        product);
    sql.update(
        "insert into content.product_movie (id, product_id, movie_id) values (?, ?, ?)",
        UUID.randomUUID(),
        product,
        movie);
    BillingClient api = new BillingClient(URI.create(run.baseUri() + "/"));
    String token = api.newViewer();

    await("the ETL carries the new product to billing")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> api.get("billing/products", token).body().contains(product.toString()));

    Http.Response subscribed = api.addProduct(token, product);
    assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
    assertThat(api.mayWatch(token, movie)).isFalse();
  }
}
