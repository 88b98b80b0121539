package dev.spirit;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.CampaignState;
import dev.spirit.error.AlreadyExistsException;
import dev.spirit.error.IllegalTransitionException;
import dev.spirit.error.NotFoundException;
import dev.spirit.error.VersionConflictException;
import dev.spirit.storage.SpiritStore;
import java.util.List;
import java.util.Optional;

/**
 * The campaigns of a {@link Spirit} instance: create (or get-or-create), find and move them through
 * their lifecycle. Get it from {@link Spirit#campaigns()}; thread-safe.
 *
 * <p>It lives beside {@link Spirit} rather than in {@code dev.spirit.campaign} because it works on
 * the store, and the storage SPI depends on the campaign package (a package cycle otherwise).
 */
public final class Campaigns {
  private final SpiritStore store;

  Campaigns(SpiritStore store) {
    this.store = store;
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
   * Gets the campaign with this campaign's slug, creating it from {@code campaign} if there is
   * none: the call an application makes on every start ("the Yuzhong 2026 campaign, whatever
   * instance starts first"). Safe under concurrency on every backend and across processes sharing
   * one database: the store's slug uniqueness decides which create wins, and every caller gets that
   * one campaign. A campaign already stored is returned as it is, never updated, even if {@code
   * campaign} describes it differently.
   *
   * @param campaign the campaign to create if its slug is free
   * @return the stored campaign with that slug
   * @throws dev.spirit.error.AlreadyExistsException if the slug is free but the campaign's id is
   *     taken by a campaign with another slug
   */
  public Campaign ensure(Campaign campaign) {
    Optional<Campaign> existing = bySlug(campaign.slug());
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      return store.insertCampaign(campaign);
    } catch (AlreadyExistsException taken) {
      // A concurrent ensure (here or in another process) created it first, or the id is taken.
      return bySlug(campaign.slug()).orElseThrow(() -> taken);
    }
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
   * Moves a campaign through its lifecycle.
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
    return store.updateCampaign(current.moveTo(target));
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
