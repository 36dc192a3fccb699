package org.cinema.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayaraMicroServerTest {

  private static final Path RUNTIME = Path.of("/runtime");

  @Test
  void aSingleInstanceStartsWithoutHazelcast() {
    List<String> command =
        PayaraMicroServer.command(RUNTIME, LauncherSettings.fromEnvironment(Map.of()));

    assertThat(command).contains("--nohazelcast").doesNotContain("--clustermode", "--clustername");
  }

  @Test
  void aClusteredInstanceJoinsItsNamedClusterOverTcpOnly() {
    LauncherSettings settings =
        LauncherSettings.fromEnvironment(
            Map.of(
                "PAYARA_CLUSTER", "true",
                "PAYARA_CLUSTER_NAME", "cinema-prod",
                "PAYARA_CLUSTER_MEMBERS", "10.0.0.1:6900,10.0.0.2:6900",
                "PAYARA_CLUSTER_INTERFACES", "10.0.0.*"));

    List<String> command = PayaraMicroServer.command(RUNTIME, settings);

    assertThat(String.join(" ", command))
        .contains(
            "--clustername cinema-prod",
            "--clustermode tcpip:10.0.0.1:6900,10.0.0.2:6900",
            "--startport 6900",
            "--interfaces 10.0.0.*")
        .doesNotContain("--nohazelcast", "--nocluster", "multicast", "--mcaddress");
  }

  @Test
  void logLinesAreJsonOnlyWhenAsked() {
    assertThat(PayaraMicroServer.command(RUNTIME, LauncherSettings.fromEnvironment(Map.of())))
        .doesNotContain("--logproperties");

    LauncherSettings json =
        LauncherSettings.fromEnvironment(Map.of("LOG_FORMAT", "json", "DATA_DIR", "/data"));
    assertThat(String.join(" ", PayaraMicroServer.command(RUNTIME, json)))
        .contains("--logproperties /data/logging-json.properties");
    assertThatThrownBy(() -> LauncherSettings.fromEnvironment(Map.of("LOG_FORMAT", "xml")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("LOG_FORMAT must be text or json, not 'xml'");
  }
}
