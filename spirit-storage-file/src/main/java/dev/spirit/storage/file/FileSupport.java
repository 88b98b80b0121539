package dev.spirit.storage.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** File-system helpers. */
final class FileSupport {
  private FileSupport() {}

  /**
   * Writes all that remains of {@code buffer} at {@code position}: a positional write may write
   * less than it is given.
   *
   * @return the position after the bytes written
   */
  static long writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      at += channel.write(buffer, at);
    }
    return at;
  }

  /** Makes the directory's entries (created, renamed, deleted files) durable. */
  static void forceDirectory(Path directory) throws IOException {
    // A directory can only be forced through a FileChannel, which an interrupt closes; the
    // channel is private to this call, so retry with the interrupt held back, then restore it.
    boolean interrupted = false;
    try {
      while (true) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
          dir.force(true);
          return;
        } catch (ClosedByInterruptException e) {
          interrupted |= Thread.interrupted();
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
