package org.cinema.etl.job;

import jakarta.batch.api.partition.AbstractPartitionAnalyzer;
import jakarta.batch.api.partition.PartitionCollector;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Brings a partitioned step's progress together on the step's own thread, where {@link StepLogger}
 * logs it and sets the number changed as the exit status (the runtime does not run step listeners
 * in partitions; it adds up their read, write, skip and commit counts itself).
 */
public final class PartitionProgress {

  private PartitionProgress() {}

  /** On a partition's thread, after each chunk: its counts so far. */
  @Named("partitionProgressCollector")
  @Dependent
  public static class Collector implements PartitionCollector {

    @Inject private StepContext step;

    @Override
    public Serializable collectPartitionData() {
      if (!(step.getTransientUserData() instanceof StepProgress progress)) {
        return null;
      }
      return progress.report();
    }
  }

  /** On the step's thread: the latest report of every partition, as the step's user data. */
  @Named("partitionProgressAnalyzer")
  @Dependent
  public static class Analyzer extends AbstractPartitionAnalyzer {

    @Inject private StepContext step;

    @Inject private JobContext job;

    @Inject private LiveProgress live;

    private final Map<Integer, PartReport> parts = new TreeMap<>();

    @Override
    public void analyzeCollectorData(Serializable data) {
      if (data instanceof PartReport part) {
        parts.put(part.range().index(), part);
        step.setTransientUserData(List.copyOf(parts.values()));
        live.update(job.getExecutionId(), step.getStepName(), List.copyOf(parts.values()));
      }
    }
  }
}
