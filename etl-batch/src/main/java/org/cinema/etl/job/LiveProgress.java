package org.cinema.etl.job;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The counts of the steps running on this instance, after each chunk: the batch runtime reports a
 * step's read, write and commit counts only once the step ends (a partitioned step's, only once
 * every partition has), so a run followed over HTTP would show zeros until then. Fed on the step's
 * own thread ({@link UpsertWriter} for a step in one part, {@link PartitionProgress.Analyzer} for a
 * partitioned one, with the top-level execution's id both times) and forgotten when the step ends
 * ({@link StepLogger}).
 */
@ApplicationScoped
public class LiveProgress {

  /** A running step's counts so far, over all its parts. */
  public record Counts(long read, long skipped, long changed) {}

  private final Map<String, List<PartReport>> running = new ConcurrentHashMap<>();

  void update(long executionId, String step, List<PartReport> parts) {
    running.put(key(executionId, step), List.copyOf(parts));
  }

  void forget(long executionId, String step) {
    running.remove(key(executionId, step));
  }

  /** The step's counts so far, if it is running here. */
  public Optional<Counts> of(long executionId, String step) {
    List<PartReport> parts = running.get(key(executionId, step));
    if (parts == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Counts(
            parts.stream().mapToLong(PartReport::read).sum(),
            parts.stream().mapToLong(PartReport::skipped).sum(),
            parts.stream().mapToLong(PartReport::changed).sum()));
  }

  private static String key(long executionId, String step) {
    return executionId + "/" + step;
  }
}
