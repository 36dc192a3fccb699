package org.cinema.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.cinema.it.support.BillingCatalog;
import org.cinema.it.support.BillingClient;
import org.cinema.it.support.Http;
import org.cinema.it.support.RunCommand;
import org.cinema.it.support.Sql;
import org.cinema.it.support.TestFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The billing API as the run command starts it (its own Payara Micro and embedded PostgreSQL, the
 * sandbox provider), under load from many viewers at once: every refund ends access at once on the
 * instance that answered it, and a server killed with SIGKILL while viewers pay loses no payment.
 * The reconciler runs every second for what is 3 s old.
 */
class CrashRecoveryIT {

  private static final Map<String, String> SETTINGS =
      Map.of(
          "DEPLOY", "billing",
          "RECONCILE_INTERVAL_SECONDS", "1",
          "RECONCILE_AFTER_SECONDS", "3",
          "BILLING_PASSWORD_ITERATIONS", "1024");

  private static Path dataDir;
  private static RunCommand run;

  @BeforeAll
  static void start() throws Exception {
    dataDir = Path.of(System.getProperty("run.data.dir")).resolveSibling("crash-data");
    TestFiles.emptyFolder(dataDir);
    run = RunCommand.start(dataDir, dataDir.resolve("run-1.log"), SETTINGS);
  }

  @AfterAll
  static void stop() throws Exception {
    if (run != null) {
      run.close();
    }
  }

  @Test
  void everyRefundEndsAccessAtOnceOnTheInstanceThatAnsweredIt() throws Exception {
    BillingCatalog.Product product =
        new BillingCatalog(new Sql(run.database())).product("month", "99.00", 1);
    BillingClient api = new BillingClient(URI.create(run.baseUri() + "/"));
    AtomicInteger refunds = new AtomicInteger();
    List<String> stale = new ArrayList<>();
    ExecutorService viewers = Executors.newFixedThreadPool(8);
    List<Future<?>> rounds = new ArrayList<>();
    for (int viewer = 0; viewer < 8; viewer++) {
      rounds.add(
          viewers.submit(
              () -> {
                for (int round = 0; round < 5; round++) {
                  String token = api.newViewer();
                  Http.Response added = api.addProduct(token, product.id());
                  assertThat(added.status()).as(added.toString()).isEqualTo(201);
                  api.payOnCheckout(added.json().getString("url"), "4242 4242 4242 4242");
                  await("paid")
                      .atMost(Duration.ofSeconds(30))
                      .pollInterval(Duration.ofMillis(50))
                      .until(() -> api.mayWatch(token, product.firstMovie()));
                  for (int warm = 0; warm < 3; warm++) {
                    assertThat(api.mayWatch(token, product.firstMovie())).isTrue();
                  }
                  Http.Response refunded =
                      api.cancelPayment(token, added.json().getString("payment_id"));
                  assertThat(refunded.status()).as(refunded.toString()).isEqualTo(200);
                  refunds.incrementAndGet();
                  if (api.mayWatch(token, product.firstMovie())) {
                    synchronized (stale) {
                      stale.add(added.json().getString("payment_id"));
                    }
                  }
                }
                return null;
              }));
    }
    for (Future<?> viewer : rounds) {
      viewer.get(5, TimeUnit.MINUTES);
    }
    viewers.shutdown();

    assertThat(refunds.get()).isEqualTo(40);
    assertThat(stale).as("check-rights right after a refund said yes").isEmpty();
  }

  /**
   * While viewers pay, the sandbox's events cannot reach billing and the reconciler is off, so when
   * the server is killed the only record of what each page took is the provider's own. After the
   * restart, every payment whose page said "paid" is SUCCEEDED.
   */
  @Test
  void aServerKilledWhileViewersPayLosesNoPayment() throws Exception {
    run.stop();
    Map<String, String> eventsLost = new HashMap<>(SETTINGS);
    eventsLost.put("SANDBOX_WEBHOOK_URL", "http://127.0.0.1:9/api/v1/billing/webhook");
    eventsLost.put("RECONCILE_INTERVAL_SECONDS", "0");
    run = RunCommand.start(dataDir, dataDir.resolve("run-events-lost.log"), eventsLost);
    BillingCatalog catalog = new BillingCatalog(new Sql(run.database()));
    List<BillingCatalog.Product> products = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      products.add(catalog.product("month", "149.00", 1));
    }
    BillingClient api = new BillingClient(URI.create(run.baseUri() + "/"));
    Set<String> paidOnThePage = ConcurrentHashMap.newKeySet();
    AtomicBoolean serving = new AtomicBoolean(true);
    ExecutorService viewers = Executors.newFixedThreadPool(12);
    for (int viewer = 0; viewer < 12; viewer++) {
      viewers.submit(
          () -> {
            String token = api.newViewer();
            for (BillingCatalog.Product product : products) {
              if (!serving.get()) {
                return;
              }
              try {
                Http.Response added = api.addProduct(token, product.id());
                if (added.status() != 201) {
                  continue;
                }
                String payment = added.json().getString("payment_id");
                Http.Response page =
                    api.payOnCheckoutForm(added.json().getString("url"), "4242 4242 4242 4242");
                if (page.status() == 200 && page.body().contains("Payment accepted")) {
                  paidOnThePage.add(payment);
                }
              } catch (UncheckedIOException | IllegalStateException e) {
                return; // the server is gone
              }
            }
          });
    }
    await("viewers paying").atMost(Duration.ofMinutes(2)).until(() -> paidOnThePage.size() >= 30);

    Sql before = new Sql(run.database());
    long unsettled =
        List.copyOf(paidOnThePage).stream()
            .filter(payment -> !status(before, payment).equals("SUCCEEDED"))
            .count();
    assertThat(unsettled).as("paid on the page, not yet known to billing").isPositive();
    Object untold =
        before.value(
            "select (select count(*) from billing.outbox_event where fanned_out_at is null)"
                + " + (select count(*) from billing.notification where status <> 'SENT')");
    run.killServer();
    serving.set(false);
    viewers.shutdown();
    assertThat(viewers.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
    run = RunCommand.start(dataDir, dataDir.resolve("run-after-kill.log"), SETTINGS);
    Sql sql = new Sql(run.database());
    System.out.printf(
        "CrashRecoveryIT: %d payments paid on the page before the kill, %d of them not SUCCEEDED"
            + " when it was killed; %s events or deliveries not yet sent just before%n",
        paidOnThePage.size(), unsettled, untold);

    await("every payment whose page said paid is paid")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () ->
                assertThat(paidOnThePage)
                    .allSatisfy(
                        payment ->
                            assertThat(status(sql, payment)).as(payment).isEqualTo("SUCCEEDED")));
    assertThat(
            sql.value(
                "select count(*) from billing.sandbox_intent i join billing.payment p"
                    + " on p.id = i.payment_ref where i.status = 'succeeded'"
                    + " and p.status not in ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED')"))
        .as("no charge the provider made is short of SUCCEEDED")
        .isEqualTo(0L);

    // Each payment's event was written with it, and is told once the server is back, also those
    // committed but not yet sent when it was killed.
    await("every paid payment told to its viewer")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () ->
                assertThat(
                        sql.value(
                            "select count(*) from billing.payment p where p.status = 'SUCCEEDED'"
                                + " and (select count(*) from billing.notification n"
                                + " join billing.outbox_event e on e.seq = n.event_seq"
                                + " where e.type = 'payment.succeeded' and n.status = 'SENT'"
                                + " and e.payload::jsonb -> 'data' ->> 'payment_id'"
                                + " = p.id::text) <> 1"))
                    .as("paid payments without exactly one sent payment.succeeded")
                    .isEqualTo(0L));
    assertThat(
            sql.value(
                "select count(*) from (select e.payload::jsonb -> 'data' ->> 'payment_id'"
                    + " from billing.outbox_event e where e.type = 'payment.succeeded'"
                    + " group by 1 having count(*) > 1) twice"))
        .as("payments told of twice")
        .isEqualTo(0L);
  }

  private static String status(Sql sql, String payment) {
    try {
      return (String) sql.value("select status from billing.payment where id = ?::uuid", payment);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
