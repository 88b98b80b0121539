package dev.spirit;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.CampaignState;
import dev.spirit.campaign.SubmissionRules;
import dev.spirit.error.AlreadyExistsException;
import dev.spirit.error.IllegalTransitionException;
import dev.spirit.error.InvalidInputException;
import dev.spirit.error.NotFoundException;
import dev.spirit.error.VersionConflictException;
import dev.spirit.moderation.CampaignLexicon;
import dev.spirit.moderation.LexiconChange;
import dev.spirit.moderation.LexiconFormatException;
import dev.spirit.moderation.LexiconLayer;
import dev.spirit.moderation.TermLexicon;
import dev.spirit.participant.ConsentPurpose;
import dev.spirit.participant.ConsentText;
import dev.spirit.storage.SpiritStore;
import dev.spirit.text.Texts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The campaigns of a {@link Spirit} instance: create (or get-or-create), find and move them through
 * their lifecycle. Get it from {@link Spirit#campaigns()}; thread-safe.
 *
 * <p>It lives beside {@link Spirit} rather than in {@code dev.spirit.campaign} because it works on
 * the store, and the storage SPI depends on the campaign package (a package cycle otherwise).
 */
public final class Campaigns {
  private final SpiritStore store;
  private final Clock clock;
  private final LexiconModeration moderation;

  Campaigns(SpiritStore store, Clock clock, LexiconModeration moderation) {
    this.store = store;
    this.clock = clock;
    this.moderation = moderation;
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
    return store.findCampaignBySlug(slug);
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
   * Sets when a campaign takes submissions and the time zone its daily figures use. A campaign that
   * is {@code OPEN} still takes nothing outside its window ({@link Campaign#isAcceptingAt}).
   *
   * @param id the campaign
   * @param opensAt earliest instant submissions are taken, or empty for no lower bound
   * @param closesAt instant from which they are not, or empty for no upper bound
   * @param timeZone the campaign's local time zone
   * @return the stored campaign
   * @throws NotFoundException if there is no such campaign
   * @throws InvalidInputException if {@code closesAt} is not after {@code opensAt}
   * @throws VersionConflictException if the campaign changed concurrently
   */
  public Campaign schedule(
      CampaignId id, Optional<Instant> opensAt, Optional<Instant> closesAt, ZoneId timeZone) {
    if (opensAt == null || closesAt == null || timeZone == null) {
      throw new InvalidInputException("schedule", "opensAt, closesAt and timeZone are required");
    }
    Campaign current =
        store.findCampaign(id).orElseThrow(() -> new NotFoundException("campaign " + id));
    return store.updateCampaign(current.withSchedule(opensAt, closesAt, timeZone));
  }

  /**
   * Sets the consent text a campaign presents and the purposes it requires ({@link
   * SubmissionRules#consentText()}, {@link SubmissionRules#requiredPurposes()}). Submissions
   * already stored keep the consent they were given with; intake checks new ones against these.
   *
   * @param id the campaign
   * @param text the consent text, or empty to name none
   * @param required the purposes a participant's consent must allow (empty for none)
   * @return the stored campaign
   * @throws NotFoundException if there is no such campaign
   * @throws InvalidInputException if purposes are required but the campaign does not require
   *     consent
   * @throws VersionConflictException if the campaign changed concurrently
   */
  public Campaign setConsent(
      CampaignId id, Optional<ConsentText> text, Set<ConsentPurpose> required) {
    Campaign current =
        store.findCampaign(id).orElseThrow(() -> new NotFoundException("campaign " + id));
    return store.updateCampaign(current.withRules(current.rules().withConsent(text, required)));
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

  /**
   * Attaches a lexicon to a campaign: its own layers (city-wide first, then the district's), kept
   * in the store as the campaign's next lexicon revision, so that every instance on the store
   * moderates the campaign's new submissions with it (this one at once, others within their refresh
   * interval, {@link Spirit.Builder#lexiconRefresh}).
   *
   * <p>The layers are compiled first; a bad one is refused whole and nothing is stored, so the
   * revision in force stays. The revision records who attached it, when, and the version of the
   * compiled lexicon ({@link #lexiconHistory}).
   *
   * @param id the campaign
   * @param layers the layers, city first
   * @param actor who attaches it (a user name; the CLI records {@code cli})
   * @return the stored revision
   * @throws NotFoundException if there is no such campaign
   * @throws LexiconFormatException naming {@code layer:line} of the first bad row
   * @throws dev.spirit.error.InvalidInputException if there are no layers or a district layer
   *     lowers a city {@code block} term
   * @throws VersionConflictException if another revision was attached concurrently (re-read and
   *     decide again)
   */
  public CampaignLexicon attachLexicon(CampaignId id, List<LexiconLayer> layers, String actor) {
    Texts.requireLabel("actor", actor, 128);
    if (store.findCampaign(id).isEmpty()) {
      throw new NotFoundException("campaign " + id);
    }
    TermLexicon compiled = CampaignLexicon.compile(layers);
    long next = store.findLexicon(id).map(CampaignLexicon::revision).orElse(0L) + 1;
    CampaignLexicon stored =
        store.attachLexicon(
            new CampaignLexicon(id, next, layers, compiled.version(), clock.instant(), actor));
    moderation.installed(stored, compiled);
    return stored;
  }

  /**
   * The campaign's current lexicon revision, as stored.
   *
   * @param id the campaign
   * @return the revision, or empty if none was attached (the instance's own moderator applies)
   */
  public Optional<CampaignLexicon> lexicon(CampaignId id) {
    return store.findLexicon(id);
  }

  /**
   * The audit trail of the campaign's lexicon: every revision attached, oldest first, with its
   * version, time and author.
   *
   * @param id the campaign
   * @return the entries; empty if none was attached
   */
  public List<LexiconChange> lexiconHistory(CampaignId id) {
    return store.lexiconHistory(id);
  }
}
