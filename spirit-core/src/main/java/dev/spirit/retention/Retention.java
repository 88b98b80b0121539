package dev.spirit.retention;

import dev.spirit.campaign.Campaign;
import dev.spirit.error.InvalidInputException;
import dev.spirit.event.SpiritListener;
import dev.spirit.event.internal.Listeners;
import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.SubmissionFilter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Retention purges. A campaign with a {@link Campaign#retention()} expires at {@link
 * Campaign#expiresAt()} (its closing instant plus the period); a purge erases every submission of
 * each expired campaign through {@link SpiritStore#eraseSubmissions}, so the submissions, their
 * idempotency keys, the reactions to them and the personal data in their audit entries are gone
 * from the store's files or tables once it returns, exactly as for {@link
 * SpiritStore#eraseParticipant}. The campaign itself (title, prompt, rules) stays, and listeners
 * such as {@link dev.spirit.aggregation.IncrementalAggregator} drop its figures. A purge is
 * idempotent: a campaign already purged holds nothing and is not reported again. Get it from {@code
 * Spirit.retention()}; thread-safe.
 */
public final class Retention {
  private final SpiritStore store;
  private final Clock clock;
  private final List<SpiritListener> listeners;

  /**
   * Creates the purger over a store ({@code Spirit} builds one).
   *
   * @param store the store
   * @param clock the clock {@link #purgeExpired()} judges expiry by
   * @param listeners the listeners told about purges (a live, thread-safe list)
   */
  public Retention(SpiritStore store, Clock clock, List<SpiritListener> listeners) {
    this.store = store;
    this.clock = clock;
    this.listeners = listeners;
  }

  /**
   * Says what {@link #purgeExpired(Instant)} would erase at {@code now}, erasing nothing.
   *
   * @param now the moment to judge expiry at
   * @return a dry-run report: the expired campaigns holding submissions, with their counts
   */
  public PurgeReport expired(Instant now) {
    requireNow(now);
    List<CampaignPurge> found = new ArrayList<>();
    for (Campaign c : expiredCampaigns(now)) {
      long n = store.count(SubmissionFilter.all(c.id()));
      if (n > 0) {
        found.add(new CampaignPurge(c.id(), c.slug(), c.expiresAt().orElseThrow(), n));
      }
    }
    return new PurgeReport(now, true, found);
  }

  /**
   * Erases the submissions of every campaign expired at the clock's current instant.
   *
   * @return what was erased
   */
  public PurgeReport purgeExpired() {
    return purgeExpired(clock.instant());
  }

  /**
   * Erases the submissions of every campaign expired at {@code now}, one campaign at a time (each
   * atomically: a crash leaves every campaign either purged or untouched, and purging again
   * finishes the rest).
   *
   * @param now the moment to judge expiry at
   * @return what was erased
   * @throws dev.spirit.error.StorageException if the store fails; campaigns purged before the
   *     failure stay purged
   */
  public PurgeReport purgeExpired(Instant now) {
    requireNow(now);
    List<CampaignPurge> done = new ArrayList<>();
    for (Campaign c : expiredCampaigns(now)) {
      int erased = store.eraseSubmissions(c.id());
      if (erased > 0) {
        done.add(new CampaignPurge(c.id(), c.slug(), c.expiresAt().orElseThrow(), erased));
        Listeners.tell(listeners, l -> l.onPurged(c, erased));
      }
    }
    return new PurgeReport(now, false, done);
  }

  private List<Campaign> expiredCampaigns(Instant now) {
    return store.listCampaigns().stream().filter(c -> c.isExpiredAt(now)).toList();
  }

  private static void requireNow(Instant now) {
    if (now == null) {
      throw new InvalidInputException("now", "must not be null");
    }
  }
}
