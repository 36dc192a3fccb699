package org.cinema.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What the run command needs to know, read from environment variables (documented in {@code
 * .env.example}). With no {@code BILLING_DB_URL} the system runs on an embedded PostgreSQL whose
 * data lives under {@code DATA_DIR}.
 */
record LauncherSettings(
    int httpPort,
    Path dataDir,
    Optional<Database> externalDatabase,
    int embeddedDbPort,
    boolean demoData,
    String payaraJavaOptions,
    boolean cluster,
    Duration readyTimeout) {

  /** Connection settings of one schema's database. */
  record Database(String url, String user, String password) {}

  static LauncherSettings fromEnvironment(Map<String, String> env) {
    Optional<Database> external =
        Optional.ofNullable(blankToNull(env.get("BILLING_DB_URL")))
            .map(
                url ->
                    new Database(
                        url,
                        env.getOrDefault("BILLING_DB_USER", "cinema"),
                        env.getOrDefault("BILLING_DB_PASSWORD", "")));
    return new LauncherSettings(
        intValue(env, "HTTP_PORT", 8080),
        Path.of(env.getOrDefault("DATA_DIR", ".data")).toAbsolutePath(),
        external,
        intValue(env, "EMBEDDED_DB_PORT", 15432),
        Boolean.parseBoolean(env.getOrDefault("DEMO_DATA", String.valueOf(external.isEmpty()))),
        env.getOrDefault("PAYARA_JAVA_OPTS", "-Xms128m -Xmx512m"),
        Boolean.parseBoolean(env.getOrDefault("PAYARA_CLUSTER", "true")),
        Duration.ofSeconds(intValue(env, "READY_TIMEOUT_SECONDS", 180)));
  }

  private static int intValue(Map<String, String> env, String name, int defaultValue) {
    String value = blankToNull(env.get(name));
    if (value == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
