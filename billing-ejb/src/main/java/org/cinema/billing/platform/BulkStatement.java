package org.cinema.billing.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A native statement with hundreds of positional parameters (a multi-row insert), run through JDBC
 * on the connection of the persistence context's transaction. EclipseLink's native queries spend
 * time on each parameter that grows with their number: at a renewal group's few thousand it was a
 * tenth of the server's CPU. The driver binds them in linear time.
 *
 * <p>Values are bound with {@code setObject}: a null goes unspecified (the database infers its
 * type, no cast needed), an {@link Instant} as a UTC {@link OffsetDateTime}.
 */
public final class BulkStatement {

  private final EntityManager em;
  private final String sql;
  private final List<Object> values = new ArrayList<>();

  private BulkStatement(EntityManager em, String sql) {
    this.em = em;
    this.sql = sql;
  }

  /** The statement, to run in {@code em}'s transaction (it must have one). */
  public static BulkStatement of(EntityManager em, String sql) {
    return new BulkStatement(em, sql);
  }

  /** Binds the next positions, in order. */
  public BulkStatement bind(Object... next) {
    values.addAll(Arrays.asList(next));
    return this;
  }

  /** Binds the next positions to {@code next}, in order. */
  public BulkStatement bindAll(List<?> next) {
    values.addAll(next);
    return this;
  }

  /** Runs an insert, update or delete: the number of rows it changed. */
  public int executeUpdate() {
    try (PreparedStatement statement = prepared()) {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new PersistenceException(e);
    }
  }

  /** Runs a query, or a statement with {@code returning}: its rows, each as its columns. */
  public List<Object[]> getResultList() {
    try (PreparedStatement statement = prepared();
        ResultSet result = statement.executeQuery()) {
      int columns = result.getMetaData().getColumnCount();
      List<Object[]> rows = new ArrayList<>();
      while (result.next()) {
        Object[] row = new Object[columns];
        for (int column = 0; column < columns; column++) {
          row[column] = result.getObject(column + 1);
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new PersistenceException(e);
    }
  }

  private PreparedStatement prepared() throws SQLException {
    // EclipseLink begins its transaction on the JTA-enlisted connection and hands that one out.
    Connection connection = em.unwrap(Connection.class);
    if (connection == null) {
      throw new PersistenceException("A bulk statement needs a transaction");
    }
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      int at = 1;
      for (Object value : values) {
        if (value == null) {
          statement.setNull(at++, Types.OTHER);
        } else if (value instanceof Instant instant) {
          statement.setObject(at++, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else {
          statement.setObject(at++, value);
        }
      }
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }
}
