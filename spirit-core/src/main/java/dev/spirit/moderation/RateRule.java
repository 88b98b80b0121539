package dev.spirit.moderation;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.ModerationSettings;
import dev.spirit.moderation.internal.SlidingWindows;
import dev.spirit.submission.ModerationDecision;
import dev.spirit.submission.Submission;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Limits how many submissions one participant and one collection point give within the campaign's
 * window ({@link ModerationSettings}): beyond {@code maxPerParticipantInWindow} a participant's
 * submissions are rejected ({@code rate-participant}); beyond {@code maxPerCollectionPointInWindow}
 * a collection point's go to review ({@code rate-collection-point}), since a busy kiosk at a
 * festival is normal and a person should decide.
 *
 * <p>Like {@link DuplicateRule}, the history is in memory, bounded and per process.
 */
public final class RateRule implements ModerationRule {
  /** The rule id. */
  public static final String ID = "rate";

  /** Events remembered per key: limits above this are not enforced. */
  public static final int MAX_REMEMBERED = 4_096;

  private final SlidingWindows<Key, Object> history = new SlidingWindows<>(100_000, MAX_REMEMBERED);

  // equals and hashCode written out: the record's generated ones go through method-handle
  // bootstraps that showed in the profile of the intake path.
  private record Key(boolean participant, CampaignId campaign, String who) {
    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Key k
          && participant == k.participant
          && who.equals(k.who)
          && campaign.value().equals(k.campaign.value());
    }

    @Override
    public int hashCode() {
      return (who.hashCode() * 31 + campaign.value().hashCode()) * 2 + (participant ? 1 : 0);
    }
  }

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

  @Override
  public RuleVerdict check(Submission candidate, Campaign campaign) {
    ModerationSettings settings = campaign.rules().moderation();
    List<RuleVerdict.Finding> findings = new ArrayList<>(0);
    int mine =
        history.countThenAdd(
            new Key(true, candidate.campaignId(), candidate.participant().id().value()),
            candidate.receivedAt(),
            settings.window(),
            settings.maxPerParticipantInWindow());
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
          history.countThenAdd(
              new Key(false, candidate.campaignId(), candidate.collectionPoint().get()),
              candidate.receivedAt(),
              settings.window(),
              settings.maxPerCollectionPointInWindow());
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
