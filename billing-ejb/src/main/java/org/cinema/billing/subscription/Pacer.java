package org.cinema.billing.subscription;

import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

/**
 * Spaces calls to a provider at least {@code 1 / perSecond} apart, whichever thread makes them, so
 * that no second holds more than {@code perSecond} of them (MicroProfile Fault Tolerance bounds
 * concurrency, not rate). Each caller takes the next free slot and sleeps until it; no limit: no
 * wait.
 */
final class Pacer {

  private final long spacingNanos;

  private long nextSlot = Long.MIN_VALUE;

  Pacer(OptionalDouble perSecond) {
    this.spacingNanos =
        perSecond.isPresent()
            ? (long) Math.ceil(TimeUnit.SECONDS.toNanos(1) / perSecond.getAsDouble())
            : 0;
  }

  void awaitTurn() throws InterruptedException {
    if (spacingNanos == 0) {
      return;
    }
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      long slot = nextSlot == Long.MIN_VALUE || nextSlot - now < 0 ? now : nextSlot;
      nextSlot = slot + spacingNanos;
      wait = slot - now;
    }
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }
}
