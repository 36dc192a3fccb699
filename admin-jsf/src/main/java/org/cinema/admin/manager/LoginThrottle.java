package org.cinema.admin.manager;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows password guessing on the admin's form login: after {@code ADMIN_LOGIN_MAX_FAILURES}
 * failures for a username, or from a client address, within {@code ADMIN_LOGIN_WINDOW} (a duration,
 * default 15 minutes), logins for it are refused without checking the password until the window has
 * passed. The counts are rows of {@code content.login_failure}, so every instance sees them; each
 * is locked while it is counted.
 */
@Stateless
public class LoginThrottle {

  @PersistenceContext private EntityManager em;

  @Inject private Clock clock;

  @Inject
  @ConfigProperty(name = "admin.login.max.failures", defaultValue = "5")
  private int maxFailures;

  @Inject
  @ConfigProperty(name = "admin.login.window", defaultValue = "PT15M")
  private Duration window;

  /** How long logins of this username, or from this address, stay refused; empty: go ahead. */
  public Optional<Duration> lockedFor(String username, String address) {
    return Stream.of(LoginFailures.ofUsername(username), LoginFailures.ofAddress(address))
        .map(subject -> em.find(LoginFailures.class, subject))
        .filter(failures -> failures != null)
        .map(failures -> failures.lockedFor(clock.instant(), window, maxFailures))
        .flatMap(Optional::stream)
        .max(Comparator.naturalOrder());
  }

  public void failed(String username, String address) {
    count(LoginFailures.ofUsername(username));
    count(LoginFailures.ofAddress(address));
  }

  /** A good login: that username's failures are forgotten (the address's are not). */
  public void succeeded(String username) {
    em.createQuery("delete from LoginFailures f where f.subject = :subject")
        .setParameter("subject", LoginFailures.ofUsername(username))
        .executeUpdate();
  }

  private void count(String subject) {
    // The row first, if no instance has made it yet, so that all of them count on the same one.
    em.createNativeQuery(
            "insert into content.login_failure (subject, failures, window_start)"
                + " values (?, 0, ?) on conflict (subject) do nothing")
        .setParameter(1, subject)
        .setParameter(2, OffsetDateTime.now(clock))
        .executeUpdate();
    em.find(LoginFailures.class, subject, LockModeType.PESSIMISTIC_WRITE)
        .failed(clock.instant(), window);
  }
}
