package org.cinema.billing.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.UUID;
import org.cinema.common.security.Pbkdf2;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Jakarta Security's PBKDF2 (HMAC-SHA256, random 32-byte salt), with a configurable cost. */
@ApplicationScoped
public class PasswordHashing {

  @Inject private Pbkdf2PasswordHash pbkdf2;

  @Inject
  @ConfigProperty(name = "billing.password.iterations", defaultValue = "100000")
  private int iterations;

  /** A hash of a random password, checked when a login names no account: it costs the same. */
  private String standIn;

  @PostConstruct
  void configure() {
    pbkdf2.initialize(Pbkdf2.parameters(iterations));
    standIn = pbkdf2.generate(UUID.randomUUID().toString().toCharArray());
  }

  public String hash(String password) {
    return pbkdf2.generate(password.toCharArray());
  }

  public boolean matches(String password, String hash) {
    return pbkdf2.verify(password.toCharArray(), hash);
  }

  /** Spends the time a check costs, for a login that names no account; always false. */
  public boolean matchesNone(String password) {
    pbkdf2.verify(password.toCharArray(), standIn);
    return false;
  }
}
