package org.cinema.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PayaraServerFullTest {

  private static final Path RUNTIME = Path.of("/opt/cinema/runtime");

  @Test
  void withNothingConfiguredTheConsoleIsOn4848AndTheServerBesideTheLauncher() {
    PayaraServerFull.Settings settings =
        PayaraServerFull.Settings.fromEnvironment(Map.of(), RUNTIME, 8080);

    assertThat(settings.adminPort()).isEqualTo(4848);
    assertThat(settings.portBase()).isEqualTo(4800);
    assertThat(settings.adminPassword()).isEmpty();
    assertThat(settings.serverHome()).isEqualTo(RUNTIME.resolve("payara6"));
    assertThat(settings.ear()).isEqualTo(RUNTIME.resolve("billing-ear.ear"));
    assertThat(settings.poolSteady()).isEqualTo(2);
    assertThat(settings.poolMax()).isEqualTo(32);
    assertThat(settings.batchRetentionDays()).isEqualTo(30);
    assertThat(settings.javaOptions()).as("the domain keeps Payara's JVM options").isEmpty();
  }

  @Test
  void payaraJavaOptsReplaceTheDomainsOptionsOfTheSameKind() {
    PayaraServerFull.Settings settings =
        PayaraServerFull.Settings.fromEnvironment(
            Map.of("PAYARA_JAVA_OPTS", " -Xmx1g  -XX:+UseG1GC -Dcinema.x=1 "), RUNTIME, 8080);

    assertThat(settings.javaOptions()).containsExactly("-Xmx1g", "-XX:+UseG1GC", "-Dcinema.x=1");
    assertThat(PayaraServerFull.jvmOptionKind("-Xmx512m"))
        .isEqualTo(PayaraServerFull.jvmOptionKind("-Xmx1g"));
    assertThat(PayaraServerFull.jvmOptionKind("-XX:-UseG1GC"))
        .isEqualTo(PayaraServerFull.jvmOptionKind("-XX:+UseG1GC"));
    assertThat(PayaraServerFull.jvmOptionKind("-XX:MaxMetaspaceSize=512m"))
        .isEqualTo("-XX:MaxMetaspaceSize")
        .isNotEqualTo(PayaraServerFull.jvmOptionKind("-XX:MetaspaceSize=256m"));
    assertThat(PayaraServerFull.jvmOptionKind("-Dcinema.x=2")).isEqualTo("-Dcinema.x");
    assertThat(PayaraServerFull.jvmOptionKind("-Xms128m")).isNotEqualTo("-Xmx");
  }

  @Test
  void readsPortsPasswordAndPoolSizes() {
    PayaraServerFull.Settings settings =
        PayaraServerFull.Settings.fromEnvironment(
            Map.of(
                "PAYARA_ADMIN_PORT", "5048",
                "PAYARA_ADMIN_PASSWORD", "long enough",
                "PAYARA_JDBC_POOL_STEADY", "2",
                "PAYARA_JDBC_POOL_MAX", "4",
                "BATCH_JOB_RETENTION_DAYS", "7"),
            RUNTIME,
            8080);

    assertThat(settings.adminPort()).isEqualTo(5048);
    assertThat(settings.portBase()).isEqualTo(5000);
    assertThat(settings.adminPassword()).isEqualTo(Optional.of("long enough"));
    assertThat(settings.poolSteady()).isEqualTo(2);
    assertThat(settings.poolMax()).isEqualTo(4);
    assertThat(settings.batchRetentionDays()).isEqualTo(7);
  }

  @Test
  void refusesWhatCannotWork() {
    assertThatThrownBy(() -> settings(Map.of("PAYARA_ADMIN_PASSWORD", "short")))
        .hasMessageContaining("at least 8");
    assertThatThrownBy(
            () -> settings(Map.of("PAYARA_JDBC_POOL_STEADY", "9", "PAYARA_JDBC_POOL_MAX", "8")))
        .hasMessageContaining("steady <= max");
    assertThatThrownBy(() -> settings(Map.of("PAYARA_JDBC_POOL_MAX", "0")))
        .hasMessageContaining("max >= 1");
    assertThatThrownBy(() -> settings(Map.of("BATCH_JOB_RETENTION_DAYS", "0")))
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> settings(Map.of("PAYARA_ADMIN_PORT", "console")))
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> settings(Map.of("PAYARA_ADMIN_PORT", "8080")))
        .hasMessageContaining("must differ");
  }

  @Test
  void escapesAsadminPropertySeparatorsInValues() {
    assertThat(PayaraServerFull.escape("jdbc:postgresql://db:5432/cinema?ssl=true"))
        .isEqualTo("jdbc\\:postgresql\\://db\\:5432/cinema?ssl\\=true");
  }

  private static PayaraServerFull.Settings settings(Map<String, String> env) {
    return PayaraServerFull.Settings.fromEnvironment(env, RUNTIME, 8080);
  }
}
