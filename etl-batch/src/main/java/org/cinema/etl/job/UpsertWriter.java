package org.cinema.etl.job;

import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import javax.sql.DataSource;
import org.cinema.etl.platform.EtlDatabases;

/**
 * Upserts a chunk into billing in one JDBC batch and moves the table's watermark to the last key
 * read, in one local transaction: rows and watermark commit together or not at all. The batch
 * runtime then commits its checkpoint separately; if the process dies in between, the restarted
 * step re-reads the chunk from the previous checkpoint and the upserts, which skip rows whose
 * {@code updated_at} is unchanged, write nothing twice.
 *
 * <p>Job parameter {@code failAfterRows} (e.g. {@code movie:2500}) makes the step fail once that
 * many rows of the table were written in it: the hook the restart tests use to break a run midway.
 */
@Named
@Dependent
public class UpsertWriter extends AbstractItemWriter {

  @Inject private StepContext step;

  @Inject
  @BatchProperty(name = "failAfterRows")
  private String failAfterRows;

  @Inject private Watermarks watermarks;

  @Resource(lookup = EtlDatabases.TARGET)
  private DataSource target;

  private long writtenInStep;

  @Override
  public void writeItems(List<Object> items) throws SQLException {
    StepProgress progress = (StepProgress) step.getTransientUserData();
    CatalogTable table = progress.table();
    failIfAsked(table);
    try (Connection connection = target.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement upsert = connection.prepareStatement(table.upsert())) {
        for (Object item : items) {
          bind(upsert, (CatalogRow) item);
          upsert.addBatch();
        }
        long changed = 0;
        for (int count : upsert.executeBatch()) {
          changed += Math.max(count, 0);
        }
        watermarks.save(connection, table, progress.lastRead(), changed);
        connection.commit();
        progress.changed(changed);
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
    writtenInStep += items.size();
  }

  private static void bind(PreparedStatement upsert, CatalogRow row) throws SQLException {
    List<String> columns = row.table().columns();
    for (int i = 0; i < columns.size(); i++) {
      Object value = row.values()[i];
      if (value == null) {
        upsert.setNull(i + 1, Types.OTHER);
      } else {
        upsert.setObject(i + 1, value);
      }
    }
    if (row.table() == CatalogTable.PRODUCT_MOVIE) {
      upsert.setObject(columns.size() + 1, row.value("product_id"));
      upsert.setObject(columns.size() + 2, row.value("movie_id"));
    }
  }

  private void failIfAsked(CatalogTable table) {
    if (failAfterRows == null || failAfterRows.isBlank()) {
      return;
    }
    String[] target = failAfterRows.split(":");
    if (target[0].equals(table.tableName()) && writtenInStep >= Long.parseLong(target[1])) {
      throw new IllegalStateException(
          "Injected failure after " + writtenInStep + " rows of " + table.tableName());
    }
  }
}
