package org.cinema.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cinema.common.security.OwnerOnlyFiles;

/**
 * The EAR on Payara Server Full, driven with {@code asadmin} as ops would (what {@code make
 * run_ear} starts): a domain of the project's own under {@code DATA_DIR/payara-server}, made on the
 * first start with the console's password and secure admin on; on every start, the server-level
 * JDBC pools the application and the batch job repository use, on PostgreSQL from the environment
 * (so they are seen and tuned in the console), job history older than {@code
 * BATCH_JOB_RETENTION_DAYS} purged, and {@code billing-ear.ear} deployed when it changed. The
 * server runs as Payara's own daemon; this process follows it and stops it with {@code
 * stop-domain}.
 */
final class PayaraServerFull implements AppServer {

  static final String DOMAIN = "cinema";
  static final String APPLICATION = "billing-ear";
  static final String BATCH_POOL = "cinema-batch-pool";
  static final String BATCH_RESOURCE = "jdbc/cinema-batch";

  static final String ADMIN_USER = "admin";
  static final String ADMIN_PASSWORD_FILE = "payara-admin-password";

  /**
   * A server-level JDBC pool and its resource, on the billing or the content database ({@code
   * BILLING_DB_*} or {@code CONTENT_DB_*}); {@code jndiVariable}: how the application is told to
   * look it up instead of the data source it defines itself on Payara Micro.
   */
  record Pool(
      String name,
      String resource,
      String database,
      boolean transactional,
      String properties,
      Optional<String> jndiVariable) {}

  /**
   * The batch runtime's job repository; the billing and content modules' (JTA); the ETL's, outside
   * JTA transactions (the chunk's transaction holds the job repository's connection, see {@code
   * EtlDatabases}).
   */
  static final List<Pool> POOLS =
      List.of(
          new Pool(BATCH_POOL, BATCH_RESOURCE, "BILLING", true, "", Optional.empty()),
          new Pool(
              "cinema-billing-pool",
              "jdbc/cinema-billing",
              "BILLING",
              true,
              ":reWriteBatchedInserts=true",
              Optional.of("BILLING_DB_JNDI_NAME")),
          new Pool(
              "cinema-content-pool",
              "jdbc/cinema-content",
              "CONTENT",
              true,
              "",
              Optional.of("CONTENT_DB_JNDI_NAME")),
          new Pool(
              "cinema-etl-source-pool",
              "jdbc/cinema-etl-source",
              "CONTENT",
              false,
              "",
              Optional.of("ETL_SOURCE_JNDI_NAME")),
          new Pool(
              "cinema-etl-target-pool",
              "jdbc/cinema-etl-target",
              "BILLING",
              false,
              "",
              Optional.of("ETL_TARGET_JNDI_NAME")));

  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);

  /** What this mode reads beyond the run command's settings (documented in .env.example). */
  record Settings(
      Path serverHome,
      Path ear,
      int adminPort,
      int portBase,
      Optional<String> adminPassword,
      int poolSteady,
      int poolMax,
      int batchRetentionDays,
      List<String> javaOptions) {

    static Settings fromEnvironment(Map<String, String> env, Path runtimeDir, int httpPort) {
      int adminPort = LauncherSettings.intValue(env, "PAYARA_ADMIN_PORT", 4848);
      Settings settings =
          new Settings(
              LauncherSettings.value(env, "PAYARA_SERVER_HOME")
                  .map(Path::of)
                  .orElse(runtimeDir.resolve("payara6")),
              LauncherSettings.value(env, "BILLING_EAR")
                  .map(Path::of)
                  .orElse(runtimeDir.resolve("billing-ear.ear")),
              adminPort,
              LauncherSettings.intValue(env, "PAYARA_PORT_BASE", adminPort - 48),
              LauncherSettings.value(env, "PAYARA_ADMIN_PASSWORD"),
              LauncherSettings.intValue(env, "PAYARA_JDBC_POOL_STEADY", 2),
              LauncherSettings.intValue(env, "PAYARA_JDBC_POOL_MAX", 32),
              LauncherSettings.intValue(env, "BATCH_JOB_RETENTION_DAYS", 30),
              LauncherSettings.value(env, "PAYARA_JAVA_OPTS")
                  .map(options -> List.of(options.strip().split("\\s+")))
                  .orElse(List.of()));
      if (settings.adminPassword.filter(p -> p.length() < 8).isPresent()) {
        throw new IllegalArgumentException("PAYARA_ADMIN_PASSWORD needs at least 8 characters");
      }
      if (settings.poolSteady < 0
          || settings.poolMax < 1
          || settings.poolSteady > settings.poolMax) {
        throw new IllegalArgumentException(
            "PAYARA_JDBC_POOL_STEADY and PAYARA_JDBC_POOL_MAX: 0 <= steady <= max, max >= 1");
      }
      if (settings.batchRetentionDays < 1) {
        throw new IllegalArgumentException("BATCH_JOB_RETENTION_DAYS must be at least 1");
      }
      if (httpPort == adminPort) {
        throw new IllegalArgumentException("HTTP_PORT and PAYARA_ADMIN_PORT must differ");
      }
      return settings;
    }
  }

  private final Settings settings;
  private final Path domainDir;
  private final Path passwordFile;
  private final int httpPort;
  private final List<String> readinessChecks;
  private final String adminPasswordShown;
  private ProcessHandle server;

  private PayaraServerFull(
      Settings settings,
      Path domainDir,
      Path passwordFile,
      int httpPort,
      List<String> readinessChecks,
      String adminPasswordShown) {
    this.settings = settings;
    this.domainDir = domainDir;
    this.passwordFile = passwordFile;
    this.httpPort = httpPort;
    this.readinessChecks = readinessChecks;
    this.adminPasswordShown = adminPasswordShown;
  }

  /**
   * Makes the domain if this data folder has none, starts it with {@code environment} (the
   * applications' configuration), applies the resources and deploys the EAR.
   */
  static PayaraServerFull start(
      Settings settings, LauncherSettings run, Path driverJar, Map<String, String> environment)
      throws IOException, InterruptedException {
    if (!Files.isExecutable(settings.serverHome.resolve("bin/asadmin"))) {
      throw new IOException(
          "No Payara Server in "
              + settings.serverHome
              + ": build with `mvn -Pear -DskipTests package -pl launcher -am` (make run_ear)"
              + " or set PAYARA_SERVER_HOME");
    }
    if (!Files.isRegularFile(settings.ear)) {
      throw new IOException("No EAR at " + settings.ear + ": build with make run_ear or make ear");
    }
    Path home = OwnerOnlyFiles.folder(run.dataDir().resolve("payara-server"));
    String password;
    String shown;
    if (settings.adminPassword.isPresent()) {
      password = settings.adminPassword.get();
      shown = "your PAYARA_ADMIN_PASSWORD";
    } else {
      DevSecrets.Kept kept = DevSecrets.kept(run.dataDir(), ADMIN_PASSWORD_FILE, "");
      password = kept.value();
      shown =
          kept.generated() ? password : "password in " + run.dataDir().resolve(ADMIN_PASSWORD_FILE);
    }
    Path passwordFile = home.resolve("asadmin-password");
    Files.deleteIfExists(passwordFile);
    OwnerOnlyFiles.writeNew(passwordFile, "AS_ADMIN_PASSWORD=" + password + "\n");

    PayaraServerFull server =
        new PayaraServerFull(
            settings,
            home.resolve("domains"),
            passwordFile,
            run.httpPort(),
            run.modules().stream().flatMap(m -> m.readinessChecks.stream()).toList(),
            shown);
    Map<String, String> serverEnv = new HashMap<>(environment);
    serverEnv.remove("PAYARA_ADMIN_PASSWORD");
    for (Pool pool : POOLS) {
      pool.jndiVariable().ifPresent(variable -> serverEnv.put(variable, pool.resource()));
    }
    boolean made = !Files.exists(server.domainDir.resolve(DOMAIN));
    if (made) {
      server.createDomain(driverJar, serverEnv, run.server().jsonLogs());
    }
    server.local(serverEnv, "start-domain", "--domaindir", server.domainDir.toString(), DOMAIN);
    server.server = server.readPid().orElseThrow(() -> new IOException("start-domain left no pid"));
    try {
      if (!made) { // a domain made by this start got them before its restart
        server.applyResources(serverEnv, run.server().jsonLogs());
        if (server.applyJavaOptions()) {
          log("PAYARA_JAVA_OPTS changed: restarting the domain");
          server.remote("restart-domain", DOMAIN);
          server.server =
              server.readPid().orElseThrow(() -> new IOException("restart-domain left no pid"));
        }
      }
      server.deployIfChanged();
      server.remote(
          "clean-jbatch-repository",
          "--status=ALL",
          "--days=" + settings.batchRetentionDays,
          "catalog-etl");
    } catch (IOException | RuntimeException e) {
      server.stop();
      throw e;
    }
    return server;
  }

  /**
   * The project's domain: the console on {@code PAYARA_ADMIN_PORT} behind the admin password, HTTP
   * on {@code HTTP_PORT}, the other listeners at asadmin's usual offsets from {@code
   * PAYARA_PORT_BASE}, the PostgreSQL driver in the domain's libraries. Secure admin and the batch
   * runtime's data source take effect at the next start, so the domain is started once to set them
   * and stopped again.
   */
  private void createDomain(Path driverJar, Map<String, String> env, boolean json)
      throws IOException, InterruptedException {
    int base = settings.portBase;
    String ports =
        String.join(
            ":",
            "domain.jmxPort=" + (base + 86),
            "jms.port=" + (base + 76),
            "orb.listener.port=" + (base + 37),
            "http.ssl.port=" + (base + 81),
            "orb.ssl.port=" + (base + 38),
            "orb.mutualauth.port=" + (base + 39),
            "java.debugger.port=" + (base + 9),
            "osgi.shell.telnet.port=" + (base + 66));
    log("Creating the Payara Server domain in " + domainDir + " (first start)");
    local(
        env,
        "--user",
        ADMIN_USER,
        "--passwordfile",
        passwordFile.toString(),
        "create-domain",
        "--domaindir",
        domainDir.toString(),
        "--adminport",
        String.valueOf(settings.adminPort),
        "--instanceport",
        String.valueOf(httpPort),
        "--domainproperties",
        ports,
        DOMAIN);
    Files.copy(
        driverJar,
        domainDir.resolve(DOMAIN).resolve("lib").resolve(driverJar.getFileName()),
        StandardCopyOption.REPLACE_EXISTING);
    local(env, "start-domain", "--domaindir", domainDir.toString(), DOMAIN);
    remote("enable-secure-admin");
    // The batch runtime reads its job repository's data source when it starts.
    applyResources(env, json);
    applyJavaOptions();
    local(env, "stop-domain", "--domaindir", domainDir.toString(), DOMAIN);
  }

  /**
   * The server-level pools and resources ({@link #POOLS}), created or updated from the environment
   * on every start: each database's URL and user, pool sizes from {@code PAYARA_JDBC_POOL_*},
   * connections validated before use, each pool's name as its connections' {@code application_name}
   * (so {@code pg_stat_activity} tells them apart). The passwords stay in the environment ({@code
   * ${ENV=BILLING_DB_PASSWORD}}), never in domain.xml. The server log's format follows {@code
   * LOG_FORMAT}: Payara's JSON formatter or its usual ODL lines.
   */
  private void applyResources(Map<String, String> env, boolean json)
      throws IOException, InterruptedException {
    List<String> pools = remote("list-jdbc-connection-pools").lines().map(String::strip).toList();
    List<String> values = new ArrayList<>(List.of("set"));
    for (Pool pool : POOLS) {
      String url = required(env, pool.database() + "_DB_URL");
      String user = required(env, pool.database() + "_DB_USER");
      if (!pools.contains(pool.name())) {
        remote(
            "create-jdbc-connection-pool",
            "--datasourceclassname",
            "org.postgresql.ds.PGSimpleDataSource",
            "--restype",
            "javax.sql.DataSource",
            "--isconnectvalidatereq=true",
            "--validationmethod",
            "custom-validation",
            "--validationclassname",
            "org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
            "--property",
            "url="
                + escape(url)
                + ":user="
                + escape(user)
                + ":password=${ENV\\="
                + pool.database()
                + "_DB_PASSWORD}"
                + ":ApplicationName="
                + pool.name()
                + pool.properties(),
            pool.name());
        remote("create-jdbc-resource", "--connectionpoolid", pool.name(), pool.resource());
      }
      String prefix = "resources.jdbc-connection-pool." + pool.name();
      values.addAll(
          List.of(
              prefix + ".steady-pool-size=" + settings.poolSteady,
              prefix + ".max-pool-size=" + settings.poolMax,
              prefix + ".non-transactional-connections=" + !pool.transactional(),
              prefix + ".property.url=" + url,
              prefix + ".property.user=" + user));
    }
    remote(values.toArray(String[]::new));
    remote("set-batch-runtime-configuration", "--datasourcelookupname", BATCH_RESOURCE);
    remote(
        "set-log-attributes",
        "com.sun.enterprise.server.logging.GFFileHandler.formatter="
            + (json
                ? "fish.payara.enterprise.server.logging.JSONLogFormatter"
                : "com.sun.enterprise.server.logging.ODLLogFormatter"));
  }

  /**
   * {@code PAYARA_JAVA_OPTS}, when set, replaces the domain's JVM options of the same kind ({@code
   * -Xmx}, {@code -Xms}, {@code -Xss}, {@code -XX:Name}, {@code -Dname}); the rest stay Payara's.
   * Applied when the domain is made, before its first restart, and at a later start when it changed
   * since (what was applied is kept beside the domains), which then restarts the domain.
   *
   * @return whether anything was changed
   */
  private boolean applyJavaOptions() throws IOException, InterruptedException {
    Path applied = domainDir.resolveSibling("java-options");
    String wanted = String.join("\n", settings.javaOptions);
    if (settings.javaOptions.isEmpty()
        || (Files.exists(applied) && Files.readString(applied).equals(wanted))) {
      return false;
    }
    List<String> current =
        remote("list-jvm-options")
            .lines()
            .map(String::strip)
            .filter(o -> o.startsWith("-"))
            .toList();
    for (String option : settings.javaOptions) {
      for (String old : current) {
        if (jvmOptionKind(old).equals(jvmOptionKind(option)) && !old.equals(option)) {
          remote("delete-jvm-options", "--", old.replace(":", "\\:"));
        }
      }
      if (!current.contains(option)) {
        remote("create-jvm-options", "--", option.replace(":", "\\:"));
      }
    }
    Files.writeString(applied, wanted);
    return true;
  }

  /** What a JVM option sets, so that a new value replaces the old: -Xmx, -XX:Name, -Dname. */
  static String jvmOptionKind(String option) {
    for (String sized : List.of("-Xmx", "-Xms", "-Xss")) {
      if (option.startsWith(sized)) {
        return sized;
      }
    }
    if (option.startsWith("-XX:")) {
      return "-XX:" + option.substring(4).replaceFirst("^[+-]", "").split("=", 2)[0];
    }
    if (option.startsWith("-D")) {
      return option.split("=", 2)[0];
    }
    return option;
  }

  /** Deploys the EAR unless the very same file is deployed already (its SHA-256 kept beside). */
  private void deployIfChanged() throws IOException, InterruptedException {
    Path deployed = domainDir.getParent().resolve("deployed-ear.sha256");
    String digest = sha256(settings.ear);
    boolean present = remote("list-applications").contains(APPLICATION);
    if (present && Files.exists(deployed) && Files.readString(deployed).strip().equals(digest)) {
      log("The EAR is deployed already (unchanged since the last start)");
      return;
    }
    log("Deploying " + settings.ear);
    remote("deploy", "--force=true", "--name", APPLICATION, settings.ear.toString());
    Files.writeString(deployed, digest);
  }

  @Override
  public URI baseUri() {
    return URI.create("http://localhost:" + httpPort);
  }

  URI consoleUri() {
    return URI.create("https://localhost:" + settings.adminPort);
  }

  String adminLogin() {
    return ADMIN_USER + " / " + adminPasswordShown;
  }

  Path serverLog() {
    return domainDir.resolve(DOMAIN).resolve("logs/server.log");
  }

  @Override
  public boolean isAlive() {
    return server.isAlive();
  }

  @Override
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    return AppServer.awaitReady(baseUri(), readinessChecks, timeout, server::isAlive);
  }

  @Override
  public int waitFor() {
    server.onExit().join();
    return 0;
  }

  @Override
  public void stop() throws IOException, InterruptedException {
    if (server.isAlive()) {
      local(Map.of(), "stop-domain", "--domaindir", domainDir.toString(), DOMAIN);
    }
    Files.deleteIfExists(passwordFile);
  }

  @Override
  public long pid() {
    return server.pid();
  }

  private Optional<ProcessHandle> readPid() throws IOException {
    Path pid = domainDir.resolve(DOMAIN).resolve("config/pid");
    if (!Files.exists(pid)) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()));
  }

  /** A command against the running domain, as the administrator. */
  private String remote(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            "--user",
            ADMIN_USER,
            "--passwordfile",
            passwordFile.toString(),
            "--port",
            String.valueOf(settings.adminPort)));
    command.addAll(List.of(arguments));
    return asadmin(Map.of(), command);
  }

  private String local(Map<String, String> env, String... arguments)
      throws IOException, InterruptedException {
    return asadmin(env, List.of(arguments));
  }

  private String asadmin(Map<String, String> env, List<String> arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(settings.serverHome.resolve("bin/asadmin").toString());
    command.add("--interactive=false");
    command.addAll(arguments);
    Path output = Files.createTempFile("asadmin", ".out");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
      builder.environment().putAll(env);
      builder.environment().put("AS_JAVA", System.getProperty("java.home"));
      Process process = builder.start();
      if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("asadmin " + arguments.get(arguments.size() - 1) + " hung");
      }
      String text = Files.readString(output);
      if (process.exitValue() != 0) {
        throw new IOException("asadmin " + String.join(" ", arguments) + ":\n" + text);
      }
      return text;
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private static String required(Map<String, String> env, String name) {
    return LauncherSettings.value(env, name)
        .orElseThrow(() -> new IllegalStateException(name + " is not set"));
  }

  /** asadmin's property syntax: {@code :} and {@code =} inside a value are escaped. */
  static String escape(String value) {
    return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
  }

  private static String sha256(Path file) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The PostgreSQL driver among the launcher's own libraries. */
  static Path driverJar(Path launcherLib) throws IOException {
    try (Stream<Path> jars = Files.list(launcherLib)) {
      return jars.filter(p -> p.getFileName().toString().matches("postgresql-.*\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IOException("No PostgreSQL driver in " + launcherLib));
    }
  }

  private static void log(String message) {
    System.out.println("[launcher] " + message);
  }
}
