package org.cinema.it.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.cinema.common.db.SchemaMigrator;
import org.cinema.common.security.PemKeys;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The token key pair the billing deployment signs with (in {@code it.jwt.dir}), and one real
 * PostgreSQL for the whole integration-test run, started before Arquillian boots any Payara Micro
 * (which connect to it on {@code it.db.port}) and stopped at the end. Each container of {@code
 * arquillian.xml} gets a database of its own; the ETL's is migrated here by both schema owners'
 * scripts, as the other two deployables would have done in a running system.
 */
public final class TestDatabase implements LauncherSessionListener {

  public static final String BILLING = "billing_it";
  public static final String ADMIN = "admin_it";
  public static final String ETL = "etl_it";
  public static final String EAR = "ear_it";
  public static final String STRIPE = "stripe_it";
  public static final String CLUSTER = "cluster_it";

  private static EmbeddedPostgres postgres;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String port = System.getProperty("it.db.port");
    if (port == null || postgres != null) {
      return; // not an integration-test run (or already started)
    }
    try {
      PemKeys.ensureKeyPair(Path.of(System.getProperty("it.jwt.dir")));
      postgres = EmbeddedPostgres.builder().setPort(Integer.parseInt(port)).start();
      for (String database : new String[] {BILLING, ADMIN, ETL, EAR, STRIPE, CLUSTER}) {
        execute(postgres.getPostgresDatabase(), "create database " + database);
      }
      ClassLoader loader = TestDatabase.class.getClassLoader();
      SchemaMigrator.migrate(dataSource(ETL), "content", loader, "classpath:db/migration/content");
      SchemaMigrator.migrate(dataSource(ETL), "billing", loader, "classpath:db/migration/billing");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    SharedMicro.stopAll();
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        postgres = null;
      }
    }
  }

  /** The JDBC URL under which the servers reach {@code database}. */
  public static String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + System.getProperty("it.db.port") + "/" + database;
  }

  public static DataSource dataSource(String database) {
    if (postgres == null) {
      throw new IllegalStateException("The test database runs only under failsafe (mvn verify)");
    }
    return postgres.getDatabase("postgres", database);
  }

  private static void execute(DataSource dataSource, String sql) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
