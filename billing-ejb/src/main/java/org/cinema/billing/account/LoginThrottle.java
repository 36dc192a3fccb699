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
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows password guessing: failed logins are counted per account (the login as typed, so unknown
 * logins count too and tell nothing) and per client address, in a window that starts at the first
 * failure. Past {@code LOGIN_MAX_FAILURES} for the account, or {@code
 * LOGIN_MAX_FAILURES_PER_ADDRESS} for the address, logins are refused until the window has passed
 * ({@link TooManyAttempts}, 429 with Retry-After). A success clears the account's count, not the
 * address's. Counts live in the database, so they hold across instances; each call commits on its
 * own, so the failed login's rollback keeps the count.
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
   * @throws TooManyAttempts when the account or the address has used up its failures
   */
  public void check(String login, String address) {
    Instant now = clock.instant();
    Object latest =
        em.createNativeQuery(
                "select max(window_start) from billing.login_throttle where window_start > ? and"
                    + " ((scope = 'account' and subject = ? and failures >= ?)"
                    + " or (scope = 'address' and subject = ? and failures >= ?))")
            .setParameter(1, at(now.minus(window())))
            .setParameter(2, account(login))
            .setParameter(3, maxPerAccount)
            .setParameter(4, address)
            .setParameter(5, maxPerAddress)
            .getSingleResult();
    if (latest != null) {
      Instant reopens = instant(latest).plus(window());
      throw new TooManyAttempts(Math.max(1, Duration.between(now, reopens).toSeconds() + 1));
    }
  }

  /** Counts a failed login against the account and the address. */
  public void failed(String login, String address) {
    count(ACCOUNT, account(login));
    count(ADDRESS, address);
  }

  /** Clears the account's failures after a successful login. */
  public void succeeded(String login) {
    em.createNativeQuery(
            "delete from billing.login_throttle where scope = 'account' and subject = ?")
        .setParameter(1, account(login))
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

  private void count(String scope, String subject) {
    Instant now = clock.instant();
    OffsetDateTime windowGone = at(now.minus(window()));
    em.createNativeQuery(
            "insert into billing.login_throttle as t (scope, subject, failures, window_start)"
                + " values (?, ?, 1, ?) on conflict (scope, subject) do update set"
                + " failures = case when t.window_start <= ? then 1 else t.failures + 1 end,"
                + " window_start = case when t.window_start <= ? then excluded.window_start"
                + " else t.window_start end")
        .setParameter(1, scope)
        .setParameter(2, subject)
        .setParameter(3, at(now))
        .setParameter(4, windowGone)
        .setParameter(5, windowGone)
        .executeUpdate();
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
