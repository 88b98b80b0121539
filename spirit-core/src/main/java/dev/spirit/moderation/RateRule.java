package dev.spirit.moderation;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.ModerationSettings;
import dev.spirit.moderation.state.InMemoryModerationState;
import dev.spirit.moderation.state.ModerationState;
import dev.spirit.moderation.state.StateKey;
import dev.spirit.submission.ModerationDecision;
import dev.spirit.submission.Submission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Limits how many submissions one participant and one collection point give within the campaign's
 * window ({@link ModerationSettings}): beyond {@code maxPerParticipantInWindow} a participant's
 * submissions are rejected ({@code rate-participant}); beyond {@code maxPerCollectionPointInWindow}
 * a collection point's go to review ({@code rate-collection-point}), since a busy kiosk at a
 * festival is normal and a person should decide.
 *
 * <p>The history is the store's {@link ModerationState} when intake runs the rule ({@link
 * #check(Submission, Campaign, ModerationState)}): shared by every instance on a shared store and
 * kept across restarts of a durable one. Used on its own ({@link #check(Submission, Campaign)}) the
 * rule keeps a bounded in-memory history of its own.
 */
public final class RateRule implements ModerationRule {
  /** The rule id. */
  public static final String ID = "rate";

  /** Events remembered per key: limits above this are not enforced. */
  public static final int MAX_REMEMBERED = InMemoryModerationState.MAX_COUNTED;

  // The history of checks made without a store's state (check(candidate, campaign)).
  private final ModerationState ownState = new InMemoryModerationState();

  /** Creates the rule. */
  public RateRule() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String version() {
    return "1";
  }

  /** Checks against this rule's own in-process history (as if the store's state were in memory). */
  @Override
  public RuleVerdict check(Submission candidate, Campaign campaign) {
    return check(candidate, campaign, ownState);
  }

  /** The participant's window and, if it has one, the collection point's. */
  @Override
  public Set<StateKey> stateKeys(Submission candidate, Campaign campaign) {
    return StreamKeys.both(
        StateKey.Kind.PARTICIPANT_RATE, StateKey.Kind.COLLECTION_POINT_RATE, candidate);
  }

  @Override
  public RuleVerdict check(Submission candidate, Campaign campaign, ModerationState state) {
    ModerationSettings settings = campaign.rules().moderation();
    List<RuleVerdict.Finding> findings = new ArrayList<>(0);
    int mine =
        state.countThenAdd(
            StreamKeys.participant(StateKey.Kind.PARTICIPANT_RATE, candidate),
            candidate.receivedAt(),
            settings.window(),
            Math.min(settings.maxPerParticipantInWindow(), MAX_REMEMBERED));
    if (mine >= settings.maxPerParticipantInWindow()) {
      findings.add(
          new RuleVerdict.Finding(
              "rate-participant",
              ModerationDecision.REJECT,
              "participant gave "
                  + (mine + 1)
                  + " submissions within "
                  + settings.window()
                  + "; the limit is "
                  + settings.maxPerParticipantInWindow(),
              List.of()));
    }
    if (candidate.collectionPoint().isPresent()) {
      int there =
          state.countThenAdd(
              StreamKeys.collectionPoint(StateKey.Kind.COLLECTION_POINT_RATE, candidate),
              candidate.receivedAt(),
              settings.window(),
              Math.min(settings.maxPerCollectionPointInWindow(), MAX_REMEMBERED));
      if (there >= settings.maxPerCollectionPointInWindow()) {
        findings.add(
            new RuleVerdict.Finding(
                "rate-collection-point",
                ModerationDecision.REVIEW,
                "collection point took "
                    + (there + 1)
                    + " submissions within "
                    + settings.window()
                    + "; the limit is "
                    + settings.maxPerCollectionPointInWindow(),
                List.of()));
      }
    }
    return findings.isEmpty()
        ? RuleVerdict.approve()
        : new RuleVerdict(ModerationDecision.APPROVE, findings, List.of());
  }
}
