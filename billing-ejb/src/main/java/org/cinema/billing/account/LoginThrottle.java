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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cinema.billing.platform.InstantConverter;
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
    OffsetDateTime windowGone = at(now.minus(window()));
    List<?> counted =
        em.createNativeQuery(
                "insert into billing.login_throttle as t (scope, subject, failures, window_start)"
                    + " values ('account', ?, 1, ?), ('address', ?, 1, ?)"
                    + " on conflict (scope, subject) do update set"
                    + " failures = case when t.window_start <= ? then 1 else t.failures + 1 end,"
                    + " window_start = case when t.window_start <= ? then excluded.window_start"
                    + " else t.window_start end"
                    + " returning scope, failures, window_start")
            .setParameter(1, account(login))
            .setParameter(2, at(now))
            .setParameter(3, address)
            .setParameter(4, at(now))
            .setParameter(5, windowGone)
            .setParameter(6, windowGone)
            .getResultList();
    Optional<Instant> reopens =
        counted.stream()
            .map(Object[].class::cast)
            .filter(row -> ((Number) row[1]).intValue() > max((String) row[0]))
            .map(row -> InstantConverter.ofColumn(row[2]).plus(window()))
            .max(Comparator.naturalOrder());
    if (reopens.isPresent()) {
      throw new TooManyAttempts(Math.max(1, Duration.between(now, reopens.get()).toSeconds() + 1));
    }
  }

  /**
   * The attempt was a success: the account's failures are forgotten, and the address gets back the
   * attempt counted for it (its failures stay; a row holding only this attempt goes).
   */
  public void succeeded(String login, String address) {
    em.createNativeQuery(
            "with account as (delete from billing.login_throttle"
                + "   where scope = 'account' and subject = ?),"
                + " only_this as (delete from billing.login_throttle"
                + "   where scope = 'address' and subject = ? and failures = 1)"
                + " update billing.login_throttle set failures = failures - 1"
                + " where scope = 'address' and subject = ? and failures > 1")
        .setParameter(1, account(login))
        .setParameter(2, address)
        .setParameter(3, address)
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

  private int max(String scope) {
    return ACCOUNT.equals(scope) ? maxPerAccount : maxPerAddress;
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
}
