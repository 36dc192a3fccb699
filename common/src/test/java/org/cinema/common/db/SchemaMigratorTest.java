package org.cinema.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real PostgreSQL: what a deployment's start does to its schema. */
class SchemaMigratorTest {

  private static final ClassLoader LOADER = SchemaMigratorTest.class.getClassLoader();
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void createsTheSchemaAndReportsItsVersion() throws Exception {
    DataSource db = postgres.getPostgresDatabase();

    String version = SchemaMigrator.migrate(db, "fresh", LOADER, "classpath:db/test/base");

    assertThat(version).isEqualTo("1");
    assertThat(count(db, "select count(*) from fresh.thing")).isZero();
  }

  @Test
  void aSecondStartChangesNothing() throws Exception {
    DataSource db = postgres.getPostgresDatabase();
    SchemaMigrator.migrate(db, "again", LOADER, "classpath:db/test/base");

    String version = SchemaMigrator.migrate(db, "again", LOADER, "classpath:db/test/base");

    assertThat(version).isEqualTo("1");
    assertThat(count(db, "select count(*) from again.flyway_schema_history")).isEqualTo(2);
  }

  @Test
  void startsWithoutTheDemoDataOnceItWasAppliedBefore() throws Exception {
    DataSource db = postgres.getPostgresDatabase();
    SchemaMigrator.migrate(db, "demo", LOADER, "classpath:db/test/base", "classpath:db/test/demo");
    assertThat(count(db, "select count(*) from demo.thing")).isEqualTo(1);

    String version = SchemaMigrator.migrate(db, "demo", LOADER, "classpath:db/test/base");

    assertThat(version).isEqualTo("1");
    assertThat(count(db, "select count(*) from demo.thing")).isEqualTo(1);
  }

  private static long count(DataSource db, String sql) throws SQLException {
    try (Connection connection = db.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
