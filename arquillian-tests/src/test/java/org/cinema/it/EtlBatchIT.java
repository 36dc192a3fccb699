package org.cinema.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.cinema.it.support.Deployments;
import org.cinema.it.support.Http;
import org.cinema.it.support.Sql;
import org.cinema.it.support.TestDatabase;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * etl-batch.war on a database whose two schemas their owners have already migrated, with its
 * schedule off: each test starts runs itself over HTTP and checks the job's status, its per-step
 * counts and the rows in billing. Every test first runs the job once, so what it then changes is
 * all there is to copy.
 */
@ExtendWith(ArquillianExtension.class)
class EtlBatchIT {

  /** The advisory lock key every instance's ETL runner takes for a run. */
  private static final long ETL_LOCK = 0x6361_7461_6c6f_67L;

  private final Sql sql = new Sql(TestDatabase.dataSource(TestDatabase.ETL));

  @ArquillianResource private URL base;

  @Deployment(testable = false)
  @TargetsContainer("etl")
  static WebArchive etlBatch() {
    return Deployments.builtWar("etl-batch.war");
  }

  @BeforeEach
  void copyWhatIsThere() throws Exception {
    assertThat(run("").getString("status")).isEqualTo("COMPLETED");
  }

  @Test
  void isReadyWhenBothTheSourceAndTargetSchemasAre() throws Exception {
    Http.Response health = Http.readiness(base.toURI());

    assertThat(health.status()).isEqualTo(200);
    for (String name : new String[] {"etl-source-database", "etl-target-database"}) {
      assertThat(Http.check(health, name))
          .as(name)
          .hasValueSatisfying(check -> assertThat(check.getString("status")).isEqualTo("UP"));
    }
  }

  @Test
  void copiesNewRowsThenExactlyTheEditsInsertsAndDeletions() throws Exception {
    UUID first = movie("First");
    UUID second = movie("Second");
    UUID product = product("Bundle", "RUB");
    UUID link = link(product, first);
    link(product, second);

    JsonObject full = run("");

    assertThat(changed(full, "movies")).isEqualTo(2);
    assertThat(changed(full, "products")).isEqualTo(1);
    assertThat(changed(full, "links")).isEqualTo(2);
    assertThat(sql.value("select title from billing.movie where id = ?", first)).isEqualTo("First");
    assertThat(
            sql.value("select count(*) from billing.product_movie where product_id = ?", product))
        .isEqualTo(2L);

    sql.update("update content.movie set title = 'First, restored' where id = ?", first);
    UUID third = movie("Third");
    sql.update("update content.product_movie set deleted_at = now() where id = ?", link);

    JsonObject incremental = run("");

    assertThat(changed(incremental, "movies")).isEqualTo(2);
    assertThat(changed(incremental, "products")).isZero();
    assertThat(changed(incremental, "links")).isEqualTo(1);
    assertThat(sql.value("select title from billing.movie where id = ?", first))
        .isEqualTo("First, restored");
    assertThat(sql.value("select count(*) from billing.movie where id = ?", third)).isEqualTo(1L);
    assertThat(
            sql.value(
                "select deleted_at is not null from billing.product_movie where id = ?", link))
        .as("a movie taken out of a product is no longer in it for billing")
        .isEqualTo(true);
  }

  @Test
  void restartingAnUnknownOrCompletedRunIsRefused() throws Exception {
    long completed = run("").getJsonNumber("executionId").longValue();

    Http.Response unknown = post("api/runs/" + (completed + 100_000) + "/restart");
    Http.Response again = post("api/runs/" + completed + "/restart");

    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
    assertThat(again.status()).as(again.toString()).isEqualTo(409);
    assertThat(again.json().getString("error")).isEqualTo("NOT_RESTARTABLE");
  }

  @Test
  void aRunWithNoChangesWritesNothing() throws Exception {
    JsonObject run = run("");

    assertThat(run.getString("status")).isEqualTo("COMPLETED");
    for (String step : new String[] {"movies", "products", "links"}) {
      assertThat(changed(run, step)).as(step).isZero();
    }
  }

  @Test
  void aDeletedProductIsMarkedDeletedInBilling() throws Exception {
    UUID product = product("Discontinued", "RUB");
    run("");

    sql.update("update content.product set deleted_at = now() where id = ?", product);
    JsonObject run = run("");

    assertThat(changed(run, "products")).isEqualTo(1);
    assertThat(
            sql.value("select deleted_at is not null from billing.product where id = ?", product))
        .isEqualTo(true);
  }

  @Test
  void aRunBrokenMidStepIsRestartedFromItsCheckpointToExactlyTheSource() throws Exception {
    String batch = UUID.randomUUID().toString().substring(0, 8);
    sql.update(
        "insert into content.movie (id, title) select gen_random_uuid(), 'Bulk "
            + batch
            + " ' || n from generate_series(1, 2500) n");

    JsonObject broken = run("?chunkSize=100&failAfterRows=movie:1000");

    assertThat(broken.getString("status")).isEqualTo("FAILED");
    assertThat(copiedOfBatch(batch))
        .as("the chunks committed before the failure stay; the rest is missing")
        .isBetween(900L, 2499L);

    JsonObject restarted = restart(broken.getJsonNumber("executionId").longValue());

    assertThat(restarted.getString("status")).isEqualTo("COMPLETED");
    assertThat(copiedOfBatch(batch)).isEqualTo(2500L);
    assertThat(moviesDifferingFromTheSource())
        .as("billing's movies equal the source, none lost or doubled")
        .isZero();
  }

  @Test
  void eachPartOfThePartitionedMoviesStepResumesFromItsOwnCheckpoint() throws Exception {
    String batch = UUID.randomUUID().toString().substring(0, 8);
    sql.update(
        "insert into content.movie (id, title) select gen_random_uuid(), 'Bulk "
            + batch
            + " ' || n from generate_series(1, 3000) n");

    JsonObject broken = run("?chunkSize=100&moviePartitions=3&failAfterRows=movie:500");

    assertThat(broken.getString("status")).isEqualTo("FAILED");
    assertThat(copiedOfBatch(batch)).isLessThan(3000L);

    JsonObject restarted = restart(broken.getJsonNumber("executionId").longValue());

    assertThat(restarted.getString("status")).isEqualTo("COMPLETED");
    assertThat(copiedOfBatch(batch)).isEqualTo(3000L);
    assertThat(moviesDifferingFromTheSource()).isZero();
    assertThat(
            sql.value("select count(*) from billing.etl_state where table_name like 'movie %/3'"))
        .as("one watermark per part")
        .isEqualTo(3L);
  }

  @Test
  void changingTheNumberOfMoviePartitionsLosesNoChange() throws Exception {
    UUID edited = movie("Before");
    assertThat(changed(run("?moviePartitions=3"), "movies")).isEqualTo(1);

    sql.update("update content.movie set title = 'After' where id = ?", edited);
    UUID added = movie("Added");
    JsonObject unpartitioned = run("?moviePartitions=1");

    assertThat(changed(unpartitioned, "movies")).isEqualTo(2);
    assertThat(sql.value("select title from billing.movie where id = ?", edited))
        .isEqualTo("After");
    assertThat(sql.value("select count(*) from billing.movie where id = ?", added)).isEqualTo(1L);

    JsonObject twoParts = run("?moviePartitions=2");

    assertThat(changed(twoParts, "movies")).isZero();
    assertThat(moviesDifferingFromTheSource()).isZero();
  }

  @Test
  void aRowBillingCannotTakeIsSkippedCountedAndTheRestCopied() throws Exception {
    UUID bad = product("Priced in nothing", "XQZ");
    UUID good = product("Priced in roubles", "RUB");

    JsonObject run = run("");

    assertThat(run.getString("status")).isEqualTo("COMPLETED");
    JsonObject products = step(run, "products");
    assertThat(products.getInt("skipped")).isEqualTo(1);
    assertThat(products.getInt("changed")).isEqualTo(1);
    assertThat(sql.value("select count(*) from billing.product where id = ?", bad)).isEqualTo(0L);
    assertThat(sql.value("select count(*) from billing.product where id = ?", good)).isEqualTo(1L);
  }

  @Test
  void doesNotStartWhileAnotherInstanceHoldsTheEtlLock() throws Exception {
    try (Connection otherInstance = TestDatabase.dataSource(TestDatabase.ETL).getConnection();
        Statement lock = otherInstance.createStatement()) {
      lock.execute("select pg_advisory_lock(" + ETL_LOCK + ")");

      Http.Response refused = post("api/runs");

      assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
      assertThat(refused.json().getString("error")).isEqualTo("RUN_IN_PROGRESS");
      lock.execute("select pg_advisory_unlock(" + ETL_LOCK + ")");
    }
    assertThat(run("").getString("status")).isEqualTo("COMPLETED");
  }

  @Test
  void listsRecentRunsWithTheirStepCounts() throws Exception {
    run("");

    Http.Response runs = Http.get(URI.create(base + "api/runs?limit=2"));

    assertThat(runs.status()).isEqualTo(200);
    JsonObject latest = runs.jsonArray().getJsonObject(0);
    assertThat(latest.getString("status")).isEqualTo("COMPLETED");
    assertThat(latest.getJsonArray("steps")).hasSize(3);
    assertThat(latest.getJsonArray("steps").getJsonObject(0).getString("name")).isEqualTo("movies");
    assertThat(Http.get(URI.create(base + "api/runs?limit=x")).status()).isEqualTo(400);
  }

  private long moviesDifferingFromTheSource() throws SQLException {
    return (Long)
        sql.value(
            "select count(*) from content.movie c full join billing.movie b using (id)"
                + " where b.id is null or c.id is null or c.title <> b.title"
                + " or c.updated_at <> b.updated_at");
  }

  private long copiedOfBatch(String batch) throws SQLException {
    return (Long)
        sql.value("select count(*) from billing.movie where title like ?", "Bulk " + batch + " %");
  }

  private JsonObject run(String query) {
    Http.Response response = post("api/runs" + query);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private JsonObject restart(long executionId) {
    Http.Response response = post("api/runs/" + executionId + "/restart");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private Http.Response post(String path) {
    return Http.send(
        HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()));
  }

  private static JsonObject step(JsonObject run, String name) {
    return run.getJsonArray("steps").getValuesAs(JsonObject.class).stream()
        .filter(step -> step.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no step " + name + " in " + run));
  }

  private static long changed(JsonObject run, String step) {
    return step(run, step).getJsonNumber("changed").longValue();
  }

  private UUID movie(String title) throws SQLException {
    UUID id = UUID.randomUUID();
    sql.update("insert into content.movie (id, title) values (?, ?)", id, title);
    return id;
  }

  private UUID product(String name, String currency) throws SQLException {
    UUID id = UUID.randomUUID();
    sql.update(
        "insert into content.product (id, name, price, currency, period)"
            + " values (?, ?, 299.00, ?, 'month')",
        id,
        name,
        currency);
    return id;
  }

  private UUID link(UUID product, UUID movie) throws SQLException {
    UUID id = UUID.randomUUID();
    sql.update(
        "insert into content.product_movie (id, product_id, movie_id) values (?, ?, ?)",
        id,
        product,
        movie);
    return id;
  }
}
