package org.cinema.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cinema.it.support.Http;
import org.cinema.it.support.PayaraServer;
import org.cinema.it.support.Sql;
import org.cinema.it.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The ops layout: billing-ear.ear on Payara Server Full, configured only by environment variables,
 * against a PostgreSQL that asks for a password.
 */
class EarOnPayaraServerIT {

  @Test
  void theEarDeploysAndEveryModuleReportsReady() throws Exception {
    String url = TestDatabase.jdbcUrl(TestDatabase.EAR);
    Map<String, String> environment =
        Map.of(
            "BILLING_DB_URL", url,
            "BILLING_DB_USER", "postgres",
            "BILLING_DB_PASSWORD", "postgres",
            "CONTENT_DB_URL", url,
            "CONTENT_DB_USER", "postgres",
            "CONTENT_DB_PASSWORD", "postgres",
            "DEMO_DATA", "true");
    Path log = Path.of(System.getProperty("deployments.dir"), "payara-server.log");
    Files.deleteIfExists(log);

    try (PayaraServer server = PayaraServer.start(environment, log)) {
      server.deploy(Path.of(System.getProperty("deployments.dir"), "billing-ear.ear"));

      Http.Response health = Http.readiness(server.baseUri());
      assertThat(health.status()).as(health.body()).isEqualTo(200);
      for (String check :
          new String[] {
            "billing-database", "content-database", "etl-source-database", "etl-target-database"
          }) {
        assertThat(Http.check(health, check))
            .as(check)
            .hasValueSatisfying(json -> assertThat(json.getString("status")).isEqualTo("UP"));
      }
      assertThat(Http.get(URI.create(server.baseUri() + "/api/v1/ping")).status()).isEqualTo(200);
      assertThat(Http.get(URI.create(server.baseUri() + "/admin/")).status()).isEqualTo(200);
      assertThat(Http.get(URI.create(server.baseUri() + "/etl/")).status()).isEqualTo(200);
      assertThat(
              new Sql(TestDatabase.dataSource(TestDatabase.EAR))
                  .value("select count(*) from content.movie"))
          .isEqualTo(5L);
    }
  }
}
