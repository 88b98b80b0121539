package dev.spirit.aggregation;

import dev.spirit.campaign.Campaign;
import dev.spirit.participant.ParticipantId;
import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.Reaction;
import dev.spirit.submission.ReactionType;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Computes a campaign's statistics from a full scan: every submission of the campaign (for the
 * status counts) and every endorsement. Gives the same value as an {@link IncrementalAggregator}
 * that saw every change since the campaign began.
 *
 * <p>Memory: the endorsements are held in memory during the scan (one entry per endorsement);
 * submissions are streamed.
 */
public final class BatchAggregator {
  private BatchAggregator() {}

  /**
   * Aggregates a campaign from its store.
   *
   * @param store the store
   * @param campaign the campaign
   * @param config the configuration
   * @return the statistics
   */
  public static CampaignStats aggregate(
      SpiritStore store, Campaign campaign, AggregationConfig config) {
    StatsState state = new StatsState(campaign.timeZone(), config, new TermExtractor(config));
    fill(state, store, campaign);
    return state.snapshot();
  }

  /**
   * Aggregates submissions and reactions from any source (an export, a generated data set).
   *
   * @param submissions every submission of the campaign, any status
   * @param reactions its reactions (reports are ignored)
   * @param zone the campaign's time zone
   * @param config the configuration
   * @return the statistics
   */
  public static CampaignStats aggregate(
      Stream<Submission> submissions,
      Stream<Reaction> reactions,
      ZoneId zone,
      AggregationConfig config) {
    StatsState state = new StatsState(zone, config, new TermExtractor(config));
    fill(state, submissions, reactions);
    return state.snapshot();
  }

  static void fill(StatsState state, SpiritStore store, Campaign campaign) {
    try (Stream<Reaction> reactions = store.streamReactions(campaign.id());
        Stream<Submission> submissions = store.stream(SubmissionFilter.all(campaign.id()))) {
      fill(state, submissions, reactions);
    }
  }

  private static void fill(
      StatsState state, Stream<Submission> submissions, Stream<Reaction> reactions) {
    Map<SubmissionId, List<ParticipantId>> endorsers = new HashMap<>();
    reactions
        .filter(r -> r.type() == ReactionType.ENDORSE)
        .forEach(
            r -> endorsers.computeIfAbsent(r.submissionId(), id -> new ArrayList<>()).add(r.by()));
    // Few submissions are endorsed: a bit per hash of an endorsed id (16 bits per endorsed
    // submission, a few percent false positives) spares most submissions the map lookup.
    int bits =
        Integer.highestOneBit(Math.max(64, Math.min(endorsers.size(), 1 << 26) * 16 - 1)) << 1;
    long[] maybeEndorsed = new long[bits >>> 6];
    for (SubmissionId id : endorsers.keySet()) {
      int bit = spread(id.hashCode()) & (bits - 1);
      maybeEndorsed[bit >>> 6] |= 1L << bit;
    }
    submissions.forEach(
        s -> {
          StatsState.Extracted x = StatsState.counted(s) ? state.extract(s) : null;
          state.scanned(s, x);
          int bit = spread(s.id().hashCode()) & (bits - 1);
          if ((maybeEndorsed[bit >>> 6] & (1L << bit)) == 0) {
            return;
          }
          List<ParticipantId> theirs = endorsers.get(s.id());
          if (theirs != null) {
            for (ParticipantId by : theirs) {
              state.endorsed(s, by, x);
            }
          }
        });
  }

  private static int spread(int h) {
    int x = h * 0x9E3779B9;
    return x ^ (x >>> 15);
  }
}
