package org.cinema.etl.job;

import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Logs, per step, in the spirit of the original ETL: how many rows of which table were processed,
 * how many changed billing, how many were skipped (each skipped row by id), and the watermark. The
 * number changed becomes the step's exit status, where the run summary reads it. In a partitioned
 * step the counts of all partitions come from {@link PartitionProgress}, one watermark each.
 */
@Named
@Dependent
public class StepLogger extends AbstractStepListener implements SkipProcessListener {

  private static final Logger LOG = Logger.getLogger(StepLogger.class.getName());

  /** The step's exit status: how many billing rows it changed, e.g. {@code changed=3}. */
  static final String CHANGED = "changed=";

  @Inject private StepContext step;

  @Inject private JobContext job;

  @Inject private LiveProgress live;

  @Override
  public void onSkipProcessItem(Object item, Exception reason) {
    LOG.warning(() -> "Skipped " + reason.getMessage());
    if (step.getTransientUserData() instanceof StepProgress progress) {
      progress.skipped();
    }
  }

  @Override
  public void afterStep() {
    live.forget(job.getExecutionId(), step.getStepName());
    if (step.getTransientUserData() instanceof StepProgress progress) {
      log(List.of(progress.report()));
    } else if (step.getTransientUserData() instanceof List<?> parts && !parts.isEmpty()) {
      log(parts.stream().map(PartReport.class::cast).toList());
    }
  }

  /** Logs a step's counts (over all its partitions) and saves the number changed as exit status. */
  private void log(List<PartReport> parts) {
    long changed = parts.stream().mapToLong(PartReport::changed).sum();
    step.setExitStatus(CHANGED + changed);
    LOG.info(
        () ->
            String.format(
                "Processed %d rows of table '%s'%s: %d changed, %d skipped; watermark %s",
                parts.stream().mapToLong(PartReport::read).sum(),
                parts.get(0).table().tableName(),
                parts.size() == 1 ? "" : " in " + parts.size() + " partitions by id",
                changed,
                parts.stream().mapToLong(PartReport::skipped).sum(),
                parts.stream()
                    .map(part -> part.lastRead() == null ? "unchanged" : "saved " + part.lastRead())
                    .collect(Collectors.joining(", "))));
  }
}
