package org.cinema.billing.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.cinema.billing.error.BillingException;
import org.cinema.common.error.ErrorCode;
import org.cinema.common.time.MovableClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A test clock (Kill Bill's, Stripe's) for trying renewals, dunning and expiry end to end on a
 * running server: with {@code BILLING_TEST_CLOCK=true} an administrator reads the application's
 * clock and moves it on or sets it, and every decision that reads the clock follows (periods,
 * access, renewals, the reconciler, the refund window, rows' timestamps). Off by default, and
 * refused at start together with a live Stripe key. The clock is this server instance's: run one
 * instance to travel in time.
 */
@Startup
@Singleton
@Lock(LockType.READ)
public class TestClock {

  @Inject
  @ConfigProperty(name = "billing.test-clock", defaultValue = "false")
  private boolean enabled;

  @Inject
  @ConfigProperty(name = "stripe.api-key")
  private Optional<String> stripeKey;

  @PostConstruct
  void refuseWithALiveKey() {
    if (enabled && stripeKey.filter(key -> key.contains("_live_")).isPresent()) {
      throw new IllegalStateException(
          "BILLING_TEST_CLOCK=true is refused with a live Stripe key: time would move real money");
    }
  }

  /** The clock's time now. */
  public Instant now() {
    return usable().instant();
  }

  /**
   * Moves the clock on by an ISO-8601 duration ({@code PT2H}, {@code P31D}) or period ({@code P1M},
   * {@code P1Y}; calendar months and years in UTC).
   */
  @Lock(LockType.WRITE)
  public Instant advance(String by) {
    MovableClock clock = usable();
    try {
      return clock.advance(Duration.parse(by));
    } catch (DateTimeParseException notADuration) {
      try {
        Instant now = clock.instant();
        Instant then = now.atZone(ZoneOffset.UTC).plus(Period.parse(by)).toInstant();
        return clock.advance(Duration.between(now, then));
      } catch (DateTimeParseException notAPeriod) {
        throw new BillingException(
            ErrorCode.INVALID_INPUT, "advance: an ISO-8601 duration such as P31D or PT2H");
      }
    }
  }

  /** Sets the clock to {@code now}; time runs on from there. */
  @Lock(LockType.WRITE)
  public Instant moveTo(Instant now) {
    return usable().moveTo(now);
  }

  private MovableClock usable() {
    if (!enabled) {
      throw new BillingException(
          ErrorCode.NOT_FOUND, "No test clock here: the server runs without BILLING_TEST_CLOCK");
    }
    return MovableClock.APPLICATION;
  }
}
