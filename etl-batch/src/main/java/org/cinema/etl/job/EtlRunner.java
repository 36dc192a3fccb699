package org.cinema.etl.job;

import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.cinema.etl.platform.EtlDatabases;

/**
 * Runs the job one at a time across every instance: a run holds a PostgreSQL advisory lock on the
 * billing database for its whole length (another instance, or a second request, finds it taken and
 * does not start). A run started over HTTP is answered at once; a task of the managed executor
 * waits for its end and releases the lock.
 */
@Singleton
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EtlRunner {

  public static final String JOB = "catalog-etl";
  private static final long ADVISORY_LOCK = 0x6361_7461_6c6f_67L;
  private static final Duration MAX_RUN = Duration.ofHours(2);
  private static final Set<BatchStatus> RESTARTABLE =
      Set.of(BatchStatus.FAILED, BatchStatus.STOPPED);
  private static final Set<BatchStatus> ENDED =
      Set.of(BatchStatus.COMPLETED, BatchStatus.FAILED, BatchStatus.STOPPED, BatchStatus.ABANDONED);

  private static final Logger LOG = Logger.getLogger(EtlRunner.class.getName());

  @Resource(lookup = EtlDatabases.TARGET)
  private DataSource target;

  @Resource private ManagedExecutorService executor;

  @Inject private LiveProgress live;

  /**
   * Starts a run and answers at once with its execution id; empty when another run holds the lock.
   * The lock is held until the run ends, by a task of the managed executor that waits for it.
   */
  public Optional<Long> start(Properties parameters) throws SQLException {
    return exclusively(() -> operator().start(JOB, parameters));
  }

  /** Starts a run and waits for it to end (the schedule); empty when another run holds the lock. */
  public Optional<RunSummary> run(Properties parameters) throws SQLException, InterruptedException {
    Optional<Long> started = start(parameters);
    return started.isEmpty() ? Optional.empty() : Optional.of(awaitEnd(started.get()));
  }

  /** One run as it is now, with the counts of its steps so far. */
  public Optional<RunSummary> find(long executionId) {
    JobOperator operator = operator();
    try {
      JobExecution execution = operator.getJobExecution(executionId);
      return execution == null || !JOB.equals(execution.getJobName())
          ? Optional.empty()
          : Optional.of(RunSummary.of(operator, execution, live));
    } catch (NoSuchJobExecutionException e) {
      return Optional.empty();
    }
  }

  /** Whether {@link #restart} may be asked for this execution. */
  public enum Restartable {
    YES,
    NO_SUCH_RUN,
    /** Completed, still running, or restarted already (only an instance's latest may be). */
    NO
  }

  /**
   * Checked before {@link #restart}: JBatch answers an unknown execution id with a
   * NullPointerException, and the EJB container would wrap its own refusals as system errors.
   */
  public Restartable restartable(long executionId) {
    JobOperator operator = operator();
    JobExecution execution;
    try {
      execution = operator.getJobExecution(executionId);
    } catch (NoSuchJobExecutionException e) {
      return Restartable.NO_SUCH_RUN;
    }
    if (execution == null || !JOB.equals(execution.getJobName())) {
      return Restartable.NO_SUCH_RUN;
    }
    if (!RESTARTABLE.contains(execution.getBatchStatus())) {
      return Restartable.NO;
    }
    long latest =
        operator.getJobExecutions(operator.getJobInstance(executionId)).stream()
            .mapToLong(JobExecution::getExecutionId)
            .max()
            .orElse(executionId);
    return latest == executionId ? Restartable.YES : Restartable.NO;
  }

  /**
   * Restarts a failed or stopped run from its last checkpoint, answering at once with the new
   * execution's id. The restart keeps the run's parameters (chunk size, number of movie
   * partitions), so every partition resumes the id range it checkpointed; only the test hooks are
   * dropped.
   */
  public Optional<Long> restart(long executionId) throws SQLException {
    Properties parameters = new Properties();
    Properties original = operator().getParameters(executionId);
    if (original != null) {
      parameters.putAll(original);
    }
    parameters.remove("failAfterRows");
    parameters.remove("chunkPauseMillis");
    return exclusively(() -> operator().restart(executionId, parameters));
  }

  /** The most recent runs, newest first. */
  public List<RunSummary> recent(int limit) {
    JobOperator operator = operator();
    if (!operator.getJobNames().contains(JOB)) {
      return List.of();
    }
    int instances = operator.getJobInstanceCount(JOB);
    List<JobExecution> executions = new ArrayList<>();
    operator
        .getJobInstances(JOB, 0, Math.min(instances, limit))
        .forEach(instance -> executions.addAll(operator.getJobExecutions(instance)));
    return executions.stream()
        .sorted(Comparator.comparingLong(JobExecution::getExecutionId).reversed())
        .limit(limit)
        .map(execution -> RunSummary.of(operator, execution, live))
        .toList();
  }

  private Optional<Long> exclusively(Start start) throws SQLException {
    Connection lock = target.getConnection();
    long execution;
    try {
      if (!advisoryLock(lock, "pg_try_advisory_lock")) {
        lock.close();
        return Optional.empty();
      }
      execution = start.start();
    } catch (SQLException | RuntimeException e) {
      release(lock);
      throw e;
    }
    try {
      executor.execute(() -> releaseAfter(execution, lock));
    } catch (RejectedExecutionException e) {
      // The run has started: the lock must stay until it ends, so follow it here instead.
      releaseAfter(execution, lock);
    }
    return Optional.of(execution);
  }

  /**
   * Waits for the run to end, however long it takes (releasing the lock under a run still going
   * would let a second one start), then lets the next one start.
   */
  private void releaseAfter(long execution, Connection lock) {
    try {
      JobOperator operator = operator();
      while (!ENDED.contains(operator.getJobExecution(execution).getBatchStatus())) {
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not follow ETL run " + execution, e);
    } finally {
      release(lock);
    }
  }

  /**
   * Unlocks and gives the connection back. If unlocking fails, the connection is aborted rather
   * than returned to the pool, where its session would keep the lock.
   */
  private static void release(Connection lock) {
    try {
      advisoryLock(lock, "pg_advisory_unlock");
      lock.close();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Releasing the ETL lock failed; its connection is dropped", e);
      try {
        lock.abort(Runnable::run);
      } catch (SQLException dropped) {
        LOG.log(Level.WARNING, "Dropping the ETL lock's connection failed", dropped);
      }
    }
  }

  private RunSummary awaitEnd(long executionId) throws InterruptedException {
    JobOperator operator = operator();
    long deadline = System.nanoTime() + MAX_RUN.toNanos();
    JobExecution execution = operator.getJobExecution(executionId);
    while (!ENDED.contains(execution.getBatchStatus()) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      execution = operator.getJobExecution(executionId);
    }
    return RunSummary.of(operator, execution, live);
  }

  private static boolean advisoryLock(Connection connection, String function) throws SQLException {
    try (PreparedStatement call = connection.prepareStatement("select " + function + "(?)")) {
      call.setLong(1, ADVISORY_LOCK);
      try (ResultSet result = call.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }

  private static JobOperator operator() {
    return BatchRuntime.getJobOperator();
  }

  /** Starts (or restarts) a job execution. */
  @FunctionalInterface
  private interface Start {
    long start();
  }
}
