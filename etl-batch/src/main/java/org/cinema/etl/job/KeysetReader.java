package org.cinema.etl.job;

import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.cinema.etl.platform.EtlDatabases;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Reads one content table in (updated_at, id) order, one page per query (no OFFSET, no whole-table
 * load), starting after the saved watermark minus an overlap window: a row written by a transaction
 * that committed late carries an {@code updated_at} older than rows already copied, and the window
 * catches it (re-read rows that did not change write nothing). The checkpoint is the last key read,
 * so a restarted step resumes right after it. In a partitioned step each partition reads one id
 * range ({@link IdRange}) with a watermark and checkpoint of its own.
 *
 * <p>A page is fetched with a binary COPY and its rows stay the tuples PostgreSQL sent: the writer
 * copies them into billing as they are, and only the key and the validated fields are decoded.
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

  @Inject
  @BatchProperty(name = "partition")
  private String partition;

  @Inject
  @BatchProperty(name = "partitions")
  private String partitions;

  @Inject private StepContext step;

  @Inject private Watermarks watermarks;

  @Resource(lookup = EtlDatabases.SOURCE)
  private DataSource source;

  private CatalogTable catalogTable;
  private IdRange range;

  /** Where reading started: the checkpoint, or the watermark minus the overlap window. */
  private CatalogRow.Key start;

  /** The last row read; its key is decoded only when asked for (once a page or checkpoint). */
  private CatalogRow lastRow;

  private final Deque<CatalogRow> page = new ArrayDeque<>();
  private boolean exhausted;
  private int limit;
  private StepProgress progress;

  @Override
  public void open(Serializable checkpoint) throws SQLException {
    catalogTable = CatalogTable.valueOf(table);
    range = IdRange.of(partition, partitions);
    limit = Integer.parseInt(pageSize);
    if (checkpoint instanceof Checkpoint saved && saved.range().equals(range)) {
      start = saved.last();
    } else {
      Optional<CatalogRow.Key> saved = watermarks.load(catalogTable, range);
      start =
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
    progress = new StepProgress(catalogTable, range);
    step.setTransientUserData(progress);
    LOG.info(
        () -> "Reading content." + catalogTable.tableName() + ", " + range + ", after " + start);
  }

  @Override
  public CatalogRow readItem() throws SQLException {
    if (page.isEmpty() && !exhausted) {
      fetchPage();
    }
    CatalogRow row = page.pollFirst();
    if (row != null) {
      lastRow = row;
      progress.read(row);
    }
    return row;
  }

  /** One page as PostgreSQL's binary COPY sends it: its tuples become the rows, undecoded. */
  private void fetchPage() throws SQLException {
    List<ByteBuffer> tuples;
    try (Connection connection = source.getConnection()) {
      CopyOut copy =
          connection
              .unwrap(PGConnection.class)
              .getCopyAPI()
              .copyOut(catalogTable.copyPage(lastKey(), limit, range));
      try {
        tuples = BinaryCopy.tuples(copy::readFromCopy);
      } finally {
        if (copy.isActive()) {
          copy.cancelCopy();
        }
      }
    }
    tuples.forEach(tuple -> page.addLast(new CatalogRow(catalogTable, tuple)));
    exhausted = tuples.size() < limit;
  }

  @Override
  public Serializable checkpointInfo() {
    return new Checkpoint(range, lastKey());
  }

  private CatalogRow.Key lastKey() {
    return lastRow == null ? start : lastRow.key();
  }

  /**
   * The last key read, and in which id range: a partition restarted under a different plan (another
   * number of parts) does not take a checkpoint of a range that is not its own, and starts from its
   * watermark instead.
   */
  record Checkpoint(IdRange range, CatalogRow.Key last) implements Serializable {}
}
