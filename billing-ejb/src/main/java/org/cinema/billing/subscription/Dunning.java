package org.cinema.billing.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rules for a declined renewal: when it is tried again, and how long a past-due viewer keeps
 * watching.
 *
 * <ul>
 *   <li>{@code DUNNING_RETRIES} (default {@code P1D,P3D,P5D,P7D}): ISO-8601 durations after the
 *       first decline at which the renewal is charged again; when the last retry fails too, the
 *       subscription is canceled and its invoice void.
 *   <li>{@code DUNNING_ACCESS_GRACE} (default {@code P3D}): a past-due subscription keeps its
 *       movies this long after its paid period ended ({@code PT0S}: not past the period).
 * </ul>
 */
@ApplicationScoped
public class Dunning {

  @Inject
  @ConfigProperty(name = "dunning.retries", defaultValue = "P1D,P3D,P5D,P7D")
  private String retries;

  private volatile Schedule schedule;

  /** The schedule as configured; a malformed one stops the application at its first use. */
  public Schedule schedule() {
    Schedule known = schedule;
    if (known == null) {
      known = Schedule.parse(retries);
      schedule = known;
    }
    return known;
  }

  /**
   * Retries after the first decline.
   *
   * @param retries ascending, each after the first decline
   */
  public record Schedule(List<Duration> retries) {

    public Schedule {
      retries = List.copyOf(retries);
      for (int i = 0; i < retries.size(); i++) {
        if (retries.get(i).isNegative()
            || retries.get(i).isZero()
            || (i > 0 && retries.get(i).compareTo(retries.get(i - 1)) <= 0)) {
          throw new IllegalArgumentException(
              "DUNNING_RETRIES must be ascending positive durations: " + retries);
        }
      }
    }

    static Schedule parse(String retries) {
      List<Duration> parsed =
          retries.isBlank()
              ? List.of()
              : Arrays.stream(retries.split(",")).map(String::trim).map(Duration::parse).toList();
      return new Schedule(parsed);
    }

    /**
     * When to charge again after the {@code failures}-th decline of a renewal first declined at
     * {@code since}; empty when that was the last attempt.
     */
    public Optional<Instant> retryAfter(int failures, Instant since) {
      return failures <= retries.size()
          ? Optional.of(since.plus(retries.get(failures - 1)))
          : Optional.empty();
    }
  }
}
