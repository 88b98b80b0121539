package dev.spirit.storage.file;

import com.sun.nio.file.ExtendedOpenOption;
import dev.spirit.error.StorageException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append side of the log, with pipelined group commit.
 *
 * <p>Writers {@link #append} encoded frames into an in-memory queue and get a sequence number.
 * {@link #awaitDurable} returns once the frames up to a sequence number are forced. A writer that
 * finds no flush running flushes the whole queue itself: one {@code write} (one per MiB for a
 * bigger queue), one {@code fdatasync} (so a lone writer pays no thread hand-off). Writers that
 * arrive while a flush runs register as waiters and park. When a flush ends with waiters left, the
 * store's log thread starts the next one at once with everything that queued up meanwhile, and
 * keeps doing so while writers wait, so the disk is not idle while a writer waits for another
 * thread to be scheduled (whoever gets there first, the log thread or a newly arriving writer,
 * flushes). Waking the writers a force covered is kept off that path: when the log thread has the
 * next batch already queued, it unparks only the first covered writer, which unparks the others;
 * writers not yet covered stay asleep (no thundering herd).
 *
 * <p><b>Short waits yield instead of parking.</b> Where a flush is quick (a few hundred
 * microseconds, as on an SSD), waking a parked thread costs about as much as the work of an insert
 * (measured at 8–10 µs per {@code unpark} on the benchmark machines, whose processors are virtual),
 * and with many writers those wake-ups, not the disk, limit the throughput. So a waiting writer
 * first gives its processor away with {@link Thread#yield} while it waits, for at most {@link
 * #MAX_YIELD_WAIT_NANOS} and only when the flushes it waits for are expected to end within that
 * time (from a running average of how long flushes take); then it parks ({@link
 * FileStoreOptions#yieldWhileWaiting} turns this off). A yielding thread lets any other thread that
 * is ready to run go first, but keeps its processor busy while none is. On a slow disk writers park
 * at once.
 *
 * <p><b>Aligned writes.</b> A batch is written in whole blocks, starting with the partial block the
 * previous batch ended in, whose bytes are kept in memory, and padded with zeros (the preallocated
 * space holds zeros there anyway). That is what direct I/O ({@code O_DIRECT}) needs, and with it
 * the data goes straight to the device instead of through the page cache, so the {@code fdatasync}
 * that follows has only the device cache to flush: on the machines Spirit is measured on, commits
 * are markedly cheaper (see "Run with direct I/O" in {@code
 * docs/notes/2026-11-benchmark-notebook.md}). Where the file system refuses {@code O_DIRECT} (or
 * {@link FileStoreOptions#directIo()} is off) the same aligned writes go through the page cache.
 *
 * <p><b>Interrupts.</b> Writes and forces go through a {@link FileChannel}, which an interrupt
 * closes, and a writer thread may flush; so each operation holds the interrupt back and, should the
 * channel still be closed by one, reopens the file and repeats the operation, which is idempotent
 * (see {@link #onChannel}). An application that interrupts its threads cannot stop the store.
 *
 * <p><b>Preallocation.</b> A segment grows in {@link #PREALLOCATION_CHUNK}-sized chunks of zeros,
 * written and forced together with the batch that first needs them, so most commits overwrite
 * blocks that are already allocated and inside the file size: their {@code fdatasync} has no file
 * size or block map to update, only the data. A closed (or rolled) segment is trimmed back to its
 * last record. After a crash, the unused zeros of a segment whose length is a whole number of
 * chunks are recognised as preallocated space, not as a torn write (see {@link #unusedSpaceStart}).
 *
 * <p>An I/O error is sticky: the log refuses everything afterwards (fail-stop), so no later write
 * can be acknowledged on top of a record that may be missing. Reopening the store recovers.
 */
final class SegmentLog {
  private static final Logger LOG = LoggerFactory.getLogger(FileStore.class);
  static final byte[] SEGMENT_HEADER = "SPIRIT-LOG 1\n".getBytes(StandardCharsets.US_ASCII);

  /** Segments are extended by this many zero bytes at a time, to a multiple of it. */
  static final int PREALLOCATION_CHUNK = 256 << 10;

  private static final int INITIAL_BUFFER = 64 << 10;

  /** Size of the aligned buffer a batch is written through (a bigger batch takes several). */
  private static final int WRITE_BUFFER = 1 << 20;

  /** Block alignment of the writes; a multiple of the file system's block size if direct. */
  private static final int DEFAULT_ALIGNMENT = 4096;

  /** Largest block size direct I/O is used with; the padding of a write is shorter. */
  private static final int MAX_ALIGNMENT = 64 << 10;

  private static final byte[] PADDING = new byte[MAX_ALIGNMENT];

  /** A waiting writer yields instead of parking for at most this long; see the class comment. */
  static final long MAX_YIELD_WAIT_NANOS = 1_000_000;

  private final Path directory;
  private final long segmentBytes;
  private final long asyncWindowNanos;
  private final boolean yieldWhileWaiting;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private final Condition rolled = lock.newCondition();
  private final Thread thread;

  // guarded by lock
  private byte[] pending = new byte[INITIAL_BUFFER];
  private int pendingLength;
  private byte[] spare = new byte[INITIAL_BUFFER];
  private long appendedSeq;
  private long requestedSeq;
  private final List<Waiter> waiters = new ArrayList<>();
  private boolean flushing;
  private boolean closing;
  private boolean stopped;
  private long rollsRequested;
  private long rollsDone;
  private long rolledTo;

  private volatile long durableSeq;
  // running average of how long a flush (write and force) takes; written under the lock
  private volatile long flushNanos;
  private volatile @Nullable Throwable failure;

  // touched only by the flushing thread (one at a time; the lock orders them)
  private FileChannel channel;
  private final boolean direct;
  private final int alignment;
  // aligned; holds the segment's bytes from blockStart to size, the last partial block
  private final ByteBuffer block;
  private @Nullable ByteBuffer zeros;
  private long segmentNumber;
  private long blockStart;
  private long size;
  private long allocated;

  /**
   * Takes over the open tail segment and starts the log thread.
   *
   * @param asyncWindow null in SYNC mode (force only when someone waits); in ASYNC mode the longest
   *     time a queued frame waits for its force
   * @param file the tail segment, read for its last partial block and then closed
   * @param directIo whether to try direct I/O
   * @param yieldWhileWaiting whether waiting writers yield while flushes are quick
   */
  SegmentLog(
      Path directory,
      long segmentBytes,
      @Nullable Duration asyncWindow,
      long segmentNumber,
      RandomAccessFile file,
      long size,
      boolean directIo,
      boolean yieldWhileWaiting)
      throws IOException {
    this.yieldWhileWaiting = yieldWhileWaiting;
    this.directory = directory;
    this.segmentBytes = segmentBytes;
    this.asyncWindowNanos = asyncWindow == null ? 0 : asyncWindow.toNanos();
    this.segmentNumber = segmentNumber;
    this.size = size;
    Path path = directory.resolve(segmentName(segmentNumber));
    int directAlignment = directIo ? directAlignment(path) : 0;
    FileChannel opened = directAlignment > 0 ? openDirect(path) : null;
    this.direct = opened != null;
    this.alignment = opened != null ? directAlignment : DEFAULT_ALIGNMENT;
    this.block = ByteBuffer.allocateDirect(WRITE_BUFFER + alignment).alignedSlice(alignment);
    this.blockStart = size - size % alignment;
    try (file) {
      this.allocated = Math.max(size, file.length());
      byte[] tail = new byte[(int) (size - blockStart)];
      file.seek(blockStart);
      file.readFully(tail);
      block.put(0, tail);
      this.channel = opened != null ? opened : openChannel(path, false);
    } catch (IOException | RuntimeException e) {
      if (opened != null) {
        opened.close();
      }
      throw e;
    }
    this.thread = new Thread(this::run, "spirit-file-log " + directory);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Whether waiting writers yield before they park ({@link FileStoreOptions#yieldWhileWaiting}).
   */
  boolean yieldsWhileWaiting() {
    return yieldWhileWaiting;
  }

  /** Whether the log is written with direct I/O (the file system accepted {@code O_DIRECT}). */
  boolean writesDirect() {
    return direct;
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

  /**
   * Where the unused, preallocated space at the end of a segment starts, for recovery: a segment
   * whose length is a whole number of {@link #PREALLOCATION_CHUNK}s was preallocated by an open
   * store that did not get to trim it, so the zero bytes at its end were never written. Any other
   * length means the file was trimmed (closed cleanly) or never preallocated; then every byte
   * counts.
   *
   * @param buf the whole segment in its first {@code length} bytes
   * @param from where the intact frames end
   * @param length the segment's length
   * @return the offset after the last non-zero byte at or after {@code from} if the segment is
   *     preallocated, otherwise {@code length}
   */
  static int unusedSpaceStart(byte[] buf, int from, int length) {
    if (length % PREALLOCATION_CHUNK != 0) {
      return length;
    }
    int end = length;
    while (end > from && buf[end - 1] == 0) {
      end--;
    }
    return end;
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

  /**
   * Returns once every frame up to {@code seq} is on disk and forced. If no flush is running, the
   * caller writes and forces the queue itself (no hand-off to wait for); otherwise it parks until
   * the flush that covers it, which the log thread starts as soon as the running one ends.
   */
  void awaitDurable(long seq) {
    // A record forced before a failure is acknowledged: the failure did not touch it.
    if (durableSeq >= seq) {
      return;
    }
    Waiter self;
    lock.lock();
    try {
      while (true) {
        if (durableSeq >= seq) {
          return;
        }
        throwIfFailed();
        if (stopped) {
          throw new StorageException("the file store at " + directory + " is closed");
        }
        if (flushing) {
          break;
        }
        flushBatch(false);
        if (failure == null
            && (requestedSeq > durableSeq || closing || rollsRequested > rollsDone)) {
          // Others queued while this thread flushed: the log thread takes over at once.
          work.signal();
        }
      }
      self = new Waiter(Thread.currentThread(), seq);
      waiters.add(self);
      if (seq > requestedSeq) {
        requestedSeq = seq;
      }
    } finally {
      lock.unlock();
    }
    yieldWhileShort(self);
    boolean interrupted = false;
    while (!self.done) {
      LockSupport.park(this);
      interrupted |= Thread.interrupted();
    }
    self.wakeOthers();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (durableSeq < seq) {
      throwIfFailed();
    }
  }

  /**
   * Yields the processor until {@code self} is done, if its wait is expected to be short: a writer
   * that registers while a flush runs is covered by the next one, so it waits up to two flushes.
   * Parking and being unparked costs more than the yields when flushes are quick; see the class
   * comment.
   */
  @SuppressWarnings("ThreadPriorityCheck") // measured: class comment, docs/performance.md
  private void yieldWhileShort(Waiter self) {
    long budget = yieldWhileWaiting ? yieldBudgetNanos(flushNanos) : 0;
    if (budget == 0) {
      return;
    }
    long deadline = System.nanoTime() + budget;
    while (!self.done && System.nanoTime() - deadline < 0) {
      Thread.yield();
    }
  }

  /**
   * How long a waiter yields before it parks, given how long flushes take on average: four times
   * the expected wait of two flushes (a wait is sometimes longer than average), at most {@link
   * #MAX_YIELD_WAIT_NANOS}; none if two flushes take longer than that, or nothing is known yet.
   */
  static long yieldBudgetNanos(long averageFlushNanos) {
    long expected = 2 * averageFlushNanos;
    if (expected <= 0 || expected > MAX_YIELD_WAIT_NANOS) {
      return 0;
    }
    return Math.min(MAX_YIELD_WAIT_NANOS, 4 * expected);
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
      throwIfUnusable();
      long ticket = ++rollsRequested;
      work.signal();
      while (rollsDone < ticket) {
        throwIfFailed();
        rolled.awaitUninterruptibly();
      }
      return rolledTo;
    } finally {
      lock.unlock();
    }
  }

  /** Flushes everything queued, trims and closes the segment, stops the log thread. Idempotent. */
  void close() {
    lock.lock();
    try {
      closing = true;
      work.signal();
    } finally {
      lock.unlock();
    }
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    throwIfFailed();
  }

  // ---- the log thread -------------------------------------------------------------------------

  private void run() {
    lock.lock();
    try {
      long nextTimedFlush = System.nanoTime() + asyncWindowNanos;
      while (failure == null) {
        boolean rollWanted = rollsRequested > rollsDone;
        boolean demanded = requestedSeq > durableSeq || rollWanted || closing;
        boolean timed = asyncWindowNanos > 0 && System.nanoTime() - nextTimedFlush >= 0;
        if (flushing) {
          // A writer is flushing; it signals when it is done and more is wanted.
          if (asyncWindowNanos > 0) {
            work.awaitNanos(asyncWindowNanos);
          } else {
            work.awaitUninterruptibly();
          }
        } else if ((pendingLength > 0 && (demanded || timed)) || rollWanted) {
          flushBatch(rollWanted);
          nextTimedFlush = System.nanoTime() + asyncWindowNanos;
        } else if (closing) {
          break;
        } else if (asyncWindowNanos > 0) {
          long wait = nextTimedFlush - System.nanoTime();
          if (wait > 0) {
            work.awaitNanos(wait);
          } else {
            nextTimedFlush = System.nanoTime() + asyncWindowNanos;
          }
        } else {
          work.awaitUninterruptibly();
        }
      }
    } catch (InterruptedException e) {
      failure = e;
    } finally {
      try {
        closeSegment();
      } catch (IOException | RuntimeException e) {
        if (failure == null) {
          failure = e;
        }
      }
      Throwable f = failure;
      if (f != null) {
        LOG.error("file store {}: writing the log failed; the store has stopped", directory, f);
      }
      stopped = true;
      wakeAll();
      lock.unlock();
    }
  }

  /** Called with the lock held and no flush running; returns with the lock held. */
  private void flushBatch(boolean rollAfter) {
    flushing = true;
    byte[] batch = pending;
    int length = pendingLength;
    long upTo = appendedSeq;
    long rollTicket = rollsRequested;
    pending = spare;
    pendingLength = 0;
    lock.unlock();
    Throwable error = null;
    long started = System.nanoTime();
    try {
      write(batch, length);
      if (rollAfter) {
        rollSegment();
      }
    } catch (Throwable e) { // NOPMD: any failure must stop the log, Errors included
      error = e;
    }
    lock.lock();
    spare = batch.length > 4 * INITIAL_BUFFER ? new byte[INITIAL_BUFFER] : batch;
    flushing = false;
    if (error != null) {
      failure = error;
      wakeAll();
      work.signal(); // the log thread stops
      return;
    }
    durableSeq = upTo;
    long took = System.nanoTime() - started;
    long average = flushNanos;
    flushNanos = average == 0 ? took : average + (took - average) / 8;
    if (rollAfter) {
      rollsDone = rollTicket;
      rolledTo = segmentNumber;
      rolled.signalAll();
    }
    List<Waiter> covered = takeCovered(upTo);
    if (covered.isEmpty()) {
      return;
    }
    // When the log thread has the next batch already queued, the first covered writer wakes the
    // others, so that the next write starts at once. A writer that flushed (it is about to return
    // anyway), or the log thread with nothing queued, wakes them all itself: a chain of wake-ups
    // would only add latency.
    Waiter first = covered.get(0);
    boolean delegate = Thread.currentThread() == thread && pendingLength > 0 && covered.size() > 1;
    for (int i = 1; i < covered.size(); i++) {
      covered.get(i).done = true;
    }
    if (delegate) {
      first.others = covered.subList(1, covered.size());
    }
    first.done = true;
    // Unpark outside the lock, so the woken writers do not block on it at once.
    lock.unlock();
    if (delegate) {
      LockSupport.unpark(first.thread);
    } else {
      for (Waiter w : covered) {
        LockSupport.unpark(w.thread);
      }
    }
    lock.lock();
  }

  /** Removes the waiters up to {@code seq}, in the order they started waiting. */
  private List<Waiter> takeCovered(long seq) {
    List<Waiter> covered = new ArrayList<>();
    int kept = 0;
    for (int i = 0; i < waiters.size(); i++) {
      Waiter w = waiters.get(i);
      if (w.seq <= seq) {
        covered.add(w);
      } else {
        waiters.set(kept++, w);
      }
    }
    waiters.subList(kept, waiters.size()).clear();
    return covered;
  }

  private void wakeAll() {
    for (Waiter w : waiters) {
      w.done = true;
      LockSupport.unpark(w.thread);
    }
    waiters.clear();
    rolled.signalAll();
  }

  /**
   * Writes a batch after the last record: rolls over first if the segment is full, preallocates
   * what the batch needs, then writes it in whole aligned blocks, the partial block it starts in
   * included (its bytes are kept in {@link #block}). The padding past the batch is zeros, which the
   * preallocated space holds there anyway.
   */
  private void write(byte[] batch, int length) throws IOException {
    if (length == 0) {
      return;
    }
    if (size >= segmentBytes) {
      rollSegment();
    }
    long end = size + length;
    if (roundUp(end) > allocated) {
      preallocate(end);
    }
    int offset = 0;
    while (offset < length) {
      int kept = (int) (size - blockStart);
      int n = Math.min(length - offset, block.capacity() - kept);
      block.put(kept, batch, offset, n);
      int used = kept + n;
      int padded = (int) roundUp(used);
      block.put(used, PADDING, 0, padded - used);
      ByteBuffer whole = block.duplicate().position(0).limit(padded);
      long at = blockStart;
      onChannel(c -> FileSupport.writeFully(c, whole.duplicate(), at));
      size += n;
      offset += n;
      long nextBlockStart = size - size % alignment;
      int carry = (int) (size - nextBlockStart);
      if (nextBlockStart != blockStart) {
        block.put(0, block, (int) (nextBlockStart - blockStart), carry);
        blockStart = nextBlockStart;
      }
    }
    onChannel(c -> c.force(false));
  }

  private long roundUp(long position) {
    return (position + alignment - 1) / alignment * alignment;
  }

  /**
   * Extends the segment with zeros to the next chunk boundary past {@code end}; the force of the
   * batch that follows makes them durable with it. The zeros start at the first whole block not yet
   * allocated (the batch's own padded write covers a partial one). If the disk is full, the zeros
   * written so far are cut off again before the failure is reported.
   */
  private void preallocate(long end) throws IOException {
    long target = (end / PREALLOCATION_CHUNK + 1) * PREALLOCATION_CHUNK;
    ByteBuffer source = zeros;
    if (source == null) {
      source = ByteBuffer.allocateDirect(PREALLOCATION_CHUNK + alignment).alignedSlice(alignment);
      source.limit(PREALLOCATION_CHUNK);
      zeros = source;
    }
    ByteBuffer chunk = source;
    try {
      for (long from = roundUp(allocated); from < target; ) {
        long at = from;
        int n = (int) Math.min(PREALLOCATION_CHUNK, target - at);
        onChannel(c -> FileSupport.writeFully(c, chunk.duplicate().position(0).limit(n), at));
        from += n;
      }
    } catch (IOException e) {
      try {
        onChannel(c -> c.truncate(size));
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    allocated = target;
  }

  /** One operation on the segment's channel; see {@link #onChannel}. */
  private interface ChannelOperation {
    void apply(FileChannel channel) throws IOException;
  }

  /**
   * Runs an operation on the segment's channel so that an interrupt cannot stop it. Only a {@link
   * FileChannel} offers {@code fdatasync} and direct I/O, and an interrupt that reaches a thread
   * blocked in one closes it. A writer thread may flush, so the interrupt is held back meanwhile;
   * if one still closes the channel, it is reopened and the operation repeated (every operation
   * here is idempotent: a write of the same bytes to the same place, a force, a truncate; {@code
   * fdatasync} covers every write to the file, through whichever descriptor).
   */
  private void onChannel(ChannelOperation operation) throws IOException {
    boolean interrupted = Thread.interrupted();
    try {
      while (true) {
        try {
          operation.apply(channel);
          return;
        } catch (ClosedByInterruptException e) {
          interrupted |= Thread.interrupted();
          channel = openChannel(directory.resolve(segmentName(segmentNumber)), direct);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static FileChannel openChannel(Path path, boolean direct) throws IOException {
    OpenOption[] options =
        direct
            ? new OpenOption[] {StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT}
            : new OpenOption[] {StandardOpenOption.WRITE};
    return FileChannel.open(path, options);
  }

  /**
   * Opens a segment for direct I/O (no copy through the page cache, so a force has only the device
   * cache to flush), or returns null where the file system does not offer it.
   */
  private static @Nullable FileChannel openDirect(Path path) {
    try {
      return openChannel(path, true);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.debug("no direct I/O for {}, writing through the page cache: {}", path, e.toString());
      return null;
    }
  }

  /** The alignment direct I/O needs on the file system of {@code path}, or 0 if unknown. */
  private static int directAlignment(Path path) {
    try {
      long blockSize = Files.getFileStore(path).getBlockSize();
      if (blockSize <= 0 || blockSize > MAX_ALIGNMENT || Long.bitCount(blockSize) != 1) {
        return 0;
      }
      return (int) Math.max(blockSize, DEFAULT_ALIGNMENT);
    } catch (IOException | UnsupportedOperationException e) {
      return 0;
    }
  }

  private void rollSegment() throws IOException {
    Path next = directory.resolve(segmentName(segmentNumber + 1));
    createSegment(directory, segmentNumber + 1).close();
    trim();
    FileChannel opened = openChannel(next, direct);
    FileChannel previous = channel;
    channel = opened;
    segmentNumber++;
    size = SEGMENT_HEADER.length;
    allocated = size;
    blockStart = 0;
    block.put(0, SEGMENT_HEADER);
    previous.close();
  }

  /** Cuts the unused preallocated zeros off the segment (a crash before this is harmless). */
  private void trim() throws IOException {
    if (allocated > size) {
      onChannel(c -> c.truncate(size));
      onChannel(c -> c.force(false));
      allocated = size;
    }
  }

  private void closeSegment() throws IOException {
    try {
      if (failure == null) {
        trim();
      }
    } finally {
      channel.close();
    }
  }

  // ---- errors ---------------------------------------------------------------------------------

  private void throwIfUnusable() {
    throwIfFailed();
    if (closing) {
      throw new StorageException("the file store at " + directory + " is closed");
    }
  }

  private void throwIfFailed() {
    Throwable f = failure;
    if (f == null) {
      return;
    }
    if (StoreFullException.isDiskFull(f)) {
      throw new StoreFullException(directory.toString(), f);
    }
    throw new StorageException(
        "writing the log of the file store at "
            + directory
            + " failed, so the store refuses further reads and writes; writes not yet"
            + " acknowledged may be lost, acknowledged ones are safe; reopen the store: "
            + f,
        f);
  }

  /** A thread parked in {@link #awaitDurable}. */
  private static final class Waiter {
    final Thread thread;
    final long seq;
    volatile boolean done;
    // set before done; the first covered waiter wakes these
    @Nullable List<Waiter> others;

    Waiter(Thread thread, long seq) {
      this.thread = thread;
      this.seq = seq;
    }

    void wakeOthers() {
      List<Waiter> o = others;
      if (o != null) {
        others = null;
        for (Waiter w : o) {
          LockSupport.unpark(w.thread);
        }
      }
    }
  }
}
