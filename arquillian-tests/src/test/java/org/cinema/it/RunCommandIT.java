package org.cinema.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.cinema.it.support.BillingClient;
import org.cinema.it.support.Http;
import org.cinema.it.support.RunCommand;
import org.cinema.it.support.Sql;
import org.cinema.it.support.TestFiles;
import org.cinema.it.support.WholeSystem;
import org.junit.jupiter.api.Test;

/**
 * The run command as a newcomer uses it: with nothing configured it starts an embedded PostgreSQL
 * and every module, reports ready, stops cleanly, and finds its data again on the next start.
 */
class RunCommandIT {

  private static final String MARKER_TITLE = "Kept across restarts";

  @Test
  void startsEverythingStopsCleanlyAndKeepsDataAcrossRestarts() throws Exception {
    Path dataDir = Path.of(System.getProperty("run.data.dir"));
    TestFiles.emptyFolder(dataDir);
    UUID marker = UUID.randomUUID();

    try (RunCommand run = RunCommand.start(dataDir, dataDir.resolve("first-run.log"))) {
      WholeSystem.assertServing(run.baseUri(), dataDir.resolve("jwt").resolve("private.pem"));
      assertThat(run.output()).contains(run.baseUri() + "/api/v1/", run.baseUri() + "/admin/");

      Sql sql = new Sql(run.database());
      assertThat(sql.value("select count(*) from content.movie")).isEqualTo(5L);
      sql.update("insert into content.movie (id, title) values (?, ?)", marker, MARKER_TITLE);
      aProductAddedByAManagerIsSoonOnSale(run, sql, marker);

      run.stop();
      assertThat(run.output()).contains("Stopped.");
      assertThatThrownBy(() -> sql.value("select 1"))
          .as("the embedded PostgreSQL stops with the run command")
          .isInstanceOf(SQLException.class);
    }

    try (RunCommand again = RunCommand.start(dataDir, dataDir.resolve("second-run.log"))) {
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
    }
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
