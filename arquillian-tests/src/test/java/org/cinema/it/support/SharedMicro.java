package org.cinema.it.support;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * billing-web.war as built, on Payara Micro against the test database, one process per
 * configuration for the whole test run. Arquillian's Payara Micro adapter starts a JVM for every
 * test class (Payara Micro cannot deploy into a running instance), ~40 s each on this machine:
 * eleven classes use these two configurations, so they share them instead. A class therefore sees
 * what earlier ones left in the server as well as in the database (as a real server does); tests
 * that move the test clock set it back to the real time when they end.
 *
 * <p>The admin and ETL deployments, which have one or two classes each (one of them in-container),
 * stay Arquillian's ({@code arquillian.xml}).
 */
public enum SharedMicro {

  /**
   * With the sandbox. It delivers a refund's charge.refunded before the refund call returns (the
   * order Stripe sometimes has); the reconciler runs every second for what is 2 s old; a failing
   * webhook event is parked after 3 attempts, 1 s apart at first; failed logins are counted in
   * windows of 4 s, 12 at most per address (EdgesIT); the test clock may be moved (RenewalIT
   * travels in time); notifications are retried after 1 s, then 2 s, 3 attempts, and webhooks may
   * go to this machine (WebhookEndpointsIT's receiver); the metrics read the database on every
   * scrape (OperationsMetricsIT).
   */
  SANDBOX(
      TestDatabase.BILLING,
      List.of(
          "-Dsandbox.webhook-secret=" + System.getProperty("it.webhook.secret"),
          "-Drenewal.interval-seconds=1",
          "-Dreconcile.interval-seconds=1",
          "-Dreconcile.after-seconds=2",
          "-Dwebhook.max-attempts=3",
          "-Dwebhook.retry-base-seconds=1",
          "-Dsandbox.refund-events-first=true",
          "-Dlogin.window-seconds=4",
          "-Dlogin.max-failures-per-address=12",
          "-Dbilling.test-clock=true",
          "-Dnotify.retry-base=PT1S",
          "-Dnotify.retry-cap=PT2S",
          "-Dnotify.max-attempts=3",
          "-Dnotify.lease=PT5S",
          "-Dnotify.interval-millis=500",
          "-Dwebhook.allow-private-targets=true",
          "-Dmetrics.refresh-seconds=0")),

  /**
   * With PAYMENT_PROVIDER=stripe, its stripe-java pointed at the WireMock stub of the Stripe API
   * that the Stripe tests run on {@code it.stripe.port}; short timeouts and a fast reconciler so
   * that the failure cases settle within a test; the renewer every second, for a renewal after the
   * card was replaced.
   */
  STRIPE(
      TestDatabase.STRIPE,
      List.of(
          "-Dpayment.provider=stripe",
          "-Dstripe.api-key=sk_test_stub",
          "-Dstripe.webhook-secret=" + System.getProperty("it.stripe.webhook.secret"),
          "-Dstripe.api-base=http://localhost:" + System.getProperty("it.stripe.port"),
          "-Dstripe.read-timeout-ms=1500",
          "-Dreconcile.interval-seconds=2",
          "-Dreconcile.after-seconds=8",
          "-Drenewal.interval-seconds=1"));

  /** Generous: Arquillian's was 240 s, and a loaded 2-core machine has needed over 100 s. */
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

  private final String database;
  private final List<String> options;
  private URL base;
  private IllegalStateException failed;
  private Process process;

  SharedMicro(String database, List<String> options) {
    this.database = database;
    this.options = options;
  }

  /**
   * The deployment's base URL ({@code http://localhost:<port>/billing-web/}), started if need be.
   */
  public synchronized URL base() {
    if (failed != null) {
      throw failed;
    }
    if (base == null) {
      try {
        base = start();
      } catch (IOException | RuntimeException e) {
        stop();
        failed = new IllegalStateException("billing-web (" + name() + ") did not start", e);
        throw failed;
      }
    }
    return base;
  }

  /** Stops every server started, at the end of the test run. */
  static void stopAll() {
    for (SharedMicro server : values()) {
      server.stop();
    }
  }

  private URL start() throws IOException {
    int port = FreePorts.next();
    Path logs = Path.of(System.getProperty("deployments.dir")).resolveSibling("shared-micro");
    Files.createDirectories(logs);
    Path log = logs.resolve(name().toLowerCase() + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // C1 only: as for Arquillian's containers, C2 compiling costs more than it gives back here.
    command.addAll(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"));
    command.add("-Dbilling.db.url=" + TestDatabase.jdbcUrl(database));
    command.addAll(List.of("-Dbilling.db.user=postgres", "-Dbilling.db.password=postgres"));
    String jwt = System.getProperty("it.jwt.dir");
    command.add("-Dbilling.jwt.private-key.location=" + jwt + "/private.pem");
    command.add("-Dmp.jwt.verify.publickey.location=file://" + jwt + "/public.pem");
    command.add("-Dbilling.admin.login=" + System.getProperty("it.admin.login"));
    command.add("-Dbilling.admin.password=" + System.getProperty("it.admin.password"));
    command.add("-Dbilling.password.iterations=1024");
    command.addAll(options);
    command.addAll(
        List.of(
            "-jar",
            System.getProperty("payara.microJar"),
            "--deploy",
            Path.of(System.getProperty("deployments.dir"), "billing-web.war").toString(),
            "--port",
            String.valueOf(port),
            "--nocluster"));
    process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    URI uri = URI.create("http://localhost:" + port + "/billing-web/");
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    while (!ready(uri)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Payara Micro exited early; see " + log);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("Payara Micro not ready in " + READY_TIMEOUT + "; " + log);
      }
      sleep(Duration.ofMillis(500));
    }
    try {
      return uri.toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Ready once the deployment's own readiness check answers, not only the server's. */
  private static boolean ready(URI base) {
    try {
      Http.Response health = Http.readiness(base);
      return health.status() == 200 && Http.check(health, "billing-database").isPresent();
    } catch (RuntimeException notYet) {
      return false;
    }
  }

  private synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
