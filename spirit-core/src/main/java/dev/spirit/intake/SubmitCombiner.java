package dev.spirit.intake;

import dev.spirit.submission.Receipt;
import dev.spirit.submission.SubmissionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Combines concurrent single submissions into batches (group commit, as a database does for its
 * log): a caller queues its request, and if fewer than {@link #LEADERS} batches are being stored it
 * becomes a leader, takes everything queued (its own request among it, at most {@link #MAX_BATCH})
 * and stores it with one {@code submitAll}; otherwise it waits for a leader to answer it. Nothing
 * waits for a batch to fill: a request that finds no one busy is stored at once, alone.
 *
 * <p>A batch that fails is retried one request at a time, so a failure reaches only the request
 * that causes it. A thread already storing a batch (a listener submitting from its callback) is not
 * queued behind itself: it stores its request directly.
 */
final class SubmitCombiner {
  /** The most requests stored in one batch. */
  static final int MAX_BATCH = 64;

  /** How many batches may be stored at the same time. */
  static final int LEADERS = 2;

  // A waiter parks at most this long before looking again: a leader unparks the waiters it
  // answers, so this only bounds the rare case of a request queued just as every leader finished.
  private static final long PARK_NANOS = 5_000_000;

  private final Function<List<SubmissionRequest>, List<Receipt>> store;
  private final ConcurrentLinkedQueue<Waiter> queue = new ConcurrentLinkedQueue<>();
  private final Semaphore leaders = new Semaphore(LEADERS);
  private final ThreadLocal<Boolean> leading = ThreadLocal.withInitial(() -> Boolean.FALSE);

  SubmitCombiner(Function<List<SubmissionRequest>, List<Receipt>> store) {
    this.store = store;
  }

  Receipt submit(SubmissionRequest request) {
    if (leading.get()) {
      return store.apply(List.of(request)).get(0);
    }
    Waiter me = new Waiter(request, Thread.currentThread());
    queue.add(me);
    while (!me.done) {
      if (leaders.tryAcquire()) {
        try {
          lead();
        } finally {
          leaders.release();
        }
        wakeNextIfQueued();
      } else {
        LockSupport.parkNanos(this, PARK_NANOS);
      }
    }
    return me.answer();
  }

  private void lead() {
    List<Waiter> batch = new ArrayList<>();
    Waiter next;
    while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
      batch.add(next);
    }
    if (batch.isEmpty()) {
      return;
    }
    leading.set(Boolean.TRUE);
    try {
      storeBatch(batch);
    } finally {
      leading.set(Boolean.FALSE);
      for (Waiter w : batch) {
        LockSupport.unpark(w.thread);
      }
    }
  }

  private void storeBatch(List<Waiter> batch) {
    List<SubmissionRequest> requests = new ArrayList<>(batch.size());
    for (Waiter w : batch) {
      requests.add(w.request);
    }
    List<Receipt> receipts;
    try {
      receipts = store.apply(requests);
    } catch (RuntimeException | Error failure) {
      if (batch.size() == 1) {
        batch.get(0).fail(failure);
        return;
      }
      // Nothing of a failed batch was answered: store each alone, so only the request that fails
      // sees the failure (a whole-batch failure, such as the database gone, reaches each).
      for (Waiter w : batch) {
        try {
          w.answer(store.apply(List.of(w.request)).get(0));
        } catch (RuntimeException | Error alone) {
          w.fail(alone);
        }
      }
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).answer(receipts.get(i));
    }
  }

  /** A request queued after the last leader looked would wait a park: wake its thread to lead. */
  private void wakeNextIfQueued() {
    Waiter head = queue.peek();
    if (head != null) {
      LockSupport.unpark(head.thread);
    }
  }

  /** One queued request and, once stored, its answer. */
  private static final class Waiter {
    final SubmissionRequest request;
    final Thread thread;
    private @Nullable Receipt receipt;
    private @Nullable Throwable failure;
    volatile boolean done;

    Waiter(SubmissionRequest request, Thread thread) {
      this.request = request;
      this.thread = thread;
    }

    void answer(Receipt r) {
      receipt = r;
      done = true;
    }

    void fail(Throwable t) {
      failure = t;
      done = true;
    }

    Receipt answer() {
      Throwable t = failure;
      if (t instanceof RuntimeException e) {
        throw e;
      }
      if (t instanceof Error e) {
        throw e;
      }
      Receipt r = receipt;
      if (r == null) {
        throw new IllegalStateException("answered without a receipt");
      }
      return r;
    }
  }
}
