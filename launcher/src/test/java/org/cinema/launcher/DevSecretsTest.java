package org.cinema.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevSecretsTest {

  private static final List<String> SECRET_FILES =
      List.of(
          "jwt/private.pem", "sandbox-webhook-secret", "admin-password", "billing-admin-password");

  @TempDir Path temp;

  @Test
  void theFirstStartMakesEverySecretOwnerOnly() throws IOException {
    Path dataDir = temp.resolve("data");

    DevSecrets secrets = DevSecrets.ensure(dataDir, Map.of());

    assertThat(permissions(dataDir)).isEqualTo("rwx------");
    assertThat(permissions(dataDir.resolve("jwt"))).isEqualTo("rwx------");
    for (String file : SECRET_FILES) {
      assertThat(permissions(dataDir.resolve(file))).as(file).isEqualTo("rw-------");
    }
    assertThat(secrets.environment())
        .containsEntry("ADMIN_USERNAME", "admin")
        .containsEntry("ADMIN_PASSWORD", read(dataDir, "admin-password"))
        .containsEntry("SANDBOX_WEBHOOK_SECRET", read(dataDir, "sandbox-webhook-secret"));
    assertThat(secrets.adminPasswordGenerated()).isTrue();
  }

  @Test
  void aLaterStartKeepsTheSecretsTighteningWhatWasLeftOpen() throws IOException {
    Path dataDir = temp.resolve("data");
    DevSecrets first = DevSecrets.ensure(dataDir, Map.of());
    Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(
        dataDir.resolve("jwt"), PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String file : SECRET_FILES) {
      Files.setPosixFilePermissions(
          dataDir.resolve(file), PosixFilePermissions.fromString("rw-r--r--"));
    }

    DevSecrets again = DevSecrets.ensure(dataDir, Map.of());

    assertThat(again.environment()).isEqualTo(first.environment());
    assertThat(again.adminPasswordGenerated()).isFalse();
    assertThat(permissions(dataDir)).isEqualTo("rwx------");
    assertThat(permissions(dataDir.resolve("jwt"))).isEqualTo("rwx------");
    for (String file : SECRET_FILES) {
      assertThat(permissions(dataDir.resolve(file))).as(file).isEqualTo("rw-------");
    }
  }

  @Test
  void aPasswordTheCallerSetIsNeitherGeneratedNorWritten() throws IOException {
    Path dataDir = temp.resolve("data");

    DevSecrets secrets = DevSecrets.ensure(dataDir, Map.of("ADMIN_PASSWORD", "chosen-by-me"));

    assertThat(secrets.adminPasswordGenerated()).isFalse();
    assertThat(secrets.environment()).doesNotContainKey("ADMIN_PASSWORD");
    assertThat(dataDir.resolve("admin-password")).doesNotExist();
  }

  private static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static String read(Path dataDir, String file) throws IOException {
    return Files.readString(dataDir.resolve(file)).trim();
  }
}
