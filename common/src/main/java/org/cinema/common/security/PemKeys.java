package org.cinema.common.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * RSA keys as PEM files: the token signing key (PKCS#8) and its public half (X.509), the format
 * MicroProfile JWT reads from {@code mp.jwt.verify.publickey.location}. The private key and its
 * folder are owner-only ({@link OwnerOnlyFiles}); the public key is readable by all.
 */
public final class PemKeys {

  public static final String PRIVATE_KEY_FILE = "private.pem";
  public static final String PUBLIC_KEY_FILE = "public.pem";

  private PemKeys() {}

  /**
   * Writes a new 2048-bit key pair into {@code dir} unless one is there already; a private key
   * found readable by others is made owner-only again.
   */
  public static void ensureKeyPair(Path dir) throws IOException {
    Path privateKey = dir.resolve(PRIVATE_KEY_FILE);
    Path publicKey = dir.resolve(PUBLIC_KEY_FILE);
    OwnerOnlyFiles.folder(dir);
    if (Files.exists(privateKey) && Files.exists(publicKey)) {
      OwnerOnlyFiles.tighten(privateKey);
      return;
    }
    KeyPair pair;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      pair = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IOException("No RSA key generator in this JVM", e);
    }
    Files.deleteIfExists(privateKey);
    OwnerOnlyFiles.writeNew(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
  }

  /** Reads a PKCS#8 RSA private key written by {@link #ensureKeyPair} (or openssl genpkey). */
  public static RSAPrivateKey readPrivateKey(Path file) throws IOException {
    String pem = Files.readString(file, StandardCharsets.US_ASCII);
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      return (RSAPrivateKey)
          KeyFactory.getInstance("RSA")
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IOException(file + " is not a PKCS#8 PEM RSA private key", e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
