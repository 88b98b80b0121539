package dev.spirit.moderation;

import dev.spirit.campaign.Campaign;
import dev.spirit.error.InvalidInputException;
import dev.spirit.moderation.internal.NormalizedView;
import dev.spirit.moderation.internal.Shingles;
import dev.spirit.moderation.state.InMemoryModerationState;
import dev.spirit.moderation.state.ModerationState;
import dev.spirit.moderation.state.StateKey;
import dev.spirit.moderation.state.TextMark;
import dev.spirit.submission.ModerationDecision;
import dev.spirit.submission.Submission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Near-duplicates and floods: the same or nearly the same text again from one participant, or many
 * times from one collection point, within the campaign's window ({@link
 * dev.spirit.campaign.ModerationSettings#window()}).
 *
 * <ol>
 *   <li>Each text is folded like the lexicon folds it (case, width, accents, look-alikes,
 *       traditional characters, separators, zero-width characters dropped) and shingled into
 *       character 2- and 3-grams.
 *   <li>Against the participant's recent texts: an exact duplicate of the folded text is rejected
 *       ({@code duplicate}); one whose shingle Jaccard similarity is at least the threshold
 *       (default 0.7) goes to review ({@code near-duplicate}).
 *   <li>Against the collection point's recent texts (any participant): when this text and at least
 *       {@code floodSize - 1} recent ones are duplicates or near-duplicates of each other, it goes
 *       to review ({@code flood}). Never rejected: a popular slogan typed at a kiosk by many people
 *       is support, not spam, and a person decides.
 *   <li>The same text from different participants elsewhere is never flagged by this rule: an exact
 *       duplicate of someone else's approved slogan counts as support.
 * </ol>
 *
 * <p>History: the last 32 texts of each participant and the last 16 of each collection point, as
 * {@link TextMark}s (hashes, never the text), in the store's {@link ModerationState} when intake
 * runs the rule ({@link #check(Submission, Campaign, ModerationState)}), so instances on one shared
 * store see each other's texts and a durable store keeps them across restarts; used on its own
 * ({@link #check(Submission, Campaign)}) the rule keeps a bounded in-memory history of its own
 * ({@link InMemoryModerationState}). Every checked submission is remembered, including ones another
 * rule then rejects. Comparison is direct Jaccard against at most 48 small shingle sets, after a
 * size check (Jaccard cannot exceed the ratio of the set sizes) and a 16-hash MinHash prefilter, so
 * no LSH index is needed at these sizes.
 */
public final class DuplicateRule implements ModerationRule {
  /** The rule id. */
  public static final String ID = "duplicate";

  private final double threshold;
  private final int floodSize;
  private final String version;
  // The history of checks made without a store's state (check(candidate, campaign)).
  private final ModerationState ownState = new InMemoryModerationState();

  /** A rule with threshold 0.7 and flood size 5. */
  public DuplicateRule() {
    this(0.7, 5);
  }

  /**
   * A rule with explicit settings.
   *
   * @param threshold Jaccard similarity from which two texts are near-duplicates, in (0, 1]
   * @param floodSize how many similar texts from one collection point within the window make a
   *     flood, at least 2
   */
  public DuplicateRule(double threshold, int floodSize) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new InvalidInputException("duplicate.threshold", "must be in (0, 1], was " + threshold);
    }
    if (floodSize < 2) {
      throw new InvalidInputException(
          "duplicate.floodSize", "must be at least 2, was " + floodSize);
    }
    this.threshold = threshold;
    this.floodSize = floodSize;
    this.version = "1/j" + threshold + "/f" + floodSize;
  }

  /** Whether an earlier text is a near-duplicate of this one. */
  private boolean similar(TextMark a, TextMark b) {
    int x = a.shingleCount();
    int y = b.shingleCount();
    // Jaccard ≤ min/max of the set sizes: skip pairs that cannot reach the threshold.
    if (Math.min(x, y) < threshold * Math.max(x, y)) {
      return false;
    }
    // MinHash prefilter: each position agrees with probability = Jaccard; a pair whose signatures
    // agree on fewer than (threshold - 0.3) of the positions is skipped (a pair exactly at the
    // threshold is skipped with probability under 1%); the rest is confirmed exactly.
    if (a.agreement(b) < (threshold - 0.3) * Shingles.SIGNATURE_SIZE) {
      return false;
    }
    return a.jaccard(b) >= threshold;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String version() {
    return version;
  }

  /** Checks against this rule's own in-process history (as if the store's state were in memory). */
  @Override
  public RuleVerdict check(Submission candidate, Campaign campaign) {
    return check(candidate, campaign, ownState);
  }

  /** The participant's texts and, if it has one, the collection point's. */
  @Override
  public Set<StateKey> stateKeys(Submission candidate, Campaign campaign) {
    return StreamKeys.both(
        StateKey.Kind.PARTICIPANT_TEXTS, StateKey.Kind.COLLECTION_POINT_TEXTS, candidate);
  }

  @Override
  public RuleVerdict check(Submission candidate, Campaign campaign, ModerationState state) {
    String folded = NormalizedView.ofTransient(candidate.text().original()).toString();
    if (folded.isEmpty()) {
      folded = candidate.text().normalized();
    }
    TextMark seen = TextMark.of(candidate.participant().id(), folded);
    Duration window = campaign.rules().moderation().window();
    List<RuleVerdict.Finding> findings = new ArrayList<>(0);
    List<TextMark> mine =
        state.recentThenAdd(
            StreamKeys.participant(StateKey.Kind.PARTICIPANT_TEXTS, candidate),
            candidate.receivedAt(),
            window,
            InMemoryModerationState.MAX_PARTICIPANT_TEXTS,
            seen);
    boolean exact = false;
    boolean near = false;
    for (TextMark earlier : mine) {
      if (earlier.sameText(seen)) {
        exact = true;
        break;
      } else if (!near && similar(earlier, seen)) {
        near = true;
      }
    }
    if (exact) {
      findings.add(
          new RuleVerdict.Finding(
              "duplicate",
              ModerationDecision.REJECT,
              "the participant gave the same text within " + window,
              List.of()));
    } else if (near) {
      findings.add(
          new RuleVerdict.Finding(
              "near-duplicate",
              ModerationDecision.REVIEW,
              "the participant gave a nearly identical text within " + window,
              List.of()));
    }
    if (candidate.collectionPoint().isPresent()) {
      List<TextMark> there =
          state.recentThenAdd(
              StreamKeys.collectionPoint(StateKey.Kind.COLLECTION_POINT_TEXTS, candidate),
              candidate.receivedAt(),
              window,
              InMemoryModerationState.MAX_COLLECTION_POINT_TEXTS,
              seen);
      int similar = 1;
      for (int i = there.size() - 1; i >= 0 && similar < floodSize; i--) {
        TextMark earlier = there.get(i);
        if (earlier.sameText(seen) || similar(earlier, seen)) {
          similar++;
        }
      }
      if (similar >= floodSize) {
        findings.add(
            new RuleVerdict.Finding(
                "flood",
                ModerationDecision.REVIEW,
                "at least "
                    + similar
                    + " similar texts from collection point '"
                    + candidate.collectionPoint().get()
                    + "' within "
                    + window,
                List.of()));
      }
    }
    return findings.isEmpty()
        ? RuleVerdict.approve()
        : new RuleVerdict(ModerationDecision.APPROVE, findings, List.of());
  }
}
