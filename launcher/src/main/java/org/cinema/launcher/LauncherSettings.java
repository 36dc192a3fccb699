package org.cinema.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the run command needs to know, read from environment variables (documented in {@code
 * .env.example}). With no {@code BILLING_DB_URL} the system runs on an embedded PostgreSQL whose
 * data lives under {@code DATA_DIR}. {@code DEPLOY} picks the modules (all by default), so each
 * part can run on a Payara Micro of its own. Without {@code PAYARA_CLUSTER=true} the server is a
 * single instance with no Hazelcast at all. Webhook endpoints on this machine or its network are
 * allowed ({@code WEBHOOK_ALLOW_PRIVATE_TARGETS}, default true here, false in the container
 * images): the run command is for development, where the cinema's receiver often runs next to it.
 * {@code LOG_FORMAT=json} has Payara write one JSON object per log line.
 */
record LauncherSettings(
    int httpPort,
    Path dataDir,
    Databases databases,
    Server server,
    Optional<Cluster> cluster,
    Duration readyTimeout,
    Set<Module> modules,
    boolean allowPrivateWebhookTargets) {

  /** Connection settings of one schema's database. */
  record Database(String url, String user, String password) {}

  /**
   * Where the data lives: the external PostgreSQL when {@code BILLING_DB_URL} names one, else the
   * embedded one on {@code embeddedPort}; {@code demoData}: load the demo catalog once.
   */
  record Databases(Optional<Database> external, int embeddedPort, boolean demoData) {}

  /** The server's JVM options ({@code PAYARA_JAVA_OPTS}) and whether it logs JSON lines. */
  record Server(String javaOptions, boolean jsonLogs) {}

  /**
   * The Hazelcast cluster (Payara's data grid) an instance joins: only this name, only through
   * these TCP/IP members ({@code host:port,...}, never multicast), listening on {@code port} (the
   * first free one from there) and, if given, only on these interfaces.
   */
  record Cluster(String name, String members, int port, Optional<String> interfaces) {}

  private static final Pattern MEMBER = Pattern.compile("[^\\s:,]+(:\\d{1,5})?");

  static LauncherSettings fromEnvironment(Map<String, String> env) {
    checkPaymentProvider(env);
    Optional<Database> external =
        value(env, "BILLING_DB_URL")
            .map(
                url ->
                    new Database(
                        url,
                        value(env, "BILLING_DB_USER").orElse("cinema"),
                        value(env, "BILLING_DB_PASSWORD").orElse("")));
    return new LauncherSettings(
        intValue(env, "HTTP_PORT", 8080),
        Path.of(value(env, "DATA_DIR").orElse(".data")).toAbsolutePath(),
        new Databases(
            external,
            intValue(env, "EMBEDDED_DB_PORT", 15432),
            value(env, "DEMO_DATA").map(Boolean::parseBoolean).orElse(external.isEmpty())),
        new Server(value(env, "PAYARA_JAVA_OPTS").orElse("-Xms128m -Xmx512m"), jsonLogs(env)),
        cluster(env),
        Duration.ofSeconds(intValue(env, "READY_TIMEOUT_SECONDS", 180)),
        Module.parse(value(env, "DEPLOY").orElse("all")),
        value(env, "WEBHOOK_ALLOW_PRIVATE_TARGETS").map(Boolean::parseBoolean).orElse(true));
  }

  /** {@code LOG_FORMAT}: {@code text} (Payara's usual lines, the default) or {@code json}. */
  private static boolean jsonLogs(Map<String, String> env) {
    String format = value(env, "LOG_FORMAT").orElse("text");
    return switch (format) {
      case "text" -> false;
      case "json" -> true;
      default ->
          throw new IllegalArgumentException(
              "LOG_FORMAT must be text or json, not '" + format + "'");
    };
  }

  /**
   * {@code PAYARA_CLUSTER=true}: the cluster named {@code PAYARA_CLUSTER_NAME} (default {@code
   * cinema-billing}) of the members {@code PAYARA_CLUSTER_MEMBERS} lists, which must be given:
   * without it Payara would look for members by multicast on every network it is on.
   */
  private static Optional<Cluster> cluster(Map<String, String> env) {
    if (value(env, "PAYARA_CLUSTER_PASSWORD").isPresent()) {
      throw new IllegalArgumentException(
          "PAYARA_CLUSTER_PASSWORD cannot be honoured: Payara Micro 6 (Hazelcast 5 open source)"
              + " has no cluster password, so it would protect nothing. Remove it; limit who may"
              + " join with PAYARA_CLUSTER_MEMBERS, PAYARA_CLUSTER_INTERFACES and a private network");
    }
    if (!value(env, "PAYARA_CLUSTER").map(Boolean::parseBoolean).orElse(false)) {
      return Optional.empty();
    }
    String members =
        value(env, "PAYARA_CLUSTER_MEMBERS")
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "PAYARA_CLUSTER=true needs PAYARA_CLUSTER_MEMBERS, the instances of the"
                            + " cluster as host:port,... (TCP/IP discovery; multicast is not"
                            + " used), e.g. localhost:6900,localhost:6901"));
    List<String> list = Arrays.stream(members.split(",", -1)).map(String::strip).toList();
    for (String member : list) {
      if (!MEMBER.matcher(member).matches()) {
        throw new IllegalArgumentException(
            "PAYARA_CLUSTER_MEMBERS is a comma-separated list of host:port, not '" + members + "'");
      }
    }
    return Optional.of(
        new Cluster(
            value(env, "PAYARA_CLUSTER_NAME").orElse("cinema-billing"),
            String.join(",", list),
            intValue(env, "PAYARA_CLUSTER_PORT", 6900),
            value(env, "PAYARA_CLUSTER_INTERFACES")));
  }

  /**
   * Refuses to start with a payment provider that cannot work: an unknown name, or Stripe without
   * its keys (the server would start and then fail every checkout).
   */
  private static void checkPaymentProvider(Map<String, String> env) {
    if (value(env, "BILLING_TEST_CLOCK").map(Boolean::parseBoolean).orElse(false)
        && value(env, "STRIPE_API_KEY").filter(key -> key.contains("_live_")).isPresent()) {
      throw new IllegalArgumentException(
          "BILLING_TEST_CLOCK=true is refused with a live Stripe key (STRIPE_API_KEY=sk_live_...):"
              + " moving time would move real money");
    }
    String provider = value(env, "PAYMENT_PROVIDER").orElse("sandbox");
    switch (provider) {
      case "sandbox" -> {}
      case "stripe" -> {
        if (value(env, "STRIPE_API_KEY").isEmpty()
            || value(env, "STRIPE_WEBHOOK_SECRET").isEmpty()) {
          throw new IllegalArgumentException(
              "PAYMENT_PROVIDER=stripe needs STRIPE_API_KEY (sk_test_... from the Stripe"
                  + " dashboard) and STRIPE_WEBHOOK_SECRET (whsec_..., printed by `stripe"
                  + " listen` or shown for the webhook endpoint): see the README");
        }
      }
      default ->
          throw new IllegalArgumentException(
              "PAYMENT_PROVIDER must be sandbox or stripe, not '" + provider + "'");
    }
  }

  /**
   * A variable's value; empty when unset or blank, as {@code .env} lines like {@code DEMO_DATA=}
   * are.
   */
  static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }

  static int intValue(Map<String, String> env, String name, int defaultValue) {
    Optional<String> value = value(env, name);
    try {
      return value.map(Integer::parseInt).orElse(defaultValue);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + " must be a whole number, not '" + value.get() + "'");
    }
  }
}
