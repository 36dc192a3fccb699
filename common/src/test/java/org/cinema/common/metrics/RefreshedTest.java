package org.cinema.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RefreshedTest {

  private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

  @Test
  void readsOncePerIntervalHoweverOftenAsked() {
    AtomicInteger reads = new AtomicInteger();
    Refreshed<Integer> figures =
        new Refreshed<>("test figures", Duration.ofSeconds(10), now -> reads.incrementAndGet());

    assertThat(figures.at(T0)).contains(1);
    assertThat(figures.at(T0.plusSeconds(9))).contains(1);
    assertThat(figures.at(T0.plusSeconds(10))).contains(2);
    assertThat(figures.at(T0.minusSeconds(60))).as("a clock moved back reads again").contains(3);
  }

  @Test
  void aFailedReadLeavesNoFiguresUntilTheNextInterval() {
    AtomicInteger reads = new AtomicInteger();
    Refreshed<Integer> figures =
        new Refreshed<>(
            "test figures",
            Duration.ofSeconds(10),
            now -> {
              if (reads.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
              }
              return reads.get();
            });

    assertThat(figures.at(T0)).isEmpty();
    assertThat(figures.at(T0.plusSeconds(5))).isEmpty();
    assertThat(figures.at(T0.plusSeconds(10))).contains(2);
  }

  @Test
  void aZeroIntervalReadsEveryTime() {
    AtomicInteger reads = new AtomicInteger();
    Refreshed<Integer> figures =
        new Refreshed<>("test figures", Duration.ZERO, now -> reads.incrementAndGet());

    figures.at(T0);
    figures.at(T0);

    assertThat(reads).hasValue(2);
  }
}
