package org.cinema.etl.job;

import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.logging.Logger;

/**
 * Logs, per step, in the spirit of the original ETL: how many rows of which table were processed,
 * how many changed billing, how many were skipped (each skipped row by id), and the watermark. The
 * number changed becomes the step's exit status, where the run summary reads it.
 */
@Named
@Dependent
public class StepLogger extends AbstractStepListener implements SkipProcessListener {

  private static final Logger LOG = Logger.getLogger(StepLogger.class.getName());

  /** The step's exit status: how many billing rows it changed, e.g. {@code changed=3}. */
  static final String CHANGED = "changed=";

  @Inject private StepContext step;

  @Override
  public void onSkipProcessItem(Object item, Exception reason) {
    LOG.warning(() -> "Skipped " + reason.getMessage());
  }

  @Override
  public void afterStep() {
    if (!(step.getTransientUserData() instanceof StepProgress progress)) {
      return;
    }
    step.setExitStatus(CHANGED + progress.changed());
    LOG.info(
        () ->
            String.format(
                "Processed %d rows of table '%s': %d changed, %d skipped; watermark saved %s",
                metric(Metric.MetricType.READ_COUNT),
                progress.table().tableName(),
                progress.changed(),
                metric(Metric.MetricType.PROCESS_SKIP_COUNT),
                progress.lastRead()));
  }

  private long metric(Metric.MetricType type) {
    return Arrays.stream(step.getMetrics())
        .filter(metric -> metric.getType() == type)
        .mapToLong(Metric::getValue)
        .sum();
  }
}
