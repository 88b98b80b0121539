package dev.spirit.aggregation;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.error.InvalidInputException;
import dev.spirit.event.SpiritListener;
import dev.spirit.participant.ParticipantId;
import dev.spirit.storage.SpiritStore;
import dev.spirit.submission.Reaction;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A campaign's statistics maintained from intake events: attach it with {@code
 * spirit.addListener(aggregator)} (or the builder's {@code listener(...)}) and read {@link
 * #snapshot()} or {@link #dashboard(int)} at any time. An approval adds a submission's
 * contribution; hiding, rejecting or withdrawing it removes it again, with its endorsements;
 * erasing a person removes their submissions, the endorsements of those, and their own
 * endorsements. The value equals what {@link BatchAggregator} computes from the store.
 *
 * <p>Thread-safe. Term extraction (the expensive part) runs on the caller's thread outside the
 * lock; only the counting is serialized.
 *
 * <p>Start it before the campaign receives submissions, or with {@link #startingFrom} while intake
 * is paused: changes made between the scan and {@code addListener} would be missed, and changes to
 * submissions it never saw are ignored (their counts stay at zero rather than going negative).
 */
public final class IncrementalAggregator implements SpiritListener {
  private final CampaignId campaignId;
  private final ZoneId zone;
  private final AggregationConfig config;
  private final Object lock = new Object();
  // replaced (under lock) only when a retention purge empties the campaign; read outside the lock
  // only to extract terms, which any state of this configuration does alike
  private volatile StatsState state;

  private IncrementalAggregator(Campaign campaign, AggregationConfig config) {
    this.campaignId = campaign.id();
    this.zone = campaign.timeZone();
    this.config = config;
    this.state = new StatsState(zone, config, new TermExtractor(config));
  }

  /**
   * An aggregator with nothing counted yet, for a campaign that has no submissions yet.
   *
   * @param campaign the campaign
   * @param config the configuration
   * @return the aggregator
   */
  public static IncrementalAggregator create(Campaign campaign, AggregationConfig config) {
    if (campaign == null || config == null) {
      throw new InvalidInputException("aggregator", "campaign and config are required");
    }
    return new IncrementalAggregator(campaign, config);
  }

  /**
   * An aggregator that starts from a full scan of the store, for a campaign already running.
   *
   * @param store the store
   * @param campaign the campaign
   * @param config the configuration
   * @return the aggregator
   */
  public static IncrementalAggregator startingFrom(
      SpiritStore store, Campaign campaign, AggregationConfig config) {
    IncrementalAggregator aggregator = create(campaign, config);
    synchronized (aggregator.lock) {
      BatchAggregator.fill(aggregator.state, store, campaign);
    }
    return aggregator;
  }

  /**
   * The statistics now, as an immutable value.
   *
   * @return the statistics
   */
  public CampaignStats snapshot() {
    synchronized (lock) {
      return state.snapshot();
    }
  }

  /**
   * The dashboard figures, read from the maintained state without building a snapshot.
   *
   * @param k terms per district
   * @return top terms per district and counts per day
   */
  public Dashboard dashboard(int k) {
    if (k < 0) {
      throw new InvalidInputException("k", "must not be negative, was " + k);
    }
    synchronized (lock) {
      return state.dashboard(k);
    }
  }

  /**
   * The shortlist of the current statistics, with the configured near-duplicate length.
   *
   * @param size how many candidates at most
   * @return the shortlist
   */
  public Shortlist shortlist(int size) {
    return snapshot().shortlist(size, config.nearDuplicateMinLength(), CampaignStats.DEFAULT_Z);
  }

  @Override
  public void onAccepted(Submission submission) {
    if (!submission.campaignId().equals(campaignId)) {
      return;
    }
    StatsState.Extracted x = StatsState.counted(submission) ? state.extract(submission) : null;
    synchronized (lock) {
      state.accepted(submission, x);
    }
  }

  @Override
  public void onStatusChanged(Submission before, Submission after) {
    if (!after.campaignId().equals(campaignId)) {
      return;
    }
    boolean was = StatsState.counted(before);
    boolean is = StatsState.counted(after);
    // Extract what leaves (before) or what arrives (after): moderation may have changed the
    // public (redacted) text in the same step.
    StatsState.Extracted x = was == is ? null : state.extract(was ? before : after);
    synchronized (lock) {
      state.statusChanged(before, after, x);
    }
  }

  @Override
  public void onEndorsed(Submission submission, Reaction endorsement) {
    if (!submission.campaignId().equals(campaignId)) {
      return;
    }
    StatsState.Extracted x =
        submission.kind() == dev.spirit.campaign.SubmissionKind.SLOGAN
            ? state.extract(submission)
            : null;
    synchronized (lock) {
      state.endorsed(submission, endorsement.by(), x);
    }
  }

  @Override
  public void onErased(ParticipantId participant, List<Submission> erased) {
    List<Submission> ours = new ArrayList<>();
    Map<SubmissionId, StatsState.Extracted> extracted = new HashMap<>();
    for (Submission s : erased) {
      if (s.campaignId().equals(campaignId)) {
        ours.add(s);
        if (StatsState.counted(s)) {
          extracted.put(s.id(), state.extract(s));
        }
      }
    }
    synchronized (lock) {
      state.erased(participant, ours, extracted);
    }
  }

  /** A retention purge erased every submission of a campaign: for ours, every figure restarts. */
  @Override
  public void onPurged(Campaign campaign, int erased) {
    if (campaign.id().equals(campaignId)) {
      synchronized (lock) {
        state = new StatsState(zone, config, new TermExtractor(config));
      }
    }
  }

  @Override
  public String toString() {
    return "IncrementalAggregator[" + campaignId + "]";
  }
}
