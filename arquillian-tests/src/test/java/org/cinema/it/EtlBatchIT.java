package org.cinema.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.cinema.it.support.Deployments;
import org.cinema.it.support.Http;
import org.cinema.it.support.Sql;
import org.cinema.it.support.TestDatabase;
import org.cinema.it.support.Tokens;
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

  private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");

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
    assertThat(again.json().getString("error")).isEqualTo("RUN_NOT_RESTARTABLE");
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
  void onlyAnAdministratorMayStartOrListRuns() {
    Http.Response anonymous = post("api/runs", null);
    Http.Response viewer = post("api/runs", Tokens.viewer());
    Http.Response forged = post("api/runs", Tokens.admin() + "x");
    Http.Response list = Http.get(URI.create(base + "api/runs"));

    assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
    assertThat(anonymous.json().getString("error")).isEqualTo("NOT_AUTHENTICATED");
    assertThat(forged.status()).as(forged.toString()).isEqualTo(401);
    assertThat(forged.json().getString("error")).isEqualTo("NOT_AUTHENTICATED");
    assertThat(viewer.status()).as(viewer.toString()).isEqualTo(403);
    assertThat(viewer.json().getString("error")).isEqualTo("FORBIDDEN");
    assertThat(list.status()).as(list.toString()).isEqualTo(401);
  }

  @Test
  void aRunStartedOverHttpIsAnsweredAtOnceAndShowsItsProgressWhileRunning() throws Exception {
    String batch = UUID.randomUUID().toString().substring(0, 8);
    sql.update(
        "insert into content.movie (id, title) select gen_random_uuid(), 'Bulk ' || ? || ' ' || n"
            + " from generate_series(1, 2000) n",
        batch);

    Http.Response started = post("api/runs?chunkSize=100&moviePartitions=1&chunkPauseMillis=100");

    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    assertThat(started.json().getString("status")).isIn("STARTING", "STARTED");
    URI run = base.toURI().resolve(started.header("Location").orElseThrow());
    await("the movies step to show rows read while the run goes on")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              JsonObject now = get(run).json();
              return now.getString("status").equals("STARTED")
                  && now.getJsonArray("steps").getValuesAs(JsonObject.class).stream()
                      .anyMatch(
                          step ->
                              step.getString("name").equals("movies")
                                  && step.getJsonNumber("read").longValue() > 0
                                  && step.getJsonNumber("read").longValue() < 2000);
            });
    Http.Response listed = get(URI.create(base + "api/runs?limit=1"));
    assertThat(listed.jsonArray().getJsonObject(0).getJsonNumber("executionId"))
        .isEqualTo(started.json().getJsonNumber("executionId"));
    assertThat(post("api/runs").status()).as("one run at a time").isEqualTo(409);
    JsonObject ended = followed(started);
    assertThat(ended.getString("status")).isEqualTo("COMPLETED");
    assertThat(copiedOfBatch(batch)).isEqualTo(2000L);
  }

  @Test
  void anUnknownRunIsA404AndABadIdA400InTheErrorShape() {
    Http.Response unknown = get(URI.create(base + "api/runs/987654321"));
    Http.Response bad = get(URI.create(base + "api/runs/x"));

    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
    assertThat(unknown.json().getString("error")).isEqualTo("RUN_NOT_FOUND");
    assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
    assertThat(bad.json().getString("error")).isEqualTo("INVALID_INPUT");
  }

  @Test
  void listsRecentRunsWithTheirStepCounts() throws Exception {
    run("");

    Http.Response runs = get(URI.create(base + "api/runs?limit=2"));

    assertThat(runs.status()).isEqualTo(200);
    JsonObject latest = runs.jsonArray().getJsonObject(0);
    assertThat(latest.getString("status")).isEqualTo("COMPLETED");
    assertThat(latest.getJsonArray("steps")).hasSize(3);
    assertThat(latest.getJsonArray("steps").getJsonObject(0).getString("name")).isEqualTo("movies");
    assertThat(get(URI.create(base + "api/runs?limit=x")).status()).isEqualTo(400);
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

  /** Starts a run, which answers 202 at once, and follows it to its end. */
  private JsonObject run(String query) {
    return followed(post("api/runs" + query));
  }

  private JsonObject restart(long executionId) {
    return followed(post("api/runs/" + executionId + "/restart"));
  }

  private JsonObject followed(Http.Response started) {
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    String location = started.header("Location").orElseThrow();
    assertThat(location).endsWith("/api/runs/" + started.json().getJsonNumber("executionId"));
    URI run = URI.create(base.toString()).resolve(location);
    JsonObject[] last = new JsonObject[1];
    await("run " + location + " to end")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              last[0] = get(run).json();
              return ENDED.contains(last[0].getString("status"));
            });
    // The lock is let go a moment after the run ends (by the task that follows it).
    await("the ETL lock free again")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .until(this::lockIsFree);
    return last[0];
  }

  private boolean lockIsFree() throws SQLException {
    try (Connection connection = TestDatabase.dataSource(TestDatabase.ETL).getConnection();
        Statement statement = connection.createStatement()) {
      try (var taken = statement.executeQuery("select pg_try_advisory_lock(" + ETL_LOCK + ")")) {
        taken.next();
        if (!taken.getBoolean(1)) {
          return false;
        }
      }
      statement.execute("select pg_advisory_unlock(" + ETL_LOCK + ")");
      return true;
    }
  }

  private Http.Response post(String path) {
    return post(path, Tokens.admin());
  }

  private Http.Response post(String path, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return Http.send(request);
  }

  private static Http.Response get(URI uri) {
    return Http.send(
        HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + Tokens.admin()));
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
