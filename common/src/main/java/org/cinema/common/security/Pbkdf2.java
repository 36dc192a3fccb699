package org.cinema.common.security;

import java.util.Map;

/**
 * The one PBKDF2 setting of every password hash here (viewers in billing, managers in the admin):
 * Jakarta Security's {@code Pbkdf2PasswordHash} with HMAC-SHA256, a random 32-byte salt, a 32-byte
 * key and a configurable number of iterations. Stored hashes carry their own parameters, so a
 * change applies to new hashes only.
 */
public final class Pbkdf2 {

  private Pbkdf2() {}

  /** The parameters for {@code Pbkdf2PasswordHash.initialize}. */
  public static Map<String, String> parameters(int iterations) {
    return Map.of(
        "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
        "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations),
        "Pbkdf2PasswordHash.SaltSizeBytes", "32",
        "Pbkdf2PasswordHash.KeySizeBytes", "32");
  }
}
