package org.cinema.etl.job;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import javax.sql.DataSource;
import org.cinema.etl.platform.EtlDatabases;

/** The databases' side of {@link EtlMetrics}: per table, rows copied and the copy's lag. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EtlFigures {

  /** One table's figures: rows written into billing, seconds the oldest missing change waited. */
  public record Table(long rows, double lagSeconds) {}

  @Resource(lookup = EtlDatabases.SOURCE)
  private DataSource source;

  @Resource(lookup = EtlDatabases.TARGET)
  private DataSource target;

  public Map<CatalogTable, Table> read(Instant now) {
    try {
      return readAll(now);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the ETL's figures", e);
    }
  }

  /** One connection to each database for all the tables. */
  private Map<CatalogTable, Table> readAll(Instant now) throws SQLException {
    Map<CatalogTable, Table> read = new EnumMap<>(CatalogTable.class);
    try (Connection billing = target.getConnection();
        Connection content = source.getConnection();
        PreparedStatement copied =
            billing.prepareStatement(
                "select coalesce(sum(rows_total), 0), min(watermark_updated_at)"
                    + " from billing.etl_state where table_name = ? or table_name like ?")) {
      for (CatalogTable table : CatalogTable.values()) {
        copied.setString(1, table.tableName());
        copied.setString(2, table.tableName() + " %");
        long rows;
        OffsetDateTime copiedUpTo;
        try (ResultSet row = copied.executeQuery()) {
          row.next();
          rows = row.getLong(1);
          copiedUpTo = row.getObject(2, OffsetDateTime.class);
        }
        read.put(table, new Table(rows, lagSeconds(content, table, copiedUpTo, now)));
      }
    }
    return read;
  }

  /** How long the oldest change in content newer than the copy's position has waited (or 0). */
  private static double lagSeconds(
      Connection content, CatalogTable table, OffsetDateTime copiedUpTo, Instant now)
      throws SQLException {
    try (PreparedStatement query =
        content.prepareStatement(
            "select min(updated_at) from content."
                + table.tableName()
                + (copiedUpTo == null ? "" : " where updated_at > ?"))) {
      if (copiedUpTo != null) {
        query.setObject(1, copiedUpTo);
      }
      try (ResultSet row = query.executeQuery()) {
        row.next();
        OffsetDateTime oldestNotCopied = row.getObject(1, OffsetDateTime.class);
        return oldestNotCopied == null
            ? 0
            : Math.max(0, Duration.between(oldestNotCopied.toInstant(), now).toMillis() / 1e3);
      }
    }
  }
}
