package dev.spirit.storage.file;

import dev.spirit.error.StorageException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The append side of the log, with group commit by leader and followers.
 *
 * <p>Writers {@link #append} encoded frames into an in-memory queue and get a sequence number.
 * {@link #awaitDurable} returns once the frames up to a sequence number are forced to disk: the
 * first waiter that finds no flush running becomes the leader, takes the whole queue, writes it
 * with one {@code write} and one {@code fsync}, then wakes everyone it covered; writers that
 * arrived meanwhile queue up for the next flush, so N concurrent writers share about one force. A
 * lone writer leads its own flush without a thread hand-off.
 *
 * <p>Segments are written through {@link RandomAccessFile} and forced with {@link
 * java.io.FileDescriptor#sync()} ({@code fsync}), not through a {@code FileChannel}: the leader is
 * an application thread, and an interrupt that reaches a thread blocked in a {@code FileChannel}
 * closes the channel for everyone, which would stop the store whenever an application cancels a
 * request. Classic file I/O is not interruptible.
 *
 * <p>An I/O error is sticky: the log refuses everything afterwards (fail-stop), so no later write
 * can be acknowledged on top of a record that may be missing. Reopening the store recovers.
 */
final class SegmentLog {
  static final byte[] SEGMENT_HEADER = "SPIRIT-LOG 1\n".getBytes(StandardCharsets.US_ASCII);
  private static final int INITIAL_BUFFER = 64 << 10;

  private final Path directory;
  private final long segmentBytes;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition flushed = lock.newCondition();

  // guarded by lock
  private byte[] pending = new byte[INITIAL_BUFFER];
  private int pendingLength;
  private byte[] spare = new byte[INITIAL_BUFFER];
  private long appendedSeq;
  private boolean flushing;
  private boolean closed;

  private volatile long durableSeq;
  private volatile @Nullable Throwable failure;

  // touched only by the current leader (flushing == true) or before the log is shared
  private RandomAccessFile file;
  private long segmentNumber;
  private long size;

  SegmentLog(
      Path directory, long segmentBytes, long segmentNumber, RandomAccessFile file, long size) {
    this.directory = directory;
    this.segmentBytes = segmentBytes;
    this.segmentNumber = segmentNumber;
    this.file = file;
    this.size = size;
  }

  static String segmentName(long number) {
    return String.format(Locale.ROOT, "segment-%016d.log", number);
  }

  /** Creates a new segment durably: header written and forced, directory entry forced. */
  static RandomAccessFile createSegment(Path directory, long number) throws IOException {
    Path path = directory.resolve(segmentName(number));
    if (Files.exists(path)) {
      throw new FileAlreadyExistsException(path.toString());
    }
    RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw");
    try {
      file.write(SEGMENT_HEADER);
      file.getFD().sync();
      FileSupport.forceDirectory(directory);
      return file;
    } catch (IOException | RuntimeException e) {
      file.close();
      throw e;
    }
  }

  /** Queues a frame; returns its sequence number. */
  long append(byte[] frame) {
    lock.lock();
    try {
      throwIfUnusable();
      int need = pendingLength + frame.length;
      if (need > pending.length) {
        byte[] bigger = new byte[Math.max(need, pending.length * 2)];
        System.arraycopy(pending, 0, bigger, 0, pendingLength);
        pending = bigger;
      }
      System.arraycopy(frame, 0, pending, pendingLength, frame.length);
      pendingLength = need;
      return ++appendedSeq;
    } finally {
      lock.unlock();
    }
  }

  long appendedSeq() {
    lock.lock();
    try {
      return appendedSeq;
    } finally {
      lock.unlock();
    }
  }

  int pendingBytes() {
    lock.lock();
    try {
      return pendingLength;
    } finally {
      lock.unlock();
    }
  }

  /** Returns once every frame up to {@code seq} is on disk and forced. */
  void awaitDurable(long seq) {
    if (durableSeq >= seq) {
      throwIfFailed();
      return;
    }
    lock.lock();
    try {
      while (durableSeq < seq) {
        throwIfFailed();
        if (flushing) {
          flushed.awaitUninterruptibly();
        } else {
          lead(false);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Forces everything queued, then starts a new segment; for snapshots. The caller must keep other
   * writers out while it runs.
   *
   * @return the number of the new segment: every later record goes there or after
   */
  long roll() {
    lock.lock();
    try {
      while (flushing) {
        throwIfFailed();
        flushed.awaitUninterruptibly();
      }
      throwIfUnusable();
      lead(true);
      throwIfFailed();
      return segmentNumber;
    } finally {
      lock.unlock();
    }
  }

  /** Flushes everything queued and closes the segment. Idempotent. */
  void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      while (flushing) {
        flushed.awaitUninterruptibly();
      }
      if (failure == null && pendingLength > 0) {
        lead(false);
      }
      closed = true;
      file.close();
    } catch (IOException e) {
      throw new StorageException("cannot close the log of the file store at " + directory, e);
    } finally {
      lock.unlock();
    }
    throwIfFailed();
  }

  /** Called with the lock held and no flush running; returns with the lock held. */
  private void lead(boolean rollAfter) {
    flushing = true;
    byte[] batch = pending;
    int length = pendingLength;
    long upTo = appendedSeq;
    pending = spare;
    pendingLength = 0;
    lock.unlock();
    Throwable error = null;
    try {
      write(batch, length);
      if (rollAfter) {
        rollSegment();
      }
    } catch (Throwable e) { // NOPMD: any failure must stop the log, Errors included
      error = e;
    } finally {
      lock.lock();
    }
    spare = batch.length > 4 * INITIAL_BUFFER ? new byte[INITIAL_BUFFER] : batch;
    flushing = false;
    if (error != null) {
      failure = error;
    } else {
      durableSeq = upTo;
    }
    flushed.signalAll();
  }

  private void write(byte[] batch, int length) throws IOException {
    if (length == 0) {
      return;
    }
    if (size >= segmentBytes) {
      rollSegment();
    }
    file.seek(size);
    file.write(batch, 0, length);
    size += length;
    file.getFD().sync();
  }

  private void rollSegment() throws IOException {
    RandomAccessFile next = createSegment(directory, segmentNumber + 1);
    RandomAccessFile previous = file;
    file = next;
    segmentNumber++;
    size = SEGMENT_HEADER.length;
    previous.close();
  }

  private void throwIfUnusable() {
    throwIfFailed();
    if (closed) {
      throw new StorageException("the file store at " + directory + " is closed");
    }
  }

  private void throwIfFailed() {
    Throwable f = failure;
    if (f != null) {
      throw new StorageException(
          "writing the log of the file store at "
              + directory
              + " failed, so the store refuses further reads and writes; writes not yet"
              + " acknowledged may be lost, acknowledged ones are safe; reopen the store: "
              + f,
          f);
    }
  }
}
