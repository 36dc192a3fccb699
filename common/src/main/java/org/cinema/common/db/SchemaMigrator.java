package org.cinema.common.db;

import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the Flyway migrations of one schema. Each schema has one owner module and its own history
 * table inside the schema, so two modules can share a database without touching each other's
 * migrations.
 */
public final class SchemaMigrator {

  private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

  private SchemaMigrator() {}

  /**
   * Migrates {@code schema} with the scripts found at the given classpath locations.
   *
   * @param scripts the class loader that sees the scripts: the owning module's. In an EAR this jar
   *     sits in {@code lib/}, whose own loader cannot see the modules' resources.
   * @return the schema's version after the migration
   */
  public static String migrate(
      DataSource dataSource, String schema, ClassLoader scripts, String... locations) {
    Flyway flyway =
        Flyway.configure(scripts)
            .dataSource(dataSource)
            .schemas(schema)
            .createSchemas(true)
            .locations(locations)
            // A demo-data location switched off on a later start is not an error.
            .ignoreMigrationPatterns("*:future", "repeatable:missing")
            .load();
    MigrateResult result = flyway.migrate();
    MigrationInfo current = flyway.info().current();
    String version =
        current == null || current.getVersion() == null ? "none" : current.getVersion().toString();
    LOG.info(
        () ->
            String.format(
                "Schema %s: %d migration(s) applied, now at version %s",
                schema, result.migrationsExecuted, version));
    return version;
  }
}
