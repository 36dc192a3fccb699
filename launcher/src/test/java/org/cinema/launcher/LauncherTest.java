package org.cinema.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherTest {

  private static final LauncherSettings.Database DB =
      new LauncherSettings.Database("jdbc:postgresql://h:1/cinema", "u", "p");

  @Test
  void theServerIsToldItsOwnPublicUrlUnlessTheCallerGaveOne() {
    LauncherSettings settings = LauncherSettings.fromEnvironment(Map.of("HTTP_PORT", "8123"));

    Map<String, String> own = Launcher.environment(Map.of("PUBLIC_API_URL", " "), settings, DB);
    Map<String, String> given =
        Launcher.environment(Map.of("PUBLIC_API_URL", "https://cinema.example/api/"), settings, DB);

    assertThat(own)
        .containsEntry("PUBLIC_API_URL", "http://localhost:8123/api/")
        .containsEntry("BILLING_API_URL", "http://localhost:8123/api/");
    assertThat(given).containsEntry("PUBLIC_API_URL", "https://cinema.example/api/");
  }

  @Test
  void webhooksToThisMachineAreAllowedUnlessTheCallerSaysOtherwise() {
    Map<String, String> own =
        Launcher.environment(Map.of(), LauncherSettings.fromEnvironment(Map.of()), DB);
    Map<String, String> off = Map.of("WEBHOOK_ALLOW_PRIVATE_TARGETS", "false");
    Map<String, String> refused =
        Launcher.environment(off, LauncherSettings.fromEnvironment(off), DB);

    assertThat(own).containsEntry("WEBHOOK_ALLOW_PRIVATE_TARGETS", "true");
    assertThat(refused).containsEntry("WEBHOOK_ALLOW_PRIVATE_TARGETS", "false");
  }

  @Test
  void theAdminPasswordIsShownOnlyByTheStartThatGeneratedIt() {
    Path file = Path.of("/data/admin-password");
    Map<String, String> generated = Map.of("ADMIN_USERNAME", "admin", "ADMIN_PASSWORD", "s3cr3t");

    assertThat(Launcher.adminLogin(Map.of(), new DevSecrets(generated, true, file)))
        .isEqualTo("admin / s3cr3t");
    assertThat(Launcher.adminLogin(Map.of(), new DevSecrets(generated, false, file)))
        .isEqualTo("admin, password in /data/admin-password")
        .doesNotContain("s3cr3t");
    assertThat(
            Launcher.adminLogin(
                Map.of("ADMIN_PASSWORD", "mine"),
                new DevSecrets(Map.of("ADMIN_USERNAME", "admin"), false, file)))
        .isEqualTo("admin / your ADMIN_PASSWORD");
    assertThat(
            Launcher.adminLogin(
                Map.of("ADMIN_USERNAME", "boss", "ADMIN_PASSWORD", "mine"),
                new DevSecrets(Map.of(), false, file)))
        .isEqualTo("boss / your ADMIN_PASSWORD");
  }

  @Test
  void clusterMembersOnOneDataFolderKeepAPidFileEach() {
    Map<String, String> member =
        Map.of(
            "DATA_DIR", "/data",
            "HTTP_PORT", "8090",
            "PAYARA_CLUSTER", "true",
            "PAYARA_CLUSTER_MEMBERS", "127.0.0.1:6900,127.0.0.1:6901");

    assertThat(Launcher.pidFile(LauncherSettings.fromEnvironment(Map.of("DATA_DIR", "/data"))))
        .isEqualTo(Path.of("/data/run-billing-admin-etl.pid"));
    assertThat(Launcher.pidFile(LauncherSettings.fromEnvironment(member)))
        .isEqualTo(Path.of("/data/run-billing-admin-etl-8090.pid"));
  }
}
