package org.cinema.etl.job;

import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.cinema.etl.platform.EtlDatabases;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;

/**
 * Copies a chunk into a session staging table (PostgreSQL binary COPY of the tuples as the reader
 * got them), upserts it into billing with one statement, and moves the table's watermark to the
 * last key read, in one local transaction: rows and watermark commit together or not at all. The
 * batch runtime then commits its checkpoint separately; if the process dies in between, the
 * restarted step re-reads the chunk from the previous checkpoint and the upserts, which skip rows
 * whose {@code updated_at} is unchanged, write nothing twice.
 *
 * <p>Job parameter {@code failAfterRows} (e.g. {@code movie:2500}) makes the step (each partition
 * of it) fail once that many rows of the table changed in it: the hook the restart tests use to
 * break a run midway. Rows re-read in the overlap window change nothing, so they do not count.
 * {@code chunkPauseMillis} makes each chunk wait after its commit, so a test sees a run midway.
 * Both are test hooks: ignored unless {@code ETL_TEST_HOOKS=true}.
 */
@Named
@Dependent
public class UpsertWriter extends AbstractItemWriter {

  @Inject private StepContext step;

  @Inject
  @BatchProperty(name = "failAfterRows")
  private String failAfterRows;

  @Inject
  @BatchProperty(name = "chunkPauseMillis")
  private String chunkPauseMillis;

  @Inject
  @BatchProperty(name = "partitioned")
  private String partitioned;

  @Inject private JobContext job;

  @Inject private LiveProgress live;

  /** The test hooks below work only where this is set ({@code ETL_TEST_HOOKS=true}). */
  @Inject
  @ConfigProperty(name = "etl.test-hooks", defaultValue = "false")
  private boolean testHooks;

  @Inject private Watermarks watermarks;

  @Resource(lookup = EtlDatabases.TARGET)
  private DataSource target;

  @Override
  public void writeItems(List<Object> items) throws SQLException, IOException {
    StepProgress progress = (StepProgress) step.getTransientUserData();
    CatalogTable table = progress.table();
    failIfAsked(progress);
    try (Connection connection = target.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute(table.createStaging());
        connection
            .unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn(table.copyIntoStaging(), new ByteArrayInputStream(BinaryCopy.stream(items)));
        long changed = statement.executeUpdate(table.upsertFromStaging());
        watermarks.save(connection, table, progress.range(), progress.lastRead(), changed);
        connection.commit();
        progress.changed(changed);
        if (!Boolean.parseBoolean(partitioned)) {
          live.update(job.getExecutionId(), step.getStepName(), List.of(progress.report()));
        }
        pauseIfAsked();
      } catch (SQLException | IOException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  private void pauseIfAsked() {
    if (testHooks && chunkPauseMillis != null && !chunkPauseMillis.isBlank()) {
      try {
        Thread.sleep(Long.parseLong(chunkPauseMillis));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void failIfAsked(StepProgress progress) {
    if (!testHooks || failAfterRows == null || failAfterRows.isBlank()) {
      return;
    }
    String[] target = failAfterRows.split(":");
    String table = progress.table().tableName();
    if (target[0].equals(table) && progress.changed() >= Long.parseLong(target[1])) {
      throw new IllegalStateException(
          "Injected failure after " + progress.changed() + " changed rows of " + table);
    }
  }
}
