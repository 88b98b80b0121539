package dev.spirit.micrometer;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.SubmissionStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The number of submissions waiting for review in each campaign, counted by the store and reused
 * for a time to live, so a scrape that reads many gauges (or many scrapes) costs at most one count
 * per campaign per time to live.
 */
final class QueueDepths {
  private static final Logger LOG = LoggerFactory.getLogger(QueueDepths.class);

  private final SpiritStore store;
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private final Object refreshLock = new Object();
  private volatile @Nullable Snapshot snapshot;
  private volatile long refreshes;

  QueueDepths(SpiritStore store, long ttlNanos, LongSupplier nanoTime) {
    this.store = store;
    this.ttlNanos = ttlNanos;
    this.nanoTime = nanoTime;
  }

  /**
   * The depth of one campaign's queue, or NaN if the store could not be read (a gap on a dashboard,
   * never a made-up zero).
   */
  double depth(CampaignId campaign) {
    Snapshot current = fresh();
    if (current.depths == null) {
      return Double.NaN;
    }
    Long depth = current.depths.get(campaign);
    return depth == null ? 0 : depth;
  }

  /** How many times the store was read; for tests of the cache. */
  long refreshes() {
    return refreshes;
  }

  private Snapshot fresh() {
    Snapshot current = snapshot;
    if (current != null && nanoTime.getAsLong() - current.takenAt < ttlNanos) {
      return current;
    }
    synchronized (refreshLock) {
      current = snapshot;
      long now = nanoTime.getAsLong();
      if (current != null && now - current.takenAt < ttlNanos) {
        return current;
      }
      Snapshot next = new Snapshot(now, countAll());
      refreshes++;
      snapshot = next;
      return next;
    }
  }

  private @Nullable Map<CampaignId, Long> countAll() {
    try {
      Map<CampaignId, Long> depths = new HashMap<>();
      for (Campaign campaign : store.listCampaigns()) {
        depths.put(
            campaign.id(),
            store.count(
                SubmissionFilter.builder(campaign.id())
                    .status(SubmissionStatus.PENDING, SubmissionStatus.HIDDEN)
                    .build()));
      }
      return depths;
    } catch (RuntimeException e) {
      LOG.warn("cannot read the review queue depths from the store; reporting NaN", e);
      return null;
    }
  }

  private static final class Snapshot {
    final long takenAt;
    final @Nullable Map<CampaignId, Long> depths;

    Snapshot(long takenAt, @Nullable Map<CampaignId, Long> depths) {
      this.takenAt = takenAt;
      this.depths = depths;
    }
  }
}
