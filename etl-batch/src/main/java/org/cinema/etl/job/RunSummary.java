package org.cinema.etl.job;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** One run of the job as the HTTP endpoint reports it, with each step's counts. */
public record RunSummary(
    long executionId,
    String status,
    String exitStatus,
    Instant started,
    Instant ended,
    Long durationMillis,
    List<StepSummary> steps) {

  /**
   * One step: rows read, written (handed to the writer), changed (rows billing did not have so),
   * skipped, commits, and its duration.
   */
  public record StepSummary(
      String name,
      String status,
      long read,
      long written,
      long changed,
      long skipped,
      long commits,
      long rollbacks,
      Long durationMillis) {}

  /**
   * The run as the job repository has it; a step still running here counts what {@link
   * LiveProgress} has seen so far (the repository has its counts only once it ends).
   */
  public static RunSummary of(JobOperator operator, JobExecution execution, LiveProgress live) {
    List<StepSummary> steps =
        operator.getStepExecutions(execution.getExecutionId()).stream()
            .map(step -> step(step, live.of(execution.getExecutionId(), step.getStepName())))
            .toList();
    return new RunSummary(
        execution.getExecutionId(),
        execution.getBatchStatus().name(),
        execution.getExitStatus(),
        instant(execution.getStartTime()),
        instant(execution.getEndTime()),
        duration(execution.getStartTime(), execution.getEndTime()),
        steps);
  }

  private static StepSummary step(StepExecution step, Optional<LiveProgress.Counts> soFar) {
    long skipped =
        metric(step, Metric.MetricType.READ_SKIP_COUNT)
            + metric(step, Metric.MetricType.PROCESS_SKIP_COUNT)
            + metric(step, Metric.MetricType.WRITE_SKIP_COUNT);
    long read = metric(step, Metric.MetricType.READ_COUNT);
    long changed = changed(step.getExitStatus());
    if (soFar.isPresent()) {
      read = Math.max(read, soFar.get().read());
      skipped = Math.max(skipped, soFar.get().skipped());
      changed = Math.max(changed, soFar.get().changed());
    }
    return new StepSummary(
        step.getStepName(),
        step.getBatchStatus().name(),
        read,
        metric(step, Metric.MetricType.WRITE_COUNT),
        changed,
        skipped,
        metric(step, Metric.MetricType.COMMIT_COUNT),
        metric(step, Metric.MetricType.ROLLBACK_COUNT),
        duration(step.getStartTime(), step.getEndTime()));
  }

  private static long changed(String exitStatus) {
    return exitStatus != null && exitStatus.startsWith(StepLogger.CHANGED)
        ? Long.parseLong(exitStatus.substring(StepLogger.CHANGED.length()))
        : 0;
  }

  private static long metric(StepExecution step, Metric.MetricType type) {
    return Arrays.stream(step.getMetrics())
        .filter(metric -> metric.getType() == type)
        .mapToLong(Metric::getValue)
        .sum();
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private static Long duration(Date start, Date end) {
    return start == null || end == null
        ? null
        : Duration.between(start.toInstant(), end.toInstant()).toMillis();
  }
}
