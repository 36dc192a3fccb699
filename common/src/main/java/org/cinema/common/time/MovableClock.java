package org.cinema.common.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system's UTC clock, shifted by an offset that only a test clock moves (Kill Bill's and
 * Stripe's test clocks): time keeps running from wherever it was set. One per application (per WAR
 * on Payara Micro, per EAR on Payara Server), so a moved clock moves every decision there at once.
 * Whether it may be moved is the application's to decide ({@code BILLING_TEST_CLOCK}); until it is,
 * it tells the system's time.
 */
public final class MovableClock extends Clock {

  /** The application's one instance: what {@link Clocks} produces, and what entities read. */
  public static final MovableClock APPLICATION = new MovableClock(Clock.systemUTC());

  private final Clock base;
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  MovableClock(Clock base) {
    this.base = base;
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.offset(base, offset.get()).withZone(zone);
  }

  /** Moves the clock to {@code now} (forwards or back); time runs on from there. */
  public Instant moveTo(Instant now) {
    offset.set(Duration.between(base.instant(), now));
    return instant();
  }

  /** Moves the clock {@code by} on from where it is. */
  public Instant advance(Duration by) {
    offset.accumulateAndGet(by, Duration::plus);
    return instant();
  }
}
