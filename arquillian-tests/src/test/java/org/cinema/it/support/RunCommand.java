package org.cinema.it.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The run command's program ({@code launcher.jar}, what {@code make run} starts) in a child
 * process, on free ports and a data folder of the test's own.
 */
public final class RunCommand implements AutoCloseable {

  /** The ready banner's last line but one: the whole banner has been written once it is there. */
  private static final String BANNER_END = "Ctrl-C stops the server";

  /** Generous: on a loaded 2-core machine the first start was seen to need over 3 minutes. */
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

  private final Process process;
  private final Path log;
  private final int httpPort;
  private final int dbPort;

  private RunCommand(Process process, Path log, int httpPort, int dbPort) {
    this.process = process;
    this.log = log;
    this.httpPort = httpPort;
    this.dbPort = dbPort;
  }

  /** Starts the launcher and waits for its "ready" banner. */
  public static RunCommand start(Path dataDir, Path log) throws IOException {
    return start(dataDir, log, Map.of());
  }

  /**
   * Starts the launcher with {@code settings} added to its zero-configuration environment, and
   * waits for its "ready" banner.
   */
  public static RunCommand start(Path dataDir, Path log, Map<String, String> settings)
      throws IOException {
    return start(dataDir, log, settings, List.of());
  }

  /**
   * {@code make run_ear}'s program: {@code launcher.jar ear}, the EAR on Payara Server Full, with
   * {@code settings} added (they must name the server, PAYARA_SERVER_HOME, and the EAR,
   * BILLING_EAR).
   */
  public static RunCommand startEar(Path dataDir, Path log, Map<String, String> settings)
      throws IOException {
    return start(dataDir, log, settings, List.of("ear"));
  }

  private static RunCommand start(
      Path dataDir, Path log, Map<String, String> settings, List<String> arguments)
      throws IOException {
    int httpPort =
        settings.containsKey("HTTP_PORT")
            ? Integer.parseInt(settings.get("HTTP_PORT"))
            : Integer.getInteger("it.run.http.port");
    int dbPort = Integer.getInteger("it.run.db.port");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("launcher.jar")));
    command.addAll(arguments);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    // Whatever the developer's .env exported, this run is the zero-configuration one.
    env.keySet()
        .removeIf(
            name ->
                name.matches(
                    "(BILLING|CONTENT)_DB_.*|DEMO_DATA|PAYARA_.*|ETL_.*|READY_.*|ADMIN_.*"
                        + "|BILLING_ADMIN_.*|BILLING_API_URL|PAYMENT_PROVIDER|STRIPE_.*"
                        + "|SANDBOX_.*|RECONCILE_.*|PUBLIC_API_URL"));
    env.put("DATA_DIR", dataDir.toString());
    env.put("HTTP_PORT", String.valueOf(httpPort));
    env.put("EMBEDDED_DB_PORT", String.valueOf(dbPort));
    env.put("READY_TIMEOUT_SECONDS", String.valueOf(READY_TIMEOUT.toSeconds()));
    // The run command's heap; only the client compiler (C1), as for the Arquillian containers: a
    // server living a minute spends more on C2 compiling than it gets back (2 cores, the suite).
    env.put("PAYARA_JAVA_OPTS", "-Xms128m -Xmx512m -XX:TieredStopAtLevel=1");
    env.putAll(settings);
    RunCommand run = new RunCommand(builder.start(), log, httpPort, dbPort);
    await("the run command's ready banner in " + log)
        .atMost(READY_TIMEOUT.plusSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> !run.process.isAlive() || Files.readString(log).contains(BANNER_END));
    if (!run.process.isAlive()) {
      throw new IllegalStateException("The run command exited early; see " + log);
    }
    return run;
  }

  public URI baseUri() {
    return URI.create("http://localhost:" + httpPort);
  }

  /** The embedded database the run command started, as its applications see it. */
  public DataSource database() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl("jdbc:postgresql://localhost:" + dbPort + "/cinema");
    dataSource.setUser("postgres");
    return dataSource;
  }

  public String output() throws IOException {
    return Files.readString(log);
  }

  /**
   * Kills the application server the run command started with SIGKILL, as a crash or the OOM killer
   * would, and waits for the run command to notice and exit.
   */
  public void killServer() throws InterruptedException {
    process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new IllegalStateException("The run command did not exit after its server was killed");
    }
  }

  /** Stops it the way Ctrl-C or a service manager does, and waits for it to be gone. */
  public int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new IllegalStateException("The run command did not stop within 90 s");
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
  }
}
