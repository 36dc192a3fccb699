package org.cinema.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemKeysTest {

  @TempDir Path temp;

  @Test
  void theSigningKeyAndItsFoldersAreOwnerOnlyFromTheStart() throws IOException {
    Path keys = temp.resolve("data").resolve("jwt");

    PemKeys.ensureKeyPair(keys);

    assertThat(permissions(temp.resolve("data"))).isEqualTo("rwx------");
    assertThat(permissions(keys)).isEqualTo("rwx------");
    assertThat(permissions(keys.resolve(PemKeys.PRIVATE_KEY_FILE))).isEqualTo("rw-------");
    assertThat(
            PemKeys.readPrivateKey(keys.resolve(PemKeys.PRIVATE_KEY_FILE)).getModulus().bitLength())
        .isEqualTo(2048);
  }

  @Test
  void aKeyPairLeftTooOpenIsTightenedAndKept() throws IOException {
    Path keys = temp.resolve("jwt");
    PemKeys.ensureKeyPair(keys);
    Path privateKey = keys.resolve(PemKeys.PRIVATE_KEY_FILE);
    String key = Files.readString(privateKey);
    Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-r--r--"));
    Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxr-xr-x"));

    PemKeys.ensureKeyPair(keys);

    assertThat(permissions(keys)).isEqualTo("rwx------");
    assertThat(permissions(privateKey)).isEqualTo("rw-------");
    assertThat(Files.readString(privateKey)).isEqualTo(key);
  }

  private static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
