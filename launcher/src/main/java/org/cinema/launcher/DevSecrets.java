package org.cinema.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.cinema.common.security.PemKeys;

/**
 * Secrets a developer's run needs and should not have to make by hand, generated once into the data
 * folder and reused: the token signing key pair and the sandbox's webhook secret. Whatever the
 * environment already sets is left alone.
 */
final class DevSecrets {

  private DevSecrets() {}

  /** The variables to add to the server's environment. */
  static Map<String, String> ensure(Path dataDir, Map<String, String> callers) throws IOException {
    Map<String, String> added = new HashMap<>();
    if (LauncherSettings.value(callers, "BILLING_JWT_PRIVATE_KEY_LOCATION").isEmpty()) {
      Path keys = dataDir.resolve("jwt");
      PemKeys.ensureKeyPair(keys);
      added.put(
          "BILLING_JWT_PRIVATE_KEY_LOCATION", keys.resolve(PemKeys.PRIVATE_KEY_FILE).toString());
      added.put(
          "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
          keys.resolve(PemKeys.PUBLIC_KEY_FILE).toUri().toString());
    }
    if (LauncherSettings.value(callers, "SANDBOX_WEBHOOK_SECRET").isEmpty()) {
      Path file = dataDir.resolve("sandbox-webhook-secret");
      if (!Files.exists(file)) {
        Files.createDirectories(dataDir);
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        Files.writeString(file, "whsec_" + HexFormat.of().formatHex(random));
      }
      added.put("SANDBOX_WEBHOOK_SECRET", Files.readString(file).trim());
    }
    return added;
  }
}
