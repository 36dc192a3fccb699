package org.cinema.common.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Readiness of one schema: the database answers, the schema's Flyway history exists, and its newest
 * migration succeeded.
 */
public final class SchemaReadiness {

  private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final int VALIDATION_TIMEOUT_SECONDS = 2;

  private SchemaReadiness() {}

  /**
   * Runs a module's check, answering DOWN ("starting") while the module's EJB container is not up
   * yet: Payara probes readiness from the moment the HTTP listener opens, before deployment ends,
   * and would otherwise log every early probe's exception.
   */
  public static HealthCheckResponse unlessStarting(
      String checkName, java.util.function.Supplier<HealthCheckResponse> check) {
    try {
      return check.get();
    } catch (jakarta.ejb.EJBException starting) {
      return HealthCheckResponse.named(checkName)
          .down()
          .withData("reason", "module starting")
          .build();
    }
  }

  public static HealthCheckResponse check(String checkName, DataSource dataSource, String schema) {
    if (!SCHEMA_NAME.matcher(schema).matches()) {
      throw new IllegalArgumentException("Not a schema name: " + schema);
    }
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named(checkName).withData("schema", schema);
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
        return response.down().withData("reason", "database does not answer").build();
      }
      if (!historyExists(connection, schema)) {
        return response.down().withData("reason", "schema not migrated").build();
      }
      return latestMigration(connection, schema, response);
    } catch (SQLException e) {
      return response.down().withData("reason", e.getMessage()).build();
    }
  }

  private static boolean historyExists(Connection connection, String schema) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("select to_regclass(?) is not null")) {
      query.setString(1, schema + ".flyway_schema_history");
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() && rows.getBoolean(1);
      }
    }
  }

  private static HealthCheckResponse latestMigration(
      Connection connection, String schema, HealthCheckResponseBuilder response)
      throws SQLException {
    String history = schema + ".flyway_schema_history";
    String sql =
        "select (select version from "
            + history
            + " where version is not null and success order by installed_rank desc limit 1),"
            + " (select count(*) from "
            + history
            + " where not success)";
    try (PreparedStatement query = connection.prepareStatement(sql);
        ResultSet rows = query.executeQuery()) {
      rows.next();
      String version = rows.getString(1);
      long failed = rows.getLong(2);
      if (failed > 0) {
        return response.down().withData("reason", failed + " failed migration(s)").build();
      }
      if (version == null) {
        return response.down().withData("reason", "no migration applied").build();
      }
      return response.up().withData("version", version).build();
    }
  }
}
