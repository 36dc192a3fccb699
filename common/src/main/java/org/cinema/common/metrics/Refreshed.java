package org.cinema.common.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The latest read of figures that gauges share: read again only when it is older than the refresh
 * interval, however often (and by however many gauges) it is asked, so that a scrape of many gauges
 * costs one read and scraping faster costs the database nothing more. A read that fails is logged
 * and leaves no figures (the gauges say NaN) until the next interval.
 */
public final class Refreshed<T> {

  private static final Logger LOG = Logger.getLogger(Refreshed.class.getName());

  private final String what;
  private final Duration interval;
  private final Function<Instant, T> read;

  private Optional<T> latest = Optional.empty();
  private Instant readAt = Instant.MIN;

  /**
   * @param what named in the warning when a read fails
   * @param read the read, given the time it is for
   */
  public Refreshed(String what, Duration interval, Function<Instant, T> read) {
    this.what = what;
    this.interval = interval;
    this.read = read;
  }

  /** The figures as of {@code now}, read again if the latest read is an interval old. */
  public synchronized Optional<T> at(Instant now) {
    if (Duration.between(readAt, now).abs().compareTo(interval) >= 0) {
      readAt = now;
      try {
        latest = Optional.of(read.apply(now));
      } catch (RuntimeException e) {
        LOG.warning("Could not read " + what + ": " + e);
        latest = Optional.empty();
      }
    }
    return latest;
  }
}
