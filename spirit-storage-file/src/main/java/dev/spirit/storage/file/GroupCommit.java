package dev.spirit.storage.file;

import dev.spirit.error.StorageException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: many writers, one force per group. It knows nothing of files; it hands batches to a
 * {@link Target} (in the store, the {@link SegmentFile}), which writes and forces each one.
 *
 * <p>Writers {@link #append} encoded frames into an in-memory queue and get a sequence number.
 * {@link #awaitDurable} returns once the frames up to a sequence number are forced. A writer that
 * finds no flush running flushes the whole queue itself: one {@link Target#writeAndForce} (so a
 * lone writer pays no thread hand-off). Writers that arrive while a flush runs register as waiters
 * and park. When a flush ends with waiters left, the log thread starts the next one at once with
 * everything that queued up meanwhile, and keeps doing so while writers wait, so the disk is not
 * idle while a writer waits for another thread to be scheduled (whoever gets there first, the log
 * thread or a newly arriving writer, flushes). Waking the writers a force covered is kept off that
 * path: when the log thread has the next batch already queued, it unparks only the first covered
 * writer, which unparks the others; writers not yet covered stay asleep (no thundering herd).
 *
 * <p><b>Short waits yield instead of parking.</b> Where a flush is quick (a few hundred
 * microseconds, as on an SSD), waking a parked thread costs about as much as the work of an insert
 * (measured at 8–10 µs per {@code unpark} on the benchmark machines, whose processors are virtual),
 * and with many writers those wake-ups, not the disk, limit the throughput. So a waiting writer
 * first gives its processor away with {@link Thread#yield} while it waits, for at most {@link
 * #MAX_YIELD_WAIT_NANOS} and only when the flushes it waits for are expected to end within that
 * time (from a running average of how long flushes take, see {@link #yieldBudgetNanos}); then it
 * parks ({@link FileStoreOptions#yieldWhileWaiting} turns this off). A yielding thread lets any
 * other thread that is ready to run go first, but keeps its processor busy while none is. On a slow
 * disk writers park at once.
 *
 * <p>In ASYNC mode (an async window given) nobody waits for a force; the log thread flushes what is
 * queued at least once per window.
 *
 * <p>A failure of the target is sticky: the log refuses everything afterwards (fail-stop), so no
 * later write can be acknowledged on top of a record that may be missing. Reopening the store
 * recovers.
 */
final class GroupCommit {
  private static final Logger LOG = LoggerFactory.getLogger(FileStore.class);

  private static final int INITIAL_BUFFER = 64 << 10;

  /** A waiting writer yields instead of parking for at most this long; see the class comment. */
  static final long MAX_YIELD_WAIT_NANOS = 1_000_000;

  /**
   * Where the batches go: written and forced one at a time, by one thread at a time (the group
   * commit's lock orders the calls).
   */
  interface Target {
    /**
     * Writes a batch after everything written before and forces it to stable storage; returns only
     * when it is durable.
     *
     * @param batch the frames, in its first {@code length} bytes
     * @param length how many bytes of {@code batch} to write; may be 0
     * @throws IOException if writing or forcing fails; the group commit then stops
     */
    void writeAndForce(byte[] batch, int length) throws IOException;

    /**
     * Starts a new segment; everything written before is durable.
     *
     * @return the new segment's number
     * @throws IOException if it fails; the group commit then stops
     */
    long roll() throws IOException;

    /**
     * Releases the files.
     *
     * @param trim whether the log ended cleanly (so unused preallocated space may be cut off)
     * @throws IOException if it fails
     */
    void close(boolean trim) throws IOException;
  }

  private final Path directory;
  private final Target target;
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

  /**
   * Starts the log thread; from now on only this object calls {@code target}.
   *
   * @param directory the store directory, for messages
   * @param target where batches are written and forced
   * @param asyncWindow null in SYNC mode (force only when someone waits); in ASYNC mode the longest
   *     time a queued frame waits for its force
   * @param yieldWhileWaiting whether waiting writers yield while flushes are quick
   */
  GroupCommit(
      Path directory, Target target, @Nullable Duration asyncWindow, boolean yieldWhileWaiting) {
    this.directory = directory;
    this.target = target;
    this.asyncWindowNanos = asyncWindow == null ? 0 : asyncWindow.toNanos();
    this.yieldWhileWaiting = yieldWhileWaiting;
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
        target.close(failure == null);
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
    long newSegment = 0;
    long started = System.nanoTime();
    try {
      target.writeAndForce(batch, length);
      if (rollAfter) {
        newSegment = target.roll();
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
      rolledTo = newSegment;
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
