package org.cinema.launcher;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.cinema.common.security.PemKeys;

/**
 * Secrets a developer's run needs and should not have to make by hand, generated once into the data
 * folder and reused: the token signing key pair, the sandbox's webhook secret, the admin panel's
 * superuser ({@code admin} and a generated password, printed when ready) and the billing
 * administrator account the admin panel reads billing data as. Whatever the environment already
 * sets is left alone.
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
      added.put("SANDBOX_WEBHOOK_SECRET", kept(dataDir, "sandbox-webhook-secret", "whsec_"));
    }
    if (LauncherSettings.value(callers, "ADMIN_USERNAME").isEmpty()) {
      added.put("ADMIN_USERNAME", "admin");
      if (LauncherSettings.value(callers, "ADMIN_PASSWORD").isEmpty()) {
        added.put("ADMIN_PASSWORD", kept(dataDir, "admin-password", ""));
      }
    }
    if (LauncherSettings.value(callers, "BILLING_ADMIN_LOGIN").isEmpty()) {
      added.put("BILLING_ADMIN_LOGIN", "billing-admin");
      if (LauncherSettings.value(callers, "BILLING_ADMIN_PASSWORD").isEmpty()) {
        added.put("BILLING_ADMIN_PASSWORD", kept(dataDir, "billing-admin-password", ""));
      }
    }
    return added;
  }

  /**
   * A random secret kept in {@code dataDir/name}: made on the first run, read on later ones. Made
   * with CREATE_NEW, so services started together agree on one value.
   */
  private static String kept(Path dataDir, String name, String prefix) throws IOException {
    Path file = dataDir.resolve(name);
    if (!Files.exists(file)) {
      Files.createDirectories(dataDir);
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      try {
        Files.writeString(
            file, prefix + HexFormat.of().formatHex(random), StandardOpenOption.CREATE_NEW);
      } catch (FileAlreadyExistsException madeByAnotherService) {
        // read theirs below
      }
    }
    return Files.readString(file).trim();
  }
}
