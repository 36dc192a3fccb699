package org.cinema.billing.subscription;

import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Spaces calls to a provider so that no second at the provider holds more than {@code perSecond} of
 * them, whichever thread makes them (MicroProfile Fault Tolerance bounds concurrency, not rate).
 * Each caller takes the next free slot and sleeps until it; no limit: no wait.
 *
 * <p>A call reaches the provider some milliseconds after its slot (the container, a transaction,
 * the network), and not always the same number: with slots exactly {@code 1 / perSecond} apart, one
 * late call and the one {@code perSecond} slots after it, on time, fall into one second together
 * with all those in between. Slots are therefore 5 % longer ({@link #HEADROOM}): {@code perSecond}
 * calls span 1.05 s, and calls that reach the provider up to 50 ms later than others still stay
 * within the limit.
 */
final class Pacer {

  /** A twentieth of a second per second kept free for calls that reach the provider late. */
  static final double HEADROOM = 0.05;

  private final long spacingNanos;

  private final LongSupplier nanoTime;

  private final Sleeper sleeper;

  private long nextSlot = Long.MIN_VALUE;

  Pacer(OptionalDouble perSecond) {
    this(perSecond, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
  }

  Pacer(OptionalDouble perSecond, LongSupplier nanoTime, Sleeper sleeper) {
    this.spacingNanos =
        perSecond.isPresent()
            ? (long)
                Math.ceil(TimeUnit.SECONDS.toNanos(1) * (1 + HEADROOM) / perSecond.getAsDouble())
            : 0;
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
  }

  void awaitTurn() throws InterruptedException {
    if (spacingNanos == 0) {
      return;
    }
    long wait;
    synchronized (this) {
      long now = nanoTime.getAsLong();
      long slot = nextSlot == Long.MIN_VALUE || nextSlot - now < 0 ? now : nextSlot;
      nextSlot = slot + spacingNanos;
      wait = slot - now;
    }
    if (wait > 0) {
      sleeper.sleep(wait);
    }
  }

  /** Sleeps so many nanoseconds. */
  interface Sleeper {
    void sleep(long nanos) throws InterruptedException;
  }
}
