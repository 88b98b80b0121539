package dev.spirit.moderation;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.error.InvalidInputException;
import dev.spirit.moderation.internal.NormalizedView;
import dev.spirit.moderation.internal.Shingles;
import dev.spirit.moderation.internal.SlidingWindows;
import dev.spirit.submission.ModerationDecision;
import dev.spirit.submission.Submission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

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
 * <p>History is kept in memory in the rule, bounded (the last 32 texts of each of 100,000
 * participants and the last 16 texts of each of 10,000 collection points, least recently used
 * evicted; the keys are split over 16 lock stripes by hash, each evicting its own least recently
 * used, so concurrent checks of different participants rarely wait for each other), per process:
 * after a restart or on another node the window starts empty. Every checked submission is
 * remembered, including ones another rule then rejects. Comparison is direct Jaccard against at
 * most 48 small shingle sets, after a size check (Jaccard cannot exceed the ratio of the set sizes)
 * and a 16-hash MinHash prefilter, so no LSH index is needed at these sizes.
 */
public final class DuplicateRule implements ModerationRule {
  /** The rule id. */
  public static final String ID = "duplicate";

  private final double threshold;
  private final int floodSize;
  private final String version;
  private final SlidingWindows<Key, Seen> byParticipant = new SlidingWindows<>(100_000, 32);
  private final SlidingWindows<Key, Seen> byCollectionPoint = new SlidingWindows<>(10_000, 16);

  // equals and hashCode written out: the record's generated ones go through method-handle
  // bootstraps that showed in the profile of the intake path.
  private record Key(CampaignId campaign, String who) {
    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Key k && who.equals(k.who) && campaign.value().equals(k.campaign.value());
    }

    @Override
    public int hashCode() {
      return who.hashCode() * 31 + campaign.value().hashCode();
    }
  }

  /**
   * A remembered text: its folded form (for exact duplicates and, rarely, the exact Jaccard), that
   * form's hash (compared first, so an older text's string is only read when it may be equal), its
   * shingle count (the size check) and its MinHash signature (the prefilter). The shingles
   * themselves are not kept: a remembered text lives for about as long as 100,000 submissions take,
   * long enough for the collector to copy it, and the shingles were half its bytes; they are
   * recomputed from the folded text for the few pairs that pass both checks.
   */
  private record Seen(String folded, int hash, int shingles, int[] signature) {
    boolean sameText(Seen other) {
      return hash == other.hash && folded.equals(other.folded);
    }
  }

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

  /** Whether an earlier text is a near-duplicate of this one, whose shingles are given. */
  private boolean similar(Seen a, Seen b, int[] shinglesOfB) {
    int x = a.shingles();
    int y = b.shingles();
    // Jaccard ≤ min/max of the set sizes: skip pairs that cannot reach the threshold.
    if (Math.min(x, y) < threshold * Math.max(x, y)) {
      return false;
    }
    // MinHash prefilter: each position agrees with probability = Jaccard; a pair whose signatures
    // agree on fewer than (threshold - 0.3) of the positions is skipped (a pair exactly at the
    // threshold is skipped with probability under 1%); the rest is confirmed exactly.
    if (Shingles.agreement(a.signature(), b.signature())
        < (threshold - 0.3) * Shingles.SIGNATURE_SIZE) {
      return false;
    }
    return Shingles.jaccard(Shingles.of(a.folded()), shinglesOfB) >= threshold;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public RuleVerdict check(Submission candidate, Campaign campaign) {
    String folded = NormalizedView.ofTransient(candidate.text().original()).toString();
    if (folded.isEmpty()) {
      folded = candidate.text().normalized();
    }
    String participant = candidate.participant().id().value();
    int[] shingles = Shingles.of(folded);
    Seen seen = new Seen(folded, folded.hashCode(), shingles.length, Shingles.signature(shingles));
    Duration window = campaign.rules().moderation().window();
    List<RuleVerdict.Finding> findings = new ArrayList<>(0);
    List<Seen> mine =
        byParticipant.recentThenAdd(
            new Key(candidate.campaignId(), participant), candidate.receivedAt(), window, seen);
    boolean exact = false;
    boolean near = false;
    for (Seen earlier : mine) {
      if (earlier.sameText(seen)) {
        exact = true;
        break;
      } else if (!near && similar(earlier, seen, shingles)) {
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
      List<Seen> there =
          byCollectionPoint.recentThenAdd(
              new Key(candidate.campaignId(), candidate.collectionPoint().get()),
              candidate.receivedAt(),
              window,
              seen);
      int similar = 1;
      for (int i = there.size() - 1; i >= 0 && similar < floodSize; i--) {
        Seen earlier = there.get(i);
        if (earlier.sameText(seen) || similar(earlier, seen, shingles)) {
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
