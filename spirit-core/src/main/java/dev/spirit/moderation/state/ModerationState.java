package dev.spirit.moderation.state;

import dev.spirit.participant.ParticipantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The history the stream rules decide on ({@code RateRule}: how many submissions a participant or
 * collection point gave; {@code DuplicateRule}: which texts they gave), as sliding windows per
 * {@link StateKey}. A store hands out its state ({@link
 * dev.spirit.storage.SpiritStore#moderationState()}), so every instance on one shared store and
 * every restart of a durable one sees the same windows.
 *
 * <p><b>Decisions in core, storage in backends</b>, as for the store: the rules decide what a count
 * or an earlier text means; a backend keeps events and makes each primitive atomic per key. Each
 * primitive reads a key's window and records the new event in one step: of any number of concurrent
 * calls for one key (threads, or processes where the backend is shared), each sees exactly the
 * events recorded before it, so with a limit of L exactly L see a count below L.
 *
 * <p>Windows: an event at {@code t} is in the window of a call at {@code now} if {@code now -
 * window <= t}. An event stamped after {@code now} but recorded before the call counts: intake
 * stamps a submission before moderating it, so concurrent intakes (threads, instances) record out
 * of stamp order, and leaving such events out would let simultaneous attempts past a limit. Events
 * before a window may be deleted by the call (windows only slide forward in practice); a backend
 * keeps at most {@code keep} newest events per key, so state stays bounded however busy a key is,
 * and must delete keys whose events all expired, at the latest opportunistically on later calls.
 * Instants are compared at nanosecond precision between the years 1678 and 2262.
 *
 * <p><b>Batches.</b> Intake moderates a batch of submissions inside {@link #atomically}, naming the
 * keys its rules declared: a backend on a database locks and reads them with a few statements and
 * writes the batch's events in one transaction, instead of one transaction per call.
 *
 * <p>Implementations must be thread-safe. A backend's failure is a {@link
 * dev.spirit.error.StorageException}; the moderation pipeline then holds the submission for review
 * ({@code rule-failed}) rather than publishing it unchecked.
 */
public interface ModerationState {

  /**
   * Atomically counts the key's events within {@code window} ending at {@code now}, then records
   * one at {@code now}, keeping at most {@code keep} newest events for the key.
   *
   * @param key whose window
   * @param now the new event's time
   * @param window how far back to count, positive
   * @param keep how many events to keep for the key, at least 1 (a rule passes its limit: more
   *     never changes its decision)
   * @return how many earlier events lie within the window (at most {@code keep})
   */
  int countThenAdd(StateKey key, Instant now, Duration window, int keep);

  /**
   * Atomically returns the key's texts within {@code window} ending at {@code now}, oldest first,
   * then records {@code mark} at {@code now}, keeping at most {@code keep} newest for the key.
   *
   * @param key whose window
   * @param now the new text's time
   * @param window how far back to look, positive
   * @param keep how many texts to keep for the key, at least 1
   * @param mark the new text
   * @return the earlier texts within the window, oldest first (at most {@code keep})
   */
  List<TextMark> recentThenAdd(StateKey key, Instant now, Duration window, int keep, TextMark mark);

  /**
   * Deletes everything of one participant (PIPL erasure): their windows, and their texts in
   * collection-point windows. Stores call it from their own {@code eraseParticipant}.
   *
   * @param participant the participant
   */
  void eraseParticipant(ParticipantId participant);

  /**
   * Runs {@code work} with a view of this state in which every call behaves as it would one by one,
   * in order, and the whole of {@code work} is one atomic unit for the named keys: no concurrent
   * call on those keys sees part of it or runs between its calls. Calls on keys not named still
   * work (a backend locks them when first used).
   *
   * <p>The work may be run more than once, when a backend's transaction must be retried (a conflict
   * with another process): it must have no effects outside the view. If it throws, none of its
   * events are recorded.
   *
   * <p>The default runs {@code work} on this state itself, each call atomic on its own: right for a
   * state in memory, whose calls cost nothing to make separately.
   *
   * @param keys the keys the work will use (in any order; duplicates are ignored)
   * @param work what to run with the view
   * @param <T> the work's result
   * @return the work's result
   */
  default <T> T atomically(Collection<StateKey> keys, Function<ModerationState, T> work) {
    return work.apply(this);
  }
}
