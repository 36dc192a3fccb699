package org.cinema.billing.account;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.cinema.common.security.PemKeys;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues the RS256 access tokens: issuer, subject = account id, {@code upn} = login, {@code groups}
 * = roles, a lifetime from configuration. MicroProfile JWT verifies them with the public half of
 * the same key ({@code mp.jwt.verify.publickey.location}).
 */
@ApplicationScoped
public class TokenIssuer {

  @Inject
  @ConfigProperty(name = "billing.jwt.private-key.location")
  private String privateKeyLocation;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "cinema-billing")
  private String issuer;

  @Inject
  @ConfigProperty(name = "billing.jwt.lifetime-seconds", defaultValue = "600")
  private long lifetimeSeconds;

  @Inject private Clock clock;

  private RSASSASigner signer;

  @PostConstruct
  void loadKey() {
    String location = privateKeyLocation.trim();
    Path file = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
    try {
      signer = new RSASSASigner(PemKeys.readPrivateKey(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the token signing key " + file, e);
    }
  }

  public AccessToken issue(Account account) {
    Instant now = clock.instant();
    Instant expires = now.plus(Duration.ofSeconds(lifetimeSeconds));
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(account.id().toString())
            .claim("upn", account.login())
            .claim("groups", account.roles())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expires))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("Signing a token failed", e);
    }
    return new AccessToken(jwt.serialize(), lifetimeSeconds);
  }

  /** A signed token and how many seconds it is accepted for. */
  public record AccessToken(String value, long lifetimeSeconds) {}
}
