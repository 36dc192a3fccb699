package org.cinema.etl.job;

import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.cinema.etl.platform.EtlDatabases;

/**
 * Reads one content table in (updated_at, id) order, one page per query (no OFFSET, no whole-table
 * load), starting after the saved watermark minus an overlap window: a row written by a transaction
 * that committed late carries an {@code updated_at} older than rows already copied, and the window
 * catches it (re-read rows that did not change write nothing). The checkpoint is the last key read,
 * so a restarted step resumes right after it.
 */
@Named
@Dependent
public class KeysetReader extends AbstractItemReader {

  private static final Logger LOG = Logger.getLogger(KeysetReader.class.getName());

  @Inject @BatchProperty private String table;

  @Inject
  @BatchProperty(name = "pageSize")
  private String pageSize;

  @Inject
  @BatchProperty(name = "overlapSeconds")
  private String overlapSeconds;

  @Inject private StepContext step;

  @Inject private Watermarks watermarks;

  @Resource(lookup = EtlDatabases.SOURCE)
  private DataSource source;

  private CatalogTable catalogTable;
  private CatalogRow.Key last;
  private final Deque<CatalogRow> page = new ArrayDeque<>();
  private boolean exhausted;
  private int limit;
  private StepProgress progress;

  @Override
  public void open(Serializable checkpoint) throws SQLException {
    catalogTable = CatalogTable.valueOf(table);
    limit = Integer.parseInt(pageSize);
    if (checkpoint instanceof CatalogRow.Key key) {
      last = key;
    } else {
      Optional<CatalogRow.Key> saved = watermarks.load(catalogTable);
      last =
          saved
              .map(
                  key ->
                      new CatalogRow.Key(
                          key.updatedAt().minusSeconds(Long.parseLong(overlapSeconds)),
                          CatalogRow.Key.SMALLEST_ID))
              .orElse(
                  new CatalogRow.Key(
                      OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                      CatalogRow.Key.SMALLEST_ID));
    }
    progress = new StepProgress(catalogTable);
    step.setTransientUserData(progress);
    LOG.info(() -> "Reading content." + catalogTable.tableName() + " after " + last);
  }

  @Override
  public CatalogRow readItem() throws SQLException {
    if (page.isEmpty() && !exhausted) {
      fetchPage();
    }
    CatalogRow row = page.pollFirst();
    if (row != null) {
      last = row.key();
      progress.read(last);
    }
    return row;
  }

  private void fetchPage() throws SQLException {
    try (Connection connection = source.getConnection();
        PreparedStatement query = connection.prepareStatement(catalogTable.pageQuery())) {
      query.setObject(1, last.updatedAt());
      query.setObject(2, last.id());
      query.setInt(3, limit);
      try (ResultSet rows = query.executeQuery()) {
        int columns = catalogTable.columns().size();
        while (rows.next()) {
          Object[] values = new Object[columns];
          for (int i = 0; i < columns; i++) {
            values[i] = read(rows, i + 1, catalogTable.columns().get(i));
          }
          page.addLast(new CatalogRow(catalogTable, values));
        }
      }
    }
    exhausted = page.size() < limit;
  }

  private static Object read(ResultSet rows, int index, String column) throws SQLException {
    return column.endsWith("_at")
        ? rows.getObject(index, OffsetDateTime.class)
        : rows.getObject(index);
  }

  @Override
  public Serializable checkpointInfo() {
    return last;
  }
}
