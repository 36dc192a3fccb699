package org.cinema.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cinema.it.support.BillingCatalog;
import org.cinema.it.support.BillingClient;
import org.cinema.it.support.FreePorts;
import org.cinema.it.support.Http;
import org.cinema.it.support.RunCommand;
import org.cinema.it.support.Sql;
import org.cinema.it.support.SubscriptionRows;
import org.cinema.it.support.TestDatabase;
import org.cinema.it.support.TestFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances of the whole system from the run command, as {@code make run_cluster} starts them:
 * on loopback, different HTTP ports, one Hazelcast cluster of the configured name found over TCP on
 * 127.0.0.1, one PostgreSQL. Instance A hands out links on B's address ({@code PUBLIC_API_URL}), as
 * a load balancer would send the viewer and the provider's webhook to whichever instance: a
 * checkout opened on A is paid on B's page and its webhook lands on B.
 *
 * <p>The last test kills A with SIGKILL under load, so the order matters here (and only here).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private static RunCommand a;
  private static RunCommand b;
  private static BillingClient onA;
  private static BillingClient onB;
  private static Sql sql;
  private static BillingCatalog catalog;

  @BeforeAll
  static void startTwoInstances() throws Exception {
    Path dataDir = TestFiles.emptyFolder(Path.of("target", "cluster-data").toAbsolutePath());
    int httpA = FreePorts.next();
    int httpB = FreePorts.next();
    int gridA = FreePorts.next();
    int gridB = FreePorts.next();
    String url = TestDatabase.jdbcUrl(TestDatabase.CLUSTER);
    Map<String, String> shared =
        Map.ofEntries(
            Map.entry("BILLING_DB_URL", url),
            Map.entry("BILLING_DB_USER", "postgres"),
            Map.entry("BILLING_DB_PASSWORD", "postgres"),
            Map.entry("PAYARA_CLUSTER", "true"),
            Map.entry("PAYARA_CLUSTER_NAME", "cluster-it"),
            Map.entry("PAYARA_CLUSTER_MEMBERS", "127.0.0.1:" + gridA + ",127.0.0.1:" + gridB),
            Map.entry("PAYARA_CLUSTER_INTERFACES", "127.0.0.1"),
            Map.entry("RENEWAL_INTERVAL_SECONDS", "1"),
            Map.entry("ETL_INTERVAL_SECONDS", "1"),
            Map.entry("BILLING_PASSWORD_ITERATIONS", "1024"));
    CompletableFuture<RunCommand> startingA =
        CompletableFuture.supplyAsync(
            () ->
                start(
                    dataDir,
                    "a",
                    with(
                        shared,
                        "HTTP_PORT",
                        String.valueOf(httpA),
                        "PAYARA_CLUSTER_PORT",
                        String.valueOf(gridA),
                        "PUBLIC_API_URL",
                        "http://localhost:" + httpB + "/api/")));
    b =
        start(
            dataDir,
            "b",
            with(
                shared,
                "HTTP_PORT",
                String.valueOf(httpB),
                "PAYARA_CLUSTER_PORT",
                String.valueOf(gridB)));
    a = startingA.join();
    onA = new BillingClient(URI.create(a.baseUri() + "/"));
    onB = new BillingClient(URI.create(b.baseUri() + "/"));
    sql = new Sql(TestDatabase.dataSource(TestDatabase.CLUSTER));
    catalog = new BillingCatalog(sql);
  }

  @AfterAll
  static void stopThem() throws Exception {
    for (RunCommand run : new RunCommand[] {a, b}) {
      if (run != null) {
        run.close();
      }
    }
  }

  @Test
  @Order(1)
  void theInstancesFormOneClusterOfTheConfiguredNameOverTcp() throws Exception {
    String both = "DG Name: cluster-it DG Size: 2";
    await("both members in each instance's view of the data grid")
        .atMost(WAIT)
        .until(() -> a.output().contains(both) && b.output().contains(both));
    for (RunCommand member : new RunCommand[] {a, b}) {
      assertThat(member.output())
          .contains("discovery-mode=tcpip")
          .doesNotContain("discovery-mode=multicast");
    }
  }

  @Test
  @Order(2)
  void aRefundAnsweredByADeniesAccessOnBWithin100Ms() throws Exception {
    BillingCatalog.Product product = catalog.product("month", "7.00", 1);
    UUID movie = product.firstMovie();
    List<Long> windows = new ArrayList<>();
    for (int viewer = 0; viewer < 5; viewer++) {
      String token = onA.newViewer();
      Http.Response added = onA.addProduct(token, product.id());
      assertThat(added.status()).as(added.toString()).isEqualTo(201);
      assertThat(onA.payOnCheckout(added.json().getString("url"), "4242 4242 4242 4242").status())
          .isEqualTo(200);
      await("access on B").atMost(WAIT).until(() -> onB.mayWatch(token, movie));
      assertThat(onB.mayWatch(token, movie)).as("B answers from its cache now").isTrue();

      Http.Response refunded = onA.cancelPayment(token, added.json().getString("payment_id"));
      long answered = System.nanoTime();
      assertThat(refunded.status()).as(refunded.toString()).isEqualTo(200);
      while (onB.mayWatch(token, movie)) {
        assertThat(Duration.ofNanos(System.nanoTime() - answered))
            .as("B still allows after the refund A answered")
            .isLessThan(Duration.ofMillis(100));
      }
      windows.add(Duration.ofNanos(System.nanoTime() - answered).toMillis());
    }
    System.out.println("B denied access this many ms after A's refund answered: " + windows);
  }

  @Test
  @Order(3)
  void anIdempotencyKeyUsedOnAReplaysOnB() throws Exception {
    BillingCatalog.Product product = catalog.product("month", "8.00", 1);
    String token = onA.newViewer();
    String key = "cluster-" + UUID.randomUUID();

    Http.Response first = onA.addProduct(token, product.id(), "Idempotency-Key", key);
    Http.Response again = onB.addProduct(token, product.id(), "Idempotency-Key", key);

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.body()).as("B replays A's answer").isEqualTo(first.body());
  }

  @Test
  @Order(4)
  void aSandboxWebhookLandingOnBForACheckoutOpenedOnAIsAccepted() throws Exception {
    BillingCatalog.Product product = catalog.product("month", "9.00", 1);
    String token = onA.newViewer();
    Http.Response added = onA.addProduct(token, product.id());
    String page = added.json().getString("url");
    assertThat(page).as("A's link is B's address").startsWith(b.baseUri().toString());

    assertThat(onA.payOnCheckout(page, "4242 4242 4242 4242").status()).isEqualTo(200);

    await("the payment applied from B's inbox")
        .atMost(WAIT)
        .until(
            () ->
                "SUCCEEDED"
                    .equals(
                        sql.value(
                            "select status from billing.payment where id = ?::uuid",
                            added.json().getString("payment_id"))));
    assertThat(
            sql.value(
                "select count(*) from billing.webhook_event where processed_at is not null"
                    + " and payload like ?",
                "%" + added.json().getString("payment_id") + "%"))
        .as("the provider's event, received and applied")
        .isNotEqualTo(0L);
    assertThat(onA.mayWatch(token, product.firstMovie())).isTrue();
  }

  @Test
  @Order(5)
  void aRenewalAndTheEtlRunOncePerCluster() throws Exception {
    BillingCatalog.Product daily = catalog.product("day", "2.00", 1);
    String token = onA.newViewer();
    Http.Response added = onA.addProduct(token, daily.id());
    UUID subscription = UUID.fromString(added.json().getString("subscription_id"));
    assertThat(onA.payOnCheckout(added.json().getString("url"), "4242 4242 4242 4242").status())
        .isEqualTo(200);
    await("paid").atMost(WAIT).until(() -> onA.mayWatch(token, daily.firstMovie()));
    // Due now for both instances' renewers, which run every second.
    Instant end = SubscriptionRows.endsIn(sql, subscription, Duration.ofMinutes(30));
    await("renewed")
        .atMost(WAIT)
        .until(() -> SubscriptionRows.paidPayments(sql, subscription) == 2L);
    Thread.sleep(3000); // a few more passes of both renewers
    assertThat(SubscriptionRows.paidPayments(sql, subscription))
        .as("charged once for the new period")
        .isEqualTo(2L);
    assertThat(
            sql.value(
                "select count(*) from billing.invoice where subscription_id = ?::uuid"
                    + " and period_start = ?",
                subscription.toString(),
                end.atOffset(ZoneOffset.UTC)))
        .isEqualTo(1L);

    long copiedBefore = productRowsCopied();
    UUID product = UUID.randomUUID();
    sql.update(
        "insert into content.product (id, name, price, currency, period)"
            + " values (?, 'Cluster ETL', 5.00, 'RUB', 'day')",
        product);
    await("the ETL carries the product")
        .atMost(WAIT)
        .until(
            () ->
                ((Long) sql.value("select count(*) from billing.product where id = ?", product))
                    == 1L);
    Thread.sleep(3000); // a few more runs of both schedules
    assertThat(productRowsCopied() - copiedBefore)
        .as("the row written once by one run, not by one run per instance")
        .isEqualTo(1L);
  }

  @Test
  @Order(6)
  void killingAUnderLoadLosesNothingItAnsweredAndBKeepsServing() throws Exception {
    BillingCatalog.Product product = catalog.product("month", "6.00", 1);
    ConcurrentLinkedQueue<String> registered = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> subscribed = new ConcurrentLinkedQueue<>();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService load = Executors.newFixedThreadPool(6);
    for (int thread = 0; thread < 6; thread++) {
      load.submit(
          () -> {
            while (running.get()) {
              try {
                String login = BillingClient.freshLogin();
                Http.Response account = onA.register(BillingClient.registration(login).build());
                if (account.status() != 200) {
                  continue;
                }
                registered.add(login);
                Http.Response added =
                    onA.addProduct(account.json().getString("access_token"), product.id());
                if (added.status() == 201) {
                  subscribed.add(added.json().getString("subscription_id"));
                }
              } catch (RuntimeException refusedOnceKilled) {
                // A's connections fail once it is gone: nothing it answered is lost.
              }
            }
          });
    }
    await("some load answered by A").atMost(WAIT).until(() -> subscribed.size() >= 20);
    a.killServer();
    running.set(false);
    load.shutdown();
    assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

    for (String login : registered) {
      assertThat(sql.value("select count(*) from billing.account where login = ?", login))
          .as("the account A registered: %s", login)
          .isEqualTo(1L);
    }
    for (String id : subscribed) {
      assertThat(sql.value("select count(*) from billing.subscription where id = ?::uuid", id))
          .as("the subscription A answered 201 for: %s", id)
          .isEqualTo(1L);
    }
    String token = onB.newViewer();
    assertThat(onB.addProduct(token, product.id()).status()).as("B keeps serving").isEqualTo(201);
    System.out.println(
        "A answered "
            + registered.size()
            + " registrations and "
            + subscribed.size()
            + " subscriptions before SIGKILL; all in the database");
  }

  private static long productRowsCopied() throws SQLException {
    return ((Number)
            sql.value(
                "select coalesce(sum(rows_total), 0) from billing.etl_state"
                    + " where table_name = 'product' or table_name like 'product %'"))
        .longValue();
  }

  private static RunCommand start(Path dataDir, String name, Map<String, String> settings) {
    try {
      return RunCommand.start(dataDir, dataDir.resolve("run-" + name + ".log"), settings);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> with(Map<String, String> shared, String... more) {
    Map<String, String> all = new HashMap<>(shared);
    for (int i = 0; i < more.length; i += 2) {
      all.put(more[i], more[i + 1]);
    }
    return all;
  }
}
