package dev.spirit;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.CampaignState;
import dev.spirit.error.IllegalTransitionException;
import dev.spirit.error.InvalidInputException;
import dev.spirit.error.NotFoundException;
import dev.spirit.error.VersionConflictException;
import dev.spirit.storage.SpiritStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The campaigns of a {@link Spirit} instance: create, find and move them through their lifecycle.
 * Get it from {@link Spirit#campaigns()}; thread-safe.
 *
 * <p>It lives beside {@link Spirit} rather than in {@code dev.spirit.campaign} because it works on
 * the store, and the storage SPI depends on the campaign package (a package cycle otherwise).
 */
public final class Campaigns {
  private final SpiritStore store;
  private final Clock clock;

  Campaigns(SpiritStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Stores a new campaign (normally a draft from {@link Campaign#builder(String)}).
   *
   * @param campaign the campaign
   * @return the stored campaign
   * @throws dev.spirit.error.AlreadyExistsException if its id or slug is taken
   */
  public Campaign create(Campaign campaign) {
    return store.insertCampaign(campaign);
  }

  /**
   * Finds a campaign.
   *
   * @param id the id
   * @return the campaign, or empty
   */
  public Optional<Campaign> find(CampaignId id) {
    return store.findCampaign(id);
  }

  /**
   * Finds a campaign by its slug.
   *
   * @param slug the slug
   * @return the campaign, or empty
   */
  public Optional<Campaign> bySlug(String slug) {
    return store.listCampaigns().stream().filter(c -> c.slug().equals(slug)).findFirst();
  }

  /**
   * Lists all campaigns, oldest first.
   *
   * @return the campaigns
   */
  public List<Campaign> list() {
    return store.listCampaigns();
  }

  /**
   * Moves a campaign through its lifecycle; closing it records the time (from the instance's clock)
   * as {@link Campaign#closedAt()}.
   *
   * @param id the campaign
   * @param target the state to move to
   * @return the stored campaign
   * @throws NotFoundException if there is no such campaign
   * @throws IllegalTransitionException if the lifecycle does not allow the move
   * @throws VersionConflictException if the campaign changed concurrently
   */
  public Campaign move(CampaignId id, CampaignState target) {
    Campaign current =
        store.findCampaign(id).orElseThrow(() -> new NotFoundException("campaign " + id));
    return store.updateCampaign(current.moveTo(target, clock.instant()));
  }

  /**
   * Sets how long a campaign's submissions are kept after it closes ({@link Campaign#retention()});
   * {@link dev.spirit.retention.Retention#purgeExpired()} erases them once that has passed.
   *
   * @param id the campaign
   * @param keep the period, or empty to keep them without limit
   * @return the stored campaign
   * @throws NotFoundException if there is no such campaign
   * @throws dev.spirit.error.InvalidInputException if the period is not positive or too long
   * @throws VersionConflictException if the campaign changed concurrently
   */
  public Campaign setRetention(CampaignId id, Optional<Duration> keep) {
    if (keep == null) {
      throw new InvalidInputException("retention", "must not be null");
    }
    Campaign current =
        store.findCampaign(id).orElseThrow(() -> new NotFoundException("campaign " + id));
    return store.updateCampaign(current.withRetention(keep));
  }

  /**
   * Opens (or reopens) a campaign.
   *
   * @param id the campaign
   * @return the stored campaign
   */
  public Campaign open(CampaignId id) {
    return move(id, CampaignState.OPEN);
  }

  /**
   * Closes a campaign.
   *
   * @param id the campaign
   * @return the stored campaign
   */
  public Campaign close(CampaignId id) {
    return move(id, CampaignState.CLOSED);
  }
}
