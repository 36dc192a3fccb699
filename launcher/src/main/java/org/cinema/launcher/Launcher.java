package org.cinema.launcher;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.cinema.common.security.OwnerOnlyFiles;

/**
 * Entry point of the run command: {@code make run} (Payara Micro with the WARs), or with the
 * argument {@code ear}, {@code make run_ear} (the EAR on Payara Server Full and its console).
 */
public final class Launcher {

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    boolean ear = args.length > 0 && args[0].equals("ear");
    if (args.length > 1 || (args.length == 1 && !ear)) {
      System.err.println("usage: java -jar launcher.jar [ear]");
      System.exit(2);
    }
    LauncherSettings settings = LauncherSettings.fromEnvironment(System.getenv());
    Path runtimeDir = runtimeDir();
    PayaraServerFull.Settings full =
        ear
            ? PayaraServerFull.Settings.fromEnvironment(
                System.getenv(), runtimeDir, settings.httpPort())
            : null;
    if (ear && !settings.modules().equals(java.util.EnumSet.allOf(Module.class))) {
      System.err.println("The EAR holds every module: DEPLOY applies to the run command only");
      System.exit(2);
    }
    long started = System.nanoTime();

    EmbeddedDatabase embedded = null;
    LauncherSettings.Database database;
    if (settings.databases().external().isPresent()) {
      database = settings.databases().external().get();
      log("Using the PostgreSQL at " + database.url());
    } else {
      // Services started together (make run_*_service) share one embedded database: the first
      // to take this lock starts it, the others find it running. initdb must not run twice.
      Optional<LauncherSettings.Database> shared;
      // Owner-only from the start: the generated secrets live here too (DevSecrets).
      OwnerOnlyFiles.folder(settings.dataDir());
      try (FileChannel channel =
              FileChannel.open(
                  settings.dataDir().resolve("embedded-db.lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        shared = EmbeddedDatabase.runningOn(settings.databases().embeddedPort());
        if (shared.isEmpty()) {
          Path dataDir = settings.dataDir().resolve("postgres");
          embedded = EmbeddedDatabase.start(dataDir, settings.databases().embeddedPort());
          log(
              "Embedded PostgreSQL on port "
                  + settings.databases().embeddedPort()
                  + ", data in "
                  + dataDir);
        }
      }
      if (embedded != null) {
        database = embedded.connection();
      } else {
        database = shared.orElseThrow();
        log(
            "Using the embedded PostgreSQL another service runs on port "
                + settings.databases().embeddedPort()
                + " (stop that service last)");
      }
    }
    Path pidFile = ear ? settings.dataDir().resolve("run-ear.pid") : pidFile(settings);
    OwnerOnlyFiles.folder(pidFile.getParent());
    Files.writeString(pidFile, ProcessHandle.current().pid() + System.lineSeparator());
    pidFile.toFile().deleteOnExit();

    Map<String, String> environment = environment(System.getenv(), settings, database);
    // Services started together (make run_*_service) make the secrets one at a time: the key pair
    // is two files, and a second generator would overwrite the first one's private key.
    DevSecrets secrets;
    try (FileChannel channel =
            FileChannel.open(
                settings.dataDir().resolve("secrets.lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock ignored = channel.lock()) {
      secrets = DevSecrets.ensure(settings.dataDir(), System.getenv());
    }
    environment.putAll(secrets.environment());
    AppServer server;
    if (ear) {
      EmbeddedDatabase owned = embedded;
      try {
        server =
            PayaraServerFull.start(
                full,
                settings,
                PayaraServerFull.driverJar(runtimeDir.resolveSibling("lib")),
                environment);
      } catch (IOException | RuntimeException e) {
        log("Payara Server did not start: " + e.getMessage());
        if (owned != null) {
          owned.close();
        }
        System.exit(1);
        return;
      }
    } else {
      server = PayaraMicroServer.start(runtimeDir, settings, environment);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(shutdown(server, embedded), "shutdown"));

    if (server.awaitReady(settings.readyTimeout())) {
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      printReady(server, settings, elapsed, adminLogin(System.getenv(), secrets), embedded != null);
    } else if (server.isAlive()) {
      log("Not ready within " + settings.readyTimeout().toSeconds() + " s: see the log above");
      System.exit(1);
    }
    int exit = server.waitFor();
    System.exit(exit);
  }

  /**
   * The child's environment: the caller's, plus the database settings of both schemas. The content
   * schema shares the billing database unless {@code CONTENT_DB_URL} says otherwise. Links and
   * webhook targets the server hands out are built on {@code PUBLIC_API_URL}: this run's own URL
   * unless the caller set one (behind a proxy). Outbound webhooks may go to this machine and its
   * network unless the caller said {@code WEBHOOK_ALLOW_PRIVATE_TARGETS=false}.
   */
  static Map<String, String> environment(
      Map<String, String> callers, LauncherSettings settings, LauncherSettings.Database database) {
    Map<String, String> env = new HashMap<>(callers);
    env.put("BILLING_DB_URL", database.url());
    env.put("BILLING_DB_USER", database.user());
    env.put("BILLING_DB_PASSWORD", database.password());
    if (LauncherSettings.value(callers, "CONTENT_DB_URL").isEmpty()) {
      env.put("CONTENT_DB_URL", database.url());
      env.put("CONTENT_DB_USER", database.user());
      env.put("CONTENT_DB_PASSWORD", database.password());
    }
    env.put("DEMO_DATA", String.valueOf(settings.databases().demoData()));
    env.put("WEBHOOK_ALLOW_PRIVATE_TARGETS", String.valueOf(settings.allowPrivateWebhookTargets()));
    // The admin panel reads billing data and ETL runs over HTTP from the same server.
    String local = "http://localhost:" + settings.httpPort();
    if (LauncherSettings.value(callers, "BILLING_API_URL").isEmpty()) {
      env.put("BILLING_API_URL", local + "/api/");
    }
    if (LauncherSettings.value(callers, "PUBLIC_API_URL").isEmpty()) {
      env.put("PUBLIC_API_URL", local + "/api/");
    }
    if (LauncherSettings.value(callers, "ETL_API_URL").isEmpty()) {
      env.put("ETL_API_URL", local + "/etl/api/");
    }
    return env;
  }

  private static Runnable shutdown(AppServer server, EmbeddedDatabase embedded) {
    return () -> {
      try {
        server.stop();
        if (embedded != null) {
          embedded.close();
        }
        log("Stopped.");
      } catch (IOException e) {
        log("Stopping failed: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  /**
   * Where {@code make down} finds this run to stop it: {@code DATA_DIR/run-<modules>.pid}, or for a
   * cluster member, whose siblings run the same modules on the same data folder, {@code
   * run-<modules>-<HTTP port>.pid}.
   */
  static Path pidFile(LauncherSettings settings) {
    String modules =
        settings.modules().stream().map(Module::label).reduce((a, b) -> a + "-" + b).orElse("none");
    String member = settings.cluster().isPresent() ? "-" + settings.httpPort() : "";
    return settings.dataDir().resolve("run-" + modules + member + ".pid");
  }

  /** The folder holding payara-micro.jar and the WARs: {@code runtime/} beside launcher.jar. */
  private static Path runtimeDir() throws URISyntaxException, IOException {
    Path jar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path runtime = jar.resolveSibling("runtime");
    if (!Files.exists(runtime.resolve("payara-micro.jar"))) {
      throw new IOException("No payara-micro.jar in " + runtime + ": build with mvn package first");
    }
    return runtime;
  }

  private static void printReady(
      AppServer server,
      LauncherSettings settings,
      Duration elapsed,
      String adminLogin,
      boolean ownsDatabase) {
    String base = server.baseUri().toString();
    StringBuilder urls = new StringBuilder();
    if (settings.modules().contains(Module.BILLING)) {
      urls.append(line("Viewer API", base + "/api/v1/"))
          .append(line("OpenAPI", base + "/openapi  (Swagger UI: " + base + "/api/openapi)"));
    }
    if (settings.modules().contains(Module.ADMIN)) {
      urls.append(line("Admin panel", base + "/admin/  (log in as " + adminLogin + ")"));
    }
    if (settings.modules().contains(Module.ETL)) {
      urls.append(line("ETL runs", base + "/etl/api/runs"));
    }
    urls.append(line("Readiness", base + "/health/ready"));
    String kind = "Payara Micro";
    if (server instanceof PayaraServerFull full) {
      kind = "Payara Server";
      urls.append(line("Console", full.consoleUri() + "  (log in as " + full.adminLogin() + ")"))
          .append(line("Server log", full.serverLog().toString()));
    }
    // One write: a reader of the output never sees half a banner.
    System.out.print(
        """

        ==================================================================
         Cinema billing is ready in %.1f s (%s pid %d)
        %s Ctrl-C stops the server%s.
        ==================================================================

        """
            .formatted(
                elapsed.toMillis() / 1000.0,
                kind,
                server.pid(),
                urls,
                ownsDatabase ? " and the database it started" : ""));
    System.out.flush();
  }

  /**
   * How the ready banner names the admin panel's superuser: a generated password only on the start
   * that generated it (later starts say which file keeps it), and never one the caller set.
   */
  static String adminLogin(Map<String, String> callers, DevSecrets secrets) {
    String user =
        LauncherSettings.value(callers, "ADMIN_USERNAME")
            .or(() -> LauncherSettings.value(secrets.environment(), "ADMIN_USERNAME"))
            .orElse("(ADMIN_USERNAME not set)");
    if (LauncherSettings.value(callers, "ADMIN_PASSWORD").isPresent()) {
      return user + " / your ADMIN_PASSWORD";
    }
    Optional<String> generated = LauncherSettings.value(secrets.environment(), "ADMIN_PASSWORD");
    if (generated.isEmpty()) {
      return user + " / (ADMIN_PASSWORD not set)";
    }
    return secrets.adminPasswordGenerated()
        ? user + " / " + generated.get()
        : user + ", password in " + secrets.adminPasswordFile();
  }

  private static String line(String what, String url) {
    return String.format("   %-15s %s%n", what, url);
  }

  private static void log(String message) {
    System.out.println("[launcher] " + message);
  }
}
