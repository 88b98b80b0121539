package dev.spirit.storage.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** File-system helpers. */
final class FileSupport {
  private FileSupport() {}

  /** Makes the directory's entries (created, renamed, deleted files) durable. */
  static void forceDirectory(Path directory) throws IOException {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    }
  }
}
