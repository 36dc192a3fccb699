package org.cinema.etl.job;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.cinema.etl.platform.EtlDatabases;

/**
 * The saved position per table, or per part of a partitioned table, in {@code billing.etl_state}:
 * the largest (updated_at, id) copied. Saved by the writer in the chunk's own transaction, so it
 * moves only with rows that committed.
 */
@ApplicationScoped
public class Watermarks {

  @Resource(lookup = EtlDatabases.TARGET)
  private DataSource target;

  /**
   * The watermark of one part of a table ({@link IdRange#ALL} for the whole). A part with none of
   * its own (the first run, or the number of parts changed) starts from the oldest watermark saved
   * for any part of the table, if any: every row of the table up to it was copied.
   */
  public Optional<CatalogRow.Key> load(CatalogTable table, IdRange range) throws SQLException {
    try (Connection connection = target.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "select watermark_updated_at, watermark_id from billing.etl_state"
                    + " where table_name = ? or table_name = ? or table_name like ?"
                    + " order by table_name = ? desc, watermark_updated_at, watermark_id"
                    + " limit 1")) {
      String name = range.watermarkName(table);
      query.setString(1, name);
      query.setString(2, table.tableName());
      query.setString(3, table.tableName() + " %");
      query.setString(4, name);
      try (ResultSet row = query.executeQuery()) {
        return row.next()
            ? Optional.of(
                new CatalogRow.Key(
                    row.getObject(1, OffsetDateTime.class), row.getObject(2, UUID.class)))
            : Optional.empty();
      }
    }
  }

  /** Moves a part's watermark forward to {@code key} (never back) and counts the rows written. */
  public void save(
      Connection connection, CatalogTable table, IdRange range, CatalogRow.Key key, long written)
      throws SQLException {
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "insert into billing.etl_state"
                + " (table_name, watermark_updated_at, watermark_id, rows_total, updated_at)"
                + " values (?, ?, ?, ?, now()) on conflict (table_name) do update set"
                + " watermark_updated_at = greatest(billing.etl_state.watermark_updated_at,"
                + " excluded.watermark_updated_at),"
                + " watermark_id = case when (excluded.watermark_updated_at, excluded.watermark_id)"
                + " > (billing.etl_state.watermark_updated_at, billing.etl_state.watermark_id)"
                + " then excluded.watermark_id else billing.etl_state.watermark_id end,"
                + " rows_total = billing.etl_state.rows_total + excluded.rows_total,"
                + " updated_at = now()")) {
      upsert.setString(1, range.watermarkName(table));
      upsert.setObject(2, key.updatedAt());
      upsert.setObject(3, key.id());
      upsert.setLong(4, written);
      upsert.executeUpdate();
    }
  }
}
