package org.cinema.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Payara Micro in a child process, with the chosen WARs at their context roots; ready when every
 * readiness check of those modules is UP.
 */
final class PayaraMicroServer implements AppServer {

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private static final String JSON_LOGGING = "logging-json.properties";

  private static final String JSON_FORMATTER =
      "fish.payara.enterprise.server.logging.JSONLogFormatter";

  private final Process process;
  private final int httpPort;

  private final List<String> readinessChecks;

  private PayaraMicroServer(Process process, int httpPort, List<String> readinessChecks) {
    this.process = process;
    this.httpPort = httpPort;
    this.readinessChecks = readinessChecks;
  }

  static PayaraMicroServer start(
      Path runtimeDir, LauncherSettings settings, Map<String, String> environment)
      throws IOException {
    if (settings.server().jsonLogs()) {
      writeJsonLogging(runtimeDir, settings.dataDir());
    }
    ProcessBuilder builder = new ProcessBuilder(command(runtimeDir, settings)).inheritIO();
    builder.environment().putAll(environment);
    return new PayaraMicroServer(
        builder.start(),
        settings.httpPort(),
        settings.modules().stream().flatMap(m -> m.readinessChecks.stream()).toList());
  }

  /**
   * {@code java ... -jar payara-micro.jar ...}. Secrets travel in the environment, never here: a
   * command line is visible to every user of the machine.
   */
  static List<String> command(Path runtimeDir, LauncherSettings settings) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(settings.server().javaOptions().trim().split("\\s+")));
    command.addAll(List.of("-jar", runtimeDir.resolve("payara-micro.jar").toString()));
    command.addAll(List.of("--port", String.valueOf(settings.httpPort())));
    for (Module module : settings.modules()) {
      command.addAll(deploy(runtimeDir, module.war, module.contextRoot));
    }
    command.addAll(dataGrid(settings.cluster()));
    if (settings.server().jsonLogs()) {
      command.addAll(
          List.of("--logproperties", settings.dataDir().resolve(JSON_LOGGING).toString()));
    }
    return command;
  }

  /**
   * Payara Micro's own logging configuration with its console lines written by Payara's {@code
   * JSONLogFormatter}: one JSON object per line (timestamp, level, logger, thread, message), for a
   * log shipper to read without parsing. Everything else (levels) stays Payara's.
   */
  private static void writeJsonLogging(Path runtimeDir, Path dataDir) throws IOException {
    String defaults;
    try (ZipFile micro = new ZipFile(runtimeDir.resolve("payara-micro.jar").toFile())) {
      ZipEntry entry = micro.getEntry("MICRO-INF/domain/logging.properties");
      if (entry == null) {
        throw new IOException("payara-micro.jar has no MICRO-INF/domain/logging.properties");
      }
      try (InputStream in = micro.getInputStream(entry)) {
        defaults = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      }
    }
    String json =
        defaults
            .replaceAll(
                "(?m)^java\\.util\\.logging\\.ConsoleHandler\\.formatter=.*$",
                "java.util.logging.ConsoleHandler.formatter=" + JSON_FORMATTER)
            .replaceAll("(?m)^.*ansiColor=.*$", "");
    if (!json.contains(JSON_FORMATTER)) {
      json += "\njava.util.logging.ConsoleHandler.formatter=" + JSON_FORMATTER + "\n";
    }
    Files.createDirectories(dataDir);
    Files.writeString(dataDir.resolve(JSON_LOGGING), json, StandardCharsets.ISO_8859_1);
  }

  /**
   * Nothing in the system needs Hazelcast on one instance (caches are evicted through PostgreSQL
   * NOTIFY, timers are not persistent, sessions are not distributable), so a single instance runs
   * without it. A clustered one joins only its named cluster through the listed TCP/IP members:
   * {@code --clustermode tcpip:...} is Payara Micro's TCP/IP discovery, which replaces multicast.
   */
  private static List<String> dataGrid(Optional<LauncherSettings.Cluster> cluster) {
    if (cluster.isEmpty()) {
      return List.of("--nohazelcast");
    }
    LauncherSettings.Cluster c = cluster.get();
    List<String> options = new ArrayList<>();
    options.addAll(List.of("--clustername", c.name()));
    options.addAll(List.of("--clustermode", "tcpip:" + c.members()));
    options.addAll(List.of("--startport", String.valueOf(c.port())));
    c.interfaces().ifPresent(interfaces -> options.addAll(List.of("--interfaces", interfaces)));
    return options;
  }

  private static List<String> deploy(Path runtimeDir, String war, String contextRoot) {
    return List.of("--deploy", runtimeDir.resolve(war) + ":" + contextRoot);
  }

  @Override
  public URI baseUri() {
    return URI.create("http://localhost:" + httpPort);
  }

  @Override
  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    return AppServer.awaitReady(baseUri(), readinessChecks, timeout, process::isAlive);
  }

  @Override
  public int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  /** Asks Payara to shut down (SIGTERM) and waits for it, killing it only if it hangs. */
  @Override
  public void stop() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  @Override
  public long pid() {
    return process.pid();
  }
}
