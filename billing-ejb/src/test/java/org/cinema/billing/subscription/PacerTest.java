package org.cinema.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PacerTest {

  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  /** A clock that sleeping moves on: the pacer's releases, without waiting for them. */
  private long now = 1_000_000 * MS;

  private final Pacer pacer = new Pacer(OptionalDouble.of(25), () -> now, nanos -> now += nanos);

  @Test
  void callsThatReachTheProviderUpToFortyMillisecondsLateNeverMakeASecondOfMoreThanTheLimit()
      throws Exception {
    List<Long> releases = releases(1000);

    // Whole runs of late calls followed by runs on time: the late run's first call and the next
    // run's first are as close as jitter brings them.
    List<Long> inRuns = new ArrayList<>();
    for (int i = 0; i < releases.size(); i++) {
      inRuns.add(releases.get(i) + ((i / 25) % 2 == 0 ? 40 * MS : 0));
    }
    Random random = new Random(42);
    List<Long> atRandom = new ArrayList<>();
    for (long release : releases) {
      atRandom.add(release + (long) (random.nextDouble() * 40 * MS));
    }

    assertThat(mostInOneSecond(releases)).isLessThanOrEqualTo(25);
    assertThat(mostInOneSecond(inRuns)).isLessThanOrEqualTo(25);
    assertThat(mostInOneSecond(atRandom)).isLessThanOrEqualTo(25);
  }

  @Test
  void keepsWithinAFewPercentOfTheLimitsPace() throws Exception {
    long start = now;
    List<Long> releases = releases(2500);

    double seconds = (releases.get(releases.size() - 1) - start) / 1e9;
    assertThat(seconds).isBetween(2500 / 25.0 * 0.99, 2500 / 25.0 * 1.06);
  }

  /**
   * A pause that stops every thread (a garbage collection, a busy machine) wakes the callers that
   * slept through it all at once. Each still goes one slot after the one before, from when it
   * really went: three that all woke late at the same instant would be three calls to the provider
   * in the same millisecond, and with the slots after them, more than the limit in one second.
   */
  @Test
  void callersThatAPauseWakesTogetherStillGoOneSlotApart() throws Exception {
    AtomicLong clock = new AtomicLong(now);
    ThreadLocal<Long> seen = ThreadLocal.withInitial(clock::get);
    CountDownLatch pauseOver = new CountDownLatch(1);
    AtomicInteger asleepInThePause = new AtomicInteger();
    Pacer.Sleeper sleeper =
        nanos -> {
          if (pauseOver.getCount() > 0) {
            asleepInThePause.incrementAndGet();
            pauseOver.await();
            seen.set(clock.get());
          } else {
            seen.set(clock.accumulateAndGet(seen.get() + nanos, Math::max));
          }
        };
    Pacer paced =
        new Pacer(
            OptionalDouble.of(25),
            () -> {
              seen.set(clock.get());
              return seen.get();
            },
            sleeper);
    List<Long> releases = Collections.synchronizedList(new ArrayList<>());
    paced.awaitTurn();
    releases.add(seen.get());

    ExecutorService callers = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        calls.add(
            callers.submit(
                () -> {
                  paced.awaitTurn();
                  releases.add(seen.get());
                  return null;
                }));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (asleepInThePause.get() < 3 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(asleepInThePause).as("all three wait for their turn").hasValue(3);
      clock.addAndGet(200 * MS);
      pauseOver.countDown();
      for (Future<?> call : calls) {
        call.get(10, TimeUnit.SECONDS);
      }
    } finally {
      callers.shutdownNow();
    }

    List<Long> sorted = releases.stream().sorted().toList();
    long slot = (long) Math.ceil(1000 * MS * (1 + Pacer.HEADROOM) / 25);
    for (int i = 1; i < sorted.size(); i++) {
      assertThat(sorted.get(i) - sorted.get(i - 1))
          .as("call %d after call %d, in ms from the first: %s", i + 1, i, fromFirst(sorted))
          .isGreaterThanOrEqualTo(slot);
    }
  }

  private static List<Double> fromFirst(List<Long> sorted) {
    return sorted.stream().map(t -> (t - sorted.get(0)) / (double) MS).toList();
  }

  @Test
  void noLimitNoWait() throws Exception {
    Pacer unlimited = new Pacer(OptionalDouble.empty(), () -> now, nanos -> now += nanos);
    long start = now;
    for (int i = 0; i < 100; i++) {
      unlimited.awaitTurn();
    }
    assertThat(now).isEqualTo(start);
  }

  private List<Long> releases(int calls) throws InterruptedException {
    List<Long> releases = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      pacer.awaitTurn();
      releases.add(now);
    }
    return releases;
  }

  /** The most calls in any window [t, t + 1 s) that starts at a call. */
  private static int mostInOneSecond(List<Long> arrivals) {
    List<Long> sorted = arrivals.stream().sorted().toList();
    int most = 0;
    int end = 0;
    for (int start = 0; start < sorted.size(); start++) {
      while (end < sorted.size() && sorted.get(end) - sorted.get(start) < 1000 * MS) {
        end++;
      }
      most = Math.max(most, end - start);
    }
    return most;
  }
}
