package org.cinema.it.support;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.cinema.common.security.PemKeys;

/**
 * Access tokens as billing-web issues them (RS256, issuer cinema-billing), signed here with a
 * deployment's own private key: for the modules that verify tokens without issuing them (the ETL).
 */
public final class Tokens {

  private Tokens() {}

  /** A token of the group {@code admin}, signed with the tests' key ({@code it.jwt.dir}). */
  public static String admin() {
    return signed(testKey(), "admin");
  }

  /** A token of the group {@code user} (a viewer), signed with the tests' key. */
  public static String viewer() {
    return signed(testKey(), "user");
  }

  /** A token of these groups, valid for ten minutes, signed with the PEM key in this file. */
  public static String signed(Path privateKey, String... groups) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer("cinema-billing")
            .subject(UUID.randomUUID().toString())
            .claim("upn", "test-" + String.join("-", groups))
            .claim("groups", List.of(groups))
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(new RSASSASigner(PemKeys.readPrivateKey(privateKey)));
    } catch (Exception e) {
      throw new IllegalStateException("Signing a test token with " + privateKey + " failed", e);
    }
    return jwt.serialize();
  }

  private static Path testKey() {
    return Path.of(System.getProperty("it.jwt.dir"), PemKeys.PRIVATE_KEY_FILE);
  }
}
