package org.cinema.billing.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.cinema.common.security.Pbkdf2;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Jakarta Security's PBKDF2 (HMAC-SHA256, random 32-byte salt), with a configurable cost. */
@ApplicationScoped
public class PasswordHashing {

  @Inject private Pbkdf2PasswordHash pbkdf2;

  @Inject
  @ConfigProperty(name = "billing.password.iterations", defaultValue = "100000")
  private int iterations;

  @PostConstruct
  void configure() {
    pbkdf2.initialize(Pbkdf2.parameters(iterations));
  }

  public String hash(String password) {
    return pbkdf2.generate(password.toCharArray());
  }

  public boolean matches(String password, String hash) {
    return pbkdf2.verify(password.toCharArray(), hash);
  }
}
