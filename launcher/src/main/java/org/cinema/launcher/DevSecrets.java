package org.cinema.launcher;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.cinema.common.security.OwnerOnlyFiles;
import org.cinema.common.security.PemKeys;

/**
 * Secrets a developer's run needs and should not have to make by hand, generated once into the data
 * folder and reused: the token signing key pair, the sandbox's webhook secret, the admin panel's
 * superuser ({@code admin} and a generated password, shown by the start that made it) and the
 * billing administrator account the admin panel reads billing data as. Whatever the environment
 * already sets is left alone. The data folder and every secret in it are owner-only.
 *
 * @param environment the variables to add to the server's environment
 * @param adminPasswordGenerated whether this start made the superuser's password (first start on
 *     this data folder), the one time the ready banner may show it
 * @param adminPasswordFile where the superuser's generated password is kept
 */
record DevSecrets(
    Map<String, String> environment, boolean adminPasswordGenerated, Path adminPasswordFile) {

  static final String ADMIN_PASSWORD_FILE = "admin-password";

  static DevSecrets ensure(Path dataDir, Map<String, String> callers) throws IOException {
    OwnerOnlyFiles.folder(dataDir);
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
      added.put(
          "SANDBOX_WEBHOOK_SECRET", kept(dataDir, "sandbox-webhook-secret", "whsec_").value());
    }
    boolean adminPasswordGenerated = false;
    if (LauncherSettings.value(callers, "ADMIN_USERNAME").isEmpty()) {
      added.put("ADMIN_USERNAME", "admin");
      if (LauncherSettings.value(callers, "ADMIN_PASSWORD").isEmpty()) {
        Kept password = kept(dataDir, ADMIN_PASSWORD_FILE, "");
        added.put("ADMIN_PASSWORD", password.value());
        adminPasswordGenerated = password.generated();
      }
    }
    if (LauncherSettings.value(callers, "BILLING_ADMIN_LOGIN").isEmpty()) {
      added.put("BILLING_ADMIN_LOGIN", "billing-admin");
      if (LauncherSettings.value(callers, "BILLING_ADMIN_PASSWORD").isEmpty()) {
        added.put("BILLING_ADMIN_PASSWORD", kept(dataDir, "billing-admin-password", "").value());
      }
    }
    return new DevSecrets(
        Map.copyOf(added), adminPasswordGenerated, dataDir.resolve(ADMIN_PASSWORD_FILE));
  }

  /** A secret read from its file, and whether this start is the one that wrote it. */
  record Kept(String value, boolean generated) {}

  /**
   * A random secret kept in {@code dataDir/name}: made on the first run (owner-only from the
   * start), read on later ones (and made owner-only again if it was left open). Made with
   * CREATE_NEW, so services started together agree on one value and only one of them made it.
   */
  static Kept kept(Path dataDir, String name, String prefix) throws IOException {
    Path file = dataDir.resolve(name);
    boolean generated = false;
    if (!Files.exists(file)) {
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      try {
        OwnerOnlyFiles.writeNew(file, prefix + HexFormat.of().formatHex(random));
        generated = true;
      } catch (FileAlreadyExistsException madeByAnotherService) {
        // read theirs below
      }
    }
    if (!generated) {
      OwnerOnlyFiles.tighten(file);
    }
    return new Kept(Files.readString(file).trim(), generated);
  }
}
