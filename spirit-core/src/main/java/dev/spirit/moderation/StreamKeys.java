package dev.spirit.moderation;

import dev.spirit.moderation.state.StateKey;
import dev.spirit.submission.Submission;
import java.util.Set;

/**
 * The moderation-state keys of the stream rules ({@link RateRule}, {@link DuplicateRule}): one for
 * the submission's participant and, if it was taken at one, one for its collection point. The rules
 * use them in their checks and declare the same ones ({@link ModerationRule#stateKeys}).
 */
final class StreamKeys {
  private StreamKeys() {}

  static StateKey participant(StateKey.Kind kind, Submission candidate) {
    return new StateKey(kind, candidate.campaignId(), candidate.participant().id().value());
  }

  /** The collection point's key; only for a candidate that has a collection point. */
  static StateKey collectionPoint(StateKey.Kind kind, Submission candidate) {
    return new StateKey(kind, candidate.campaignId(), candidate.collectionPoint().orElseThrow());
  }

  static Set<StateKey> both(
      StateKey.Kind participantKind, StateKey.Kind pointKind, Submission candidate) {
    StateKey mine = participant(participantKind, candidate);
    return candidate.collectionPoint().isEmpty()
        ? Set.of(mine)
        : Set.of(mine, collectionPoint(pointKind, candidate));
  }
}
