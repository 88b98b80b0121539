package dev.spirit.examples.cli;

import dev.spirit.error.LeaseException;
import dev.spirit.error.NotFoundException;
import dev.spirit.error.SpiritException;
import dev.spirit.review.ReviewDecision;
import dev.spirit.review.ReviewFilter;
import dev.spirit.review.ReviewQueue;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The items one moderator holds leases on during a {@code spirit review} run: claimed a page at a
 * time, renewed while the moderator works ({@link #renewAll}, called from a timer), decided with
 * the lease, and released when the run ends however it ends ({@link #close}, also from a shutdown
 * hook on Ctrl-C). Thread-safe: the timer, the shutdown hook and the reading thread share it, and
 * every operation on the held items is serialised so that a renewal never races a decision.
 */
final class ClaimedItems implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClaimedItems.class);

  private final ReviewQueue queue;
  private final ReviewFilter filter;
  private final String moderator;

  /** Items claimed and not yet decided, with their newest stored state (a renewal changes it). */
  private final Map<SubmissionId, Submission> held = new LinkedHashMap<>();

  private boolean closed;

  ClaimedItems(ReviewQueue queue, ReviewFilter filter, String moderator) {
    this.queue = queue;
    this.filter = filter;
    this.moderator = moderator;
  }

  /**
   * Claims the next page of free items.
   *
   * @param max at most this many
   * @return the claimed items, oldest first; empty when nothing is free
   */
  synchronized List<Submission> claimPage(int max) {
    if (closed) {
      return List.of();
    }
    List<Submission> page = queue.claimNext(filter, moderator, max);
    page.forEach(s -> held.put(s.id(), s));
    return page;
  }

  /**
   * Decides about one held item with its lease.
   *
   * @param id the item
   * @param decision the decision
   * @param reason why
   * @return the stored submission
   * @throws SpiritException if refused: {@link LeaseException} when the lease lapsed or was lost
   */
  synchronized Submission decide(SubmissionId id, ReviewDecision decision, String reason) {
    Submission current = held.get(id);
    if (current == null) {
      throw new LeaseException(
          LeaseException.Reason.NOT_CLAIMED,
          "submission " + id + " is no longer claimed by " + moderator + "; its lease was lost");
    }
    Submission decided = queue.decide(id, current.version(), moderator, decision, reason);
    held.remove(id);
    return decided;
  }

  /**
   * Renews the lease of every held item. An item whose lease was lost (it lapsed while the machine
   * slept, and someone else took it) is dropped; a later decision on it is refused with a clear
   * message.
   *
   * @return how many leases were renewed
   */
  synchronized int renewAll() {
    int renewed = 0;
    for (Map.Entry<SubmissionId, Submission> e : new ArrayList<>(held.entrySet())) {
      try {
        e.setValue(queue.renew(e.getKey(), moderator));
        renewed++;
      } catch (LeaseException | NotFoundException lost) {
        LOG.info("lease on {} lost: {}", e.getKey(), lost.getMessage());
        held.remove(e.getKey());
      } catch (SpiritException failed) {
        // The store failed or the item changed: keep it, the next round tries again.
        LOG.warn("cannot renew the lease on {}: {}", e.getKey(), failed.getMessage());
      }
    }
    return renewed;
  }

  /**
   * How many items are held and undecided.
   *
   * @return the count
   */
  synchronized int size() {
    return held.size();
  }

  /** Releases every held item; later calls do nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (SubmissionId id : held.keySet()) {
      try {
        queue.release(id, moderator);
      } catch (SpiritException e) {
        // Its lease lapses by itself; nothing is lost.
        LOG.warn("cannot release the lease on {}: {}", id, e.getMessage());
      }
    }
    held.clear();
  }
}
