package dev.spirit.moderation.state;

import dev.spirit.error.InvalidInputException;
import dev.spirit.moderation.internal.SlidingWindows;
import dev.spirit.participant.ParticipantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@link ModerationState} in this process's memory: what {@code InMemoryStore} hands out, and what
 * a rule used without a store keeps. Bounded: counted windows of at most 100,000 keys and {@value
 * #MAX_COUNTED} events each; texts of at most 100,000 participants (32 each) and 10,000 collection
 * points (16 each); the least recently used key is evicted first, so a long run reaches a steady
 * size. Per-key operations are atomic (lock stripes by key hash). Forgotten on restart and not
 * shared between processes.
 */
public final class InMemoryModerationState implements ModerationState {
  /** Events kept per counted key: limits above this are not enforced. */
  public static final int MAX_COUNTED = 4_096;

  /** Texts kept per participant. */
  public static final int MAX_PARTICIPANT_TEXTS = 32;

  /** Texts kept per collection point. */
  public static final int MAX_COLLECTION_POINT_TEXTS = 16;

  private final SlidingWindows<StateKey, Object> counted =
      new SlidingWindows<>(100_000, MAX_COUNTED);
  private final SlidingWindows<StateKey, TextMark> participantTexts =
      new SlidingWindows<>(100_000, MAX_PARTICIPANT_TEXTS);
  private final SlidingWindows<StateKey, TextMark> collectionPointTexts =
      new SlidingWindows<>(10_000, MAX_COLLECTION_POINT_TEXTS);

  /** An empty state. */
  public InMemoryModerationState() {}

  private static void requireArguments(Duration window, int keep) {
    if (window == null || window.isNegative() || window.isZero()) {
      throw new InvalidInputException("window", "must be positive, was " + window);
    }
    if (keep < 1) {
      throw new InvalidInputException("keep", "must be at least 1, was " + keep);
    }
  }

  @Override
  public int countThenAdd(StateKey key, Instant now, Duration window, int keep) {
    requireArguments(window, keep);
    return counted.countThenAdd(key, now, window, keep);
  }

  @Override
  public List<TextMark> recentThenAdd(
      StateKey key, Instant now, Duration window, int keep, TextMark mark) {
    requireArguments(window, keep);
    SlidingWindows<StateKey, TextMark> windows =
        key.kind() == StateKey.Kind.PARTICIPANT_TEXTS ? participantTexts : collectionPointTexts;
    List<TextMark> recent = windows.recentThenAdd(key, now, window, keep, mark);
    // Oldest first, and no more than asked for even if this history keeps more.
    return recent.size() <= keep ? recent : recent.subList(recent.size() - keep, recent.size());
  }

  @Override
  public void eraseParticipant(ParticipantId participant) {
    String id = participant.value();
    counted.erase(k -> k.kind().participantSubject() && k.subject().equals(id), v -> false);
    participantTexts.erase(k -> k.subject().equals(id), v -> false);
    collectionPointTexts.erase(k -> false, v -> v.owner().equals(participant));
  }

  /**
   * How many keys are remembered, over all windows (for tests and monitoring).
   *
   * @return the count
   */
  public int keys() {
    return counted.keys() + participantTexts.keys() + collectionPointTexts.keys();
  }
}
