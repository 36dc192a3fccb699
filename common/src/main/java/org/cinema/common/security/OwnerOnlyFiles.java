package org.cinema.common.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders only their owner may read: folders {@code rwx------}, files {@code rw-------}.
 * They are created with those permissions (no moment in which another user could open them), and
 * one found more open is tightened. On a file system without POSIX permissions (Windows) they are
 * made as usual.
 */
public final class OwnerOnlyFiles {

  private static final Set<PosixFilePermission> FOLDER =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private OwnerOnlyFiles() {}

  /**
   * Makes {@code dir} (and any missing parent) owner-only, or tightens it if it is there already.
   * Parents that already exist are left as they are.
   */
  public static Path folder(Path dir) throws IOException {
    if (!POSIX) {
      return Files.createDirectories(dir);
    }
    if (Files.isDirectory(dir)) {
      tighten(dir, FOLDER);
    } else {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(FOLDER));
    }
    return dir;
  }

  /**
   * Writes a new owner-only file; fails with {@link java.nio.file.FileAlreadyExistsException} if it
   * is there already (so processes starting together keep the first one's content).
   */
  public static void writeNew(Path file, String content) throws IOException {
    FileAttribute<?>[] attributes =
        POSIX
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
            : new FileAttribute<?>[0];
    try (var channel =
        Files.newByteChannel(
            file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
      ByteBuffer bytes = StandardCharsets.UTF_8.encode(content);
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    }
  }

  /** Takes away whatever group and others may do with an existing {@code file}. */
  public static void tighten(Path file) throws IOException {
    if (POSIX) {
      tighten(file, FILE);
    }
  }

  private static void tighten(Path path, Set<PosixFilePermission> wanted) throws IOException {
    if (!Files.getPosixFilePermissions(path).equals(wanted)) {
      Files.setPosixFilePermissions(path, wanted);
    }
  }
}
