package org.cinema.admin.manager;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows password guessing on the admin's form login: after {@code ADMIN_LOGIN_MAX_FAILURES} (5)
 * failed attempts for a username, or {@code ADMIN_LOGIN_MAX_FAILURES_PER_ADDRESS} (50) from a
 * client address, within {@code ADMIN_LOGIN_WINDOW} (a duration, default 15 minutes), logins for it
 * are refused without checking the password until the window has passed. The counts are rows of
 * {@code content.login_failure}, so every instance sees them; each is locked while it is counted.
 */
@Stateless
public class LoginThrottle {

  @PersistenceContext private EntityManager em;

  @Resource private SessionContext context;

  @Inject private Clock clock;

  @Inject
  @ConfigProperty(name = "admin.login.max.failures", defaultValue = "5")
  private int maxFailures;

  @Inject
  @ConfigProperty(name = "admin.login.max.failures.per.address", defaultValue = "50")
  private int maxFailuresPerAddress;

  @Inject
  @ConfigProperty(name = "admin.login.window", defaultValue = "PT15M")
  private Duration window;

  /**
   * Counts this attempt against the username and the address before the password is checked, so
   * that guesses sent in parallel cannot all pass a check made before any of them was counted (each
   * row is locked while it is counted). How long logins stay refused if it is past a limit; empty:
   * go ahead.
   */
  public Optional<Duration> attempt(String username, String address) {
    Optional<Duration> locked =
        Stream.of(
                count(LoginFailures.ofUsername(username), maxFailures),
                count(LoginFailures.ofAddress(address), maxFailuresPerAddress))
            .flatMap(Optional::stream)
            .max(Comparator.naturalOrder());
    if (locked.isPresent()) {
      // A refused attempt is not counted (its password was not checked).
      context.setRollbackOnly();
    }
    return locked;
  }

  /**
   * A good login: that username's failures are forgotten, and the address gets back the attempt
   * counted for it (its failures stay).
   */
  public void succeeded(String username, String address) {
    em.createQuery("delete from LoginFailures f where f.subject = :subject")
        .setParameter("subject", LoginFailures.ofUsername(username))
        .executeUpdate();
    LoginFailures fromAddress =
        em.find(
            LoginFailures.class, LoginFailures.ofAddress(address), LockModeType.PESSIMISTIC_WRITE);
    if (fromAddress != null && fromAddress.forgiveOne()) {
      em.remove(fromAddress);
    }
  }

  private Optional<Duration> count(String subject, int max) {
    // The row first, if no instance has made it yet, so that all of them count on the same one.
    em.createNativeQuery(
            "insert into content.login_failure (subject, failures, window_start)"
                + " values (?, 0, ?) on conflict (subject) do nothing")
        .setParameter(1, subject)
        .setParameter(2, OffsetDateTime.now(clock))
        .executeUpdate();
    LoginFailures failures = em.find(LoginFailures.class, subject, LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.instant();
    failures.failed(now, window);
    return failures.lockedFor(now, window, max + 1);
  }
}
