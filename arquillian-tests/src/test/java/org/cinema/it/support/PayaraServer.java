package org.cinema.it.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Payara Server Full from the distribution on Maven Central, driven with {@code asadmin} as ops
 * would: a domain of its own on a port base of its own, started with the application's environment
 * variables, the EAR deployed into it.
 */
public final class PayaraServer implements AutoCloseable {

  private static final String DOMAIN = "cinema-it";

  private final Path home;
  private final int portBase;
  private final Path log;

  private PayaraServer(Path home, int portBase, Path log) {
    this.home = home;
    this.portBase = portBase;
    this.log = log;
  }

  /** Creates a fresh domain and starts it with {@code environment} added to its own. */
  public static PayaraServer start(Map<String, String> environment, Path log)
      throws IOException, InterruptedException {
    Path home = Path.of(System.getProperty("payara.server.dir"));
    int portBase = Integer.getInteger("it.ear.portbase");
    PayaraServer server = new PayaraServer(home, portBase, log);
    deleteRecursively(home.resolve("glassfish/domains").resolve(DOMAIN));
    server.asadmin(
        Map.of(), "create-domain", "--nopassword", "--portbase", String.valueOf(portBase), DOMAIN);
    server.asadmin(environment, "start-domain", DOMAIN);
    return server;
  }

  public void deploy(Path archive) throws IOException, InterruptedException {
    asadmin(Map.of(), "--port", String.valueOf(portBase + 48), "deploy", archive.toString());
  }

  public URI baseUri() {
    return URI.create("http://localhost:" + (portBase + 80));
  }

  @Override
  public void close() throws IOException, InterruptedException {
    asadmin(Map.of(), "stop-domain", DOMAIN);
  }

  private void asadmin(Map<String, String> environment, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/asadmin").toString());
    command.add("--interactive=false");
    command.addAll(List.of(arguments));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("asadmin " + String.join(" ", arguments) + " hung");
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "asadmin " + String.join(" ", arguments) + " failed:\n" + Files.readString(log));
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
