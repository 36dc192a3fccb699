package org.cinema.billing.account;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows password guessing: login attempts are counted per account (the login as typed, so unknown
 * logins count too and tell nothing) and per client address, in a window that starts at the first
 * failure, before the password is checked. Past {@code LOGIN_MAX_FAILURES} for the account, or
 * {@code LOGIN_MAX_FAILURES_PER_ADDRESS} for the address, logins are refused until the window has
 * passed ({@link TooManyAttempts}, 429 with Retry-After). A success clears the account's count and
 * takes its attempt off the address's. Counts live in the database, so they hold across instances;
 * each call commits on its own, so the failed login's rollback keeps the count.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LoginThrottle {

  private static final String ACCOUNT = "account";
  private static final String ADDRESS = "address";

  @PersistenceContext private EntityManager em;

  @Inject private Clock clock;

  @Inject
  @ConfigProperty(name = "login.max-failures", defaultValue = "5")
  private int maxPerAccount;

  @Inject
  @ConfigProperty(name = "login.max-failures-per-address", defaultValue = "50")
  private int maxPerAddress;

  @Inject
  @ConfigProperty(name = "login.window-seconds", defaultValue = "900")
  private long windowSeconds;

  /**
   * Counts this login attempt against the account and the address before the password is checked,
   * so that guesses sent in parallel cannot all pass a check made before any of them was counted:
   * each upsert takes the row's lock, so exactly the first {@code max} of a window get through.
   *
   * @throws TooManyAttempts when the account or the address is past its limit
   */
  public void attempt(String login, String address) {
    Instant now = clock.instant();
    Instant latest = null;
    for (Object[] counted :
        List.of(count(ACCOUNT, account(login), now), count(ADDRESS, address, now))) {
      int max = ACCOUNT.equals(counted[0]) ? maxPerAccount : maxPerAddress;
      if (((Number) counted[1]).intValue() > max) {
        Instant windowStart = instant(counted[2]);
        latest = latest == null || windowStart.isAfter(latest) ? windowStart : latest;
      }
    }
    if (latest != null) {
      Instant reopens = latest.plus(window());
      throw new TooManyAttempts(Math.max(1, Duration.between(now, reopens).toSeconds() + 1));
    }
  }

  /**
   * The attempt was a success: the account's failures are forgotten, and the address gets back the
   * attempt counted for it (its failures stay).
   */
  public void succeeded(String login, String address) {
    em.createNativeQuery(
            "delete from billing.login_throttle where scope = 'account' and subject = ?")
        .setParameter(1, account(login))
        .executeUpdate();
    em.createNativeQuery(
            "delete from billing.login_throttle"
                + " where scope = 'address' and subject = ? and failures = 1")
        .setParameter(1, address)
        .executeUpdate();
    em.createNativeQuery(
            "update billing.login_throttle set failures = failures - 1"
                + " where scope = 'address' and subject = ? and failures > 1")
        .setParameter(1, address)
        .executeUpdate();
  }

  /**
   * Every ten minutes, forgets the counts whose window has passed (on every instance: harmless).
   */
  @Schedule(minute = "*/10", hour = "*", persistent = false)
  public void forgetPast() {
    em.createNativeQuery("delete from billing.login_throttle where window_start <= ?")
        .setParameter(1, at(clock.instant().minus(window())))
        .executeUpdate();
  }

  /** One more attempt for the subject, in its window or as the first of a new one. */
  private Object[] count(String scope, String subject, Instant now) {
    OffsetDateTime windowGone = at(now.minus(window()));
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "insert into billing.login_throttle as t (scope, subject, failures, window_start)"
                        + " values (?, ?, 1, ?) on conflict (scope, subject) do update set"
                        + " failures = case when t.window_start <= ? then 1 else t.failures + 1 end,"
                        + " window_start = case when t.window_start <= ? then excluded.window_start"
                        + " else t.window_start end"
                        + " returning failures, window_start")
                .setParameter(1, scope)
                .setParameter(2, subject)
                .setParameter(3, at(now))
                .setParameter(4, windowGone)
                .setParameter(5, windowGone)
                .getSingleResult();
    return new Object[] {scope, row[0], row[1]};
  }

  private Duration window() {
    return Duration.ofSeconds(windowSeconds);
  }

  /** The account's key: the login as typed, lower case and cut to the column's length. */
  private static String account(String login) {
    String key = login.strip().toLowerCase(Locale.ROOT);
    return key.length() > 255 ? key.substring(0, 255) : key;
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(Object value) {
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    if (value instanceof java.sql.Timestamp time) {
      return time.toInstant();
    }
    if (value instanceof Instant time) {
      return time;
    }
    throw new IllegalStateException("Unexpected timestamp " + value.getClass());
  }
}
