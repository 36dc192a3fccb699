package org.cinema.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

  @TempDir Path dir;

  @Test
  void embedsTheMajorVersionItNamesAndOpensItsOwnDataFolderAgain() throws Exception {
    Path data = dir.resolve("postgres");
    int port = freePort();
    try (EmbeddedDatabase database = EmbeddedDatabase.start(data, port)) {
      LauncherSettings.Database connection = database.connection();
      try (Connection c =
              DriverManager.getConnection(
                  connection.url(), connection.user(), connection.password());
          ResultSet version = c.createStatement().executeQuery("show server_version")) {
        version.next();
        assertThat(version.getString(1)).startsWith(EmbeddedDatabase.MAJOR + ".");
      }
    }
    assertThat(Files.readString(data.resolve("PG_VERSION")).strip())
        .isEqualTo(EmbeddedDatabase.MAJOR);
    EmbeddedDatabase.refuseAnotherMajor(data);
  }

  /**
   * A payment the API answered for is committed; a PostgreSQL that dies right after (the machine
   * loses power, the kernel kills it) must still have it when it comes back. zonky's default,
   * {@code synchronous_commit = off}, answers a commit before its WAL is on disk.
   */
  @Test
  void aCommitSurvivesTheDatabaseBeingKilledRightAfterIt() throws Exception {
    Path data = dir.resolve("postgres");
    int port = freePort();
    EmbeddedDatabase database = EmbeddedDatabase.start(data, port);
    LauncherSettings.Database connection = database.connection();
    try (Connection c =
        DriverManager.getConnection(connection.url(), connection.user(), connection.password())) {
      c.createStatement().execute("create table paid (id int primary key)");
      c.createStatement().execute("checkpoint");
      c.createStatement().executeUpdate("insert into paid values (1)");
      killEveryPostgresProcess(data);
    }
    try {
      database.close();
    } catch (IOException | RuntimeException alreadyDead) {
      // pg_ctl finds no server to stop
    }
    try (EmbeddedDatabase again = EmbeddedDatabase.start(data, port);
        Connection c =
            DriverManager.getConnection(
                again.connection().url(), connection.user(), connection.password());
        ResultSet rows = c.createStatement().executeQuery("select count(*) from paid")) {
      rows.next();
      assertThat(rows.getInt(1)).as("rows committed before the kill").isEqualTo(1);
    }
  }

  /**
   * Enough memory for a renewal day: shared buffers that hold the billing tables' working set and
   * WAL room for a pass without a checkpoint in the middle of it (docs/benchmarks.md, renewals).
   */
  @Test
  void itsMemoryAndWalRoomFitABillingDay() throws Exception {
    try (EmbeddedDatabase database = EmbeddedDatabase.start(dir.resolve("postgres"), freePort());
        Connection c =
            DriverManager.getConnection(
                database.connection().url(),
                database.connection().user(),
                database.connection().password())) {
      assertThat(setting(c, "shared_buffers")).isEqualTo("512MB");
      assertThat(setting(c, "max_wal_size")).isEqualTo("4GB");
      assertThat(setting(c, "synchronous_commit")).isEqualTo("on");
    }
  }

  private static String setting(Connection c, String name) throws Exception {
    try (ResultSet value = c.createStatement().executeQuery("show " + name)) {
      value.next();
      return value.getString(1);
    }
  }

  /** SIGKILL to the postmaster and all its children at once: nothing gets to flush. */
  private static void killEveryPostgresProcess(Path data) throws IOException {
    long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0));
    ProcessHandle server = ProcessHandle.of(postmaster).orElseThrow();
    List<ProcessHandle> children = server.children().toList();
    server.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
  }

  @Test
  void aDataFolderMadeByAnotherMajorIsRefusedWithWhatToDo() throws Exception {
    Path data = Files.createDirectories(dir.resolve("old"));
    Files.writeString(data.resolve("PG_VERSION"), "14\n");

    assertThatThrownBy(() -> EmbeddedDatabase.start(data, freePort()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("made by PostgreSQL 14")
        .hasMessageContaining("embeds PostgreSQL " + EmbeddedDatabase.MAJOR)
        .hasMessageContaining("pg_dump");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
