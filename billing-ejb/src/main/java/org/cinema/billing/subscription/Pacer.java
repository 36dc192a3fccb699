package org.cinema.billing.subscription;

import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Spaces requests to a provider so that no second at the provider holds more than {@code perSecond}
 * of them, whichever thread sends them (MicroProfile Fault Tolerance bounds concurrency, not rate).
 * A caller goes when the one before it went a slot ago, and the time it goes is taken when it does,
 * after its sleep: a caller that wakes late (a garbage collection or a busy machine stops every
 * thread for a while) pushes the next one back, rather than going together with those that were due
 * after it. No limit: no wait.
 *
 * <p>A request reaches the provider some milliseconds after it goes (the container, a transaction,
 * the network), and not always the same number: with slots exactly {@code 1 / perSecond} apart, one
 * late request and the one {@code perSecond} slots after it, on time, fall into one second together
 * with all those in between. Slots are therefore 5 % longer ({@link #HEADROOM}): {@code perSecond}
 * requests span 1.05 s, and those that reach the provider up to 50 ms later than others still stay
 * within the limit.
 */
final class Pacer {

  /** A twentieth of a second per second kept free for requests that reach the provider late. */
  static final double HEADROOM = 0.05;

  private final long spacingNanos;

  private final LongSupplier nanoTime;

  private final Sleeper sleeper;

  /** When the last caller went; none yet: {@code Long.MIN_VALUE}. */
  private long last = Long.MIN_VALUE;

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

  /**
   * Returns when a slot has passed since the last caller went. Callers that wait at once all sleep
   * until then, and the first awake goes; the others sleep one more slot: a few wake-ups a slot,
   * nothing for a rate limit of a few dozen a second.
   */
  void awaitTurn() throws InterruptedException {
    if (spacingNanos == 0) {
      return;
    }
    while (true) {
      long wait;
      synchronized (this) {
        long now = nanoTime.getAsLong();
        if (last == Long.MIN_VALUE || now - last >= spacingNanos) {
          last = now;
          return;
        }
        wait = last + spacingNanos - now;
      }
      sleeper.sleep(wait);
    }
  }

  /** Sleeps so many nanoseconds. */
  interface Sleeper {
    void sleep(long nanos) throws InterruptedException;
  }
}
