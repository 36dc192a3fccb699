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
