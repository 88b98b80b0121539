package dev.spirit.storage.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The single-writer lock: an OS file lock on {@code spirit.lock} in the store directory, held while
 * the store is open, with the holder's pid written into the file for the error message of the next
 * opener. The OS drops the lock when the process dies, even by {@code kill -9}.
 *
 * <p>Directories locked by this JVM are also remembered in a set and checked first: POSIX releases
 * all of a process's locks on a file when any descriptor of it is closed, so a second opener in the
 * same JVM must not even open the lock file.
 */
final class DirectoryLock implements AutoCloseable {
  static final String FILE_NAME = "spirit.lock";
  private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

  private final Path key;
  private final FileChannel channel;
  private final FileLock lock;

  private DirectoryLock(Path key, FileChannel channel, FileLock lock) {
    this.key = key;
    this.channel = channel;
    this.lock = lock;
  }

  static DirectoryLock acquire(Path directory) throws IOException {
    Path key = directory.toRealPath();
    if (!HELD_IN_THIS_JVM.add(key)) {
      throw new StoreLockedException(directory.toString(), ProcessHandle.current().pid());
    }
    FileChannel channel = null;
    try {
      channel =
          FileChannel.open(
              directory.resolve(FILE_NAME),
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new StoreLockedException(directory.toString(), readPid(channel));
      }
      byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(pid), 0);
      channel.force(true);
      return new DirectoryLock(key, channel, lock);
    } catch (IOException | RuntimeException e) {
      HELD_IN_THIS_JVM.remove(key);
      if (channel != null) {
        channel.close();
      }
      throw e;
    }
  }

  private static long readPid(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(32);
      channel.read(buffer, 0);
      String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
      return Long.parseLong(text.strip());
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      if (lock.isValid()) {
        lock.release();
      }
      channel.close();
    } finally {
      HELD_IN_THIS_JVM.remove(key);
    }
  }
}
