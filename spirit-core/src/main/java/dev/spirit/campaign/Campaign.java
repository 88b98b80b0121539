package dev.spirit.campaign;

import dev.spirit.error.IllegalTransitionException;
import dev.spirit.error.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A public collection campaign: what it asks, where (districts) and how (channels) it collects,
 * when it is open, and the rules submissions must follow. Immutable; changes produce a new copy
 * that is stored with optimistic versioning.
 *
 * @param id unique id
 * @param slug unique, URL-friendly name, e.g. {@code spirit-of-chongqing-2026}
 * @param title title in zh and en (and optionally more languages)
 * @param prompt the question put to people, in zh and en
 * @param districts the districts it runs in; submissions from other districts are refused
 * @param channels the channels it accepts
 * @param opensAt earliest instant submissions are taken, if bounded
 * @param closesAt instant from which submissions are no longer taken, if bounded
 * @param timeZone the campaign's local time zone, for daily and weekly figures
 * @param state lifecycle state
 * @param rules the submission rules
 * @param createdAt when the campaign was created
 * @param version optimistic-concurrency version, assigned by the store
 * @param closedAt when it was moved to {@link CampaignState#CLOSED} (by {@link
 *     #moveTo(CampaignState, Instant)}), if it was
 * @param retention how long its submissions are kept after it closes, if limited: from {@link
 *     #expiresAt()} on, {@code spirit.retention().purgeExpired()} erases them
 */
public record Campaign(
    CampaignId id,
    String slug,
    LocalizedText title,
    LocalizedText prompt,
    Set<District> districts,
    Set<Channel> channels,
    Optional<Instant> opensAt,
    Optional<Instant> closesAt,
    ZoneId timeZone,
    CampaignState state,
    SubmissionRules rules,
    Instant createdAt,
    long version,
    Optional<Instant> closedAt,
    Optional<Duration> retention) {

  /** The longest retention period a campaign may set (100 years of 365 days). */
  public static final Duration MAX_RETENTION = Duration.ofDays(36_500);

  private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

  public Campaign {
    requireNonNull("id", id);
    requireNonNull("slug", slug);
    if (!SLUG.matcher(slug).matches()) {
      throw new InvalidInputException(
          "slug", "'" + slug + "' must be 1-64 lowercase letters, digits or inner dashes");
    }
    requireNonNull("title", title);
    requireNonNull("prompt", prompt);
    requireNonNull("districts", districts);
    if (districts.isEmpty()) {
      throw new InvalidInputException("districts", "must name at least one district");
    }
    requireNonNull("channels", channels);
    if (channels.isEmpty()) {
      throw new InvalidInputException("channels", "must name at least one channel");
    }
    requireNonNull("opensAt", opensAt);
    requireNonNull("closesAt", closesAt);
    if (opensAt.isPresent() && closesAt.isPresent() && !closesAt.get().isAfter(opensAt.get())) {
      throw new InvalidInputException(
          "closesAt", "must be after opensAt (" + opensAt.get() + "), was " + closesAt.get());
    }
    requireNonNull("timeZone", timeZone);
    requireNonNull("state", state);
    requireNonNull("rules", rules);
    requireNonNull("createdAt", createdAt);
    if (version < 0) {
      throw new InvalidInputException("version", "must not be negative, was " + version);
    }
    requireNonNull("closedAt", closedAt);
    requireNonNull("retention", retention);
    retention.ifPresent(Campaign::requireRetention);
    districts = Set.copyOf(new TreeSet<>(districts));
    channels = Set.copyOf(EnumSet.copyOf(channels));
  }

  private static void requireRetention(Duration retention) {
    if (retention.isNegative() || retention.isZero()) {
      throw new InvalidInputException("retention", "must be a positive duration, was " + retention);
    }
    if (retention.compareTo(MAX_RETENTION) > 0) {
      throw new InvalidInputException(
          "retention", "must be at most " + MAX_RETENTION.toDays() + " days, was " + retention);
    }
  }

  private static void requireNonNull(String field, @Nullable Object value) {
    if (value == null) {
      throw new InvalidInputException(field, "must not be null");
    }
  }

  /**
   * Whether submissions are taken at {@code instant}: the campaign is {@link CampaignState#OPEN}
   * and the instant is within its open/close bounds.
   *
   * @param instant the moment of intake
   * @return true if a submission at that moment may be taken
   */
  public boolean isAcceptingAt(Instant instant) {
    return state == CampaignState.OPEN
        && opensAt.map(o -> !instant.isBefore(o)).orElse(true)
        && closesAt.map(instant::isBefore).orElse(true);
  }

  /**
   * Returns a copy in state {@code target}, without recording when (see {@link
   * #moveTo(CampaignState, Instant)}).
   *
   * @param target the next state
   * @return the moved copy (same version; the store assigns the next one)
   * @throws IllegalTransitionException if the lifecycle does not allow the move
   */
  public Campaign moveTo(CampaignState target) {
    return moveTo(target, closedAt);
  }

  /**
   * Returns a copy in state {@code target}; moving to {@link CampaignState#CLOSED} records {@code
   * at} as {@link #closedAt()}, from which the retention period runs.
   *
   * @param target the next state
   * @param at when the move happens
   * @return the moved copy (same version; the store assigns the next one)
   * @throws IllegalTransitionException if the lifecycle does not allow the move
   */
  public Campaign moveTo(CampaignState target, Instant at) {
    requireNonNull("at", at);
    return moveTo(target, target == CampaignState.CLOSED ? Optional.of(at) : closedAt);
  }

  private Campaign moveTo(CampaignState target, Optional<Instant> closed) {
    if (!state.canMoveTo(target)) {
      throw new IllegalTransitionException("campaign " + slug, state.name(), target.name());
    }
    return new Campaign(
        id, slug, title, prompt, districts, channels, opensAt, closesAt, timeZone, target, rules,
        createdAt, version, closed, retention);
  }

  /**
   * When the campaign stopped taking submissions for good: the earlier of {@link #closedAt()} and
   * {@link #closesAt()}, if either is known. (A campaign past its {@code closesAt} takes nothing
   * more, whatever its state.)
   *
   * @return the closing instant, or empty while the campaign has neither
   */
  public Optional<Instant> closingInstant() {
    if (closedAt.isPresent() && closesAt.isPresent()) {
      return Optional.of(closedAt.get().isBefore(closesAt.get()) ? closedAt.get() : closesAt.get());
    }
    return closedAt.isPresent() ? closedAt : closesAt;
  }

  /**
   * When its submissions expire: {@link #closingInstant()} plus {@link #retention()}.
   *
   * @return the instant, or empty if the campaign keeps submissions without limit or has no closing
   *     instant yet
   */
  public Optional<Instant> expiresAt() {
    if (retention.isEmpty()) {
      return Optional.empty();
    }
    Duration keep = retention.get();
    return closingInstant().map(c -> c.plus(keep));
  }

  /**
   * Whether its submissions have expired at {@code now}: {@link #expiresAt()} is not after it.
   *
   * @param now the moment to judge at
   * @return true if a purge at {@code now} erases its submissions
   */
  public boolean isExpiredAt(Instant now) {
    return expiresAt().map(e -> !e.isAfter(now)).orElse(false);
  }

  /**
   * Returns a copy with another retention period (same version; the store assigns the next one).
   *
   * @param keep how long submissions are kept after the campaign closes, or empty for no limit
   * @return the copy
   * @throws InvalidInputException if the period is not positive or longer than {@link
   *     #MAX_RETENTION}
   */
  public Campaign withRetention(Optional<Duration> keep) {
    return new Campaign(
        id, slug, title, prompt, districts, channels, opensAt, closesAt, timeZone, state, rules,
        createdAt, version, closedAt, keep);
  }

  /**
   * Returns a copy with other submission rules (same version; the store assigns the next one).
   *
   * @param newRules the rules
   * @return the copy
   * @throws InvalidInputException if the rules are null
   */
  public Campaign withRules(SubmissionRules newRules) {
    return new Campaign(
        id, slug, title, prompt, districts, channels, opensAt, closesAt, timeZone, state, newRules,
        createdAt, version, closedAt, retention);
  }

  /**
   * Returns a copy with another collection window and time zone (same version; the store assigns
   * the next one).
   *
   * @param opens earliest instant submissions are taken, or empty for no lower bound
   * @param closes instant from which they are not, or empty for no upper bound
   * @param zone the campaign's local time zone, for daily and weekly figures
   * @return the copy
   * @throws InvalidInputException if {@code closes} is not after {@code opens}
   */
  public Campaign withSchedule(Optional<Instant> opens, Optional<Instant> closes, ZoneId zone) {
    return new Campaign(
        id, slug, title, prompt, districts, channels, opens, closes, zone, state, rules, createdAt,
        version, closedAt, retention);
  }

  /**
   * Returns a copy with the given version; for storage backends.
   *
   * @param newVersion the version
   * @return the copy
   */
  public Campaign withVersion(long newVersion) {
    return new Campaign(
        id,
        slug,
        title,
        prompt,
        districts,
        channels,
        opensAt,
        closesAt,
        timeZone,
        state,
        rules,
        createdAt,
        newVersion,
        closedAt,
        retention);
  }

  /**
   * Starts a new campaign in {@link CampaignState#DRAFT}.
   *
   * @param slug the unique URL-friendly name
   * @return a builder
   */
  public static Builder builder(String slug) {
    return new Builder(slug);
  }

  /** Builds a new {@link Campaign}. Title, prompt, districts and channels are required. */
  public static final class Builder {
    private final String slug;
    private @Nullable LocalizedText title;
    private @Nullable LocalizedText prompt;
    private final Set<District> districts = new TreeSet<>();
    private final Set<Channel> channels = EnumSet.noneOf(Channel.class);
    private @Nullable Instant opensAt;
    private @Nullable Instant closesAt;
    private ZoneId timeZone = ZoneId.of("Asia/Shanghai");
    private SubmissionRules rules = SubmissionRules.defaults();
    private @Nullable Instant createdAt;
    private @Nullable CampaignId id;
    private @Nullable Duration retention;

    private Builder(String slug) {
      this.slug = slug;
    }

    /**
     * Sets the title.
     *
     * @param zh Chinese title
     * @param en English title
     * @return this builder
     */
    public Builder title(String zh, String en) {
      this.title = LocalizedText.of(zh, en);
      return this;
    }

    /**
     * Sets the title in several languages.
     *
     * @param title the title
     * @return this builder
     */
    public Builder title(LocalizedText title) {
      this.title = title;
      return this;
    }

    /**
     * Sets the prompt.
     *
     * @param zh Chinese prompt
     * @param en English prompt
     * @return this builder
     */
    public Builder prompt(String zh, String en) {
      this.prompt = LocalizedText.of(zh, en);
      return this;
    }

    /**
     * Sets the prompt in several languages.
     *
     * @param prompt the prompt
     * @return this builder
     */
    public Builder prompt(LocalizedText prompt) {
      this.prompt = prompt;
      return this;
    }

    /**
     * Adds districts by code.
     *
     * @param codes district codes such as {@code yuzhong}
     * @return this builder
     */
    public Builder districts(String... codes) {
      for (String code : codes) {
        districts.add(District.of(code));
      }
      return this;
    }

    /**
     * Adds districts.
     *
     * @param values the districts
     * @return this builder
     */
    public Builder districts(Set<District> values) {
      districts.addAll(values);
      return this;
    }

    /**
     * Adds accepted channels.
     *
     * @param values the channels
     * @return this builder
     */
    public Builder channels(Channel... values) {
      channels.addAll(Set.of(values));
      return this;
    }

    /**
     * Accepts every channel.
     *
     * @return this builder
     */
    public Builder allChannels() {
      channels.addAll(EnumSet.allOf(Channel.class));
      return this;
    }

    /**
     * Sets the open window.
     *
     * @param opens first instant submissions are taken
     * @param closes instant from which they are not
     * @return this builder
     */
    public Builder window(Instant opens, Instant closes) {
      this.opensAt = opens;
      this.closesAt = closes;
      return this;
    }

    /**
     * Sets the campaign's time zone (default Asia/Shanghai).
     *
     * @param zone the zone
     * @return this builder
     */
    public Builder timeZone(ZoneId zone) {
      this.timeZone = zone;
      return this;
    }

    /**
     * Sets the submission rules (default {@link SubmissionRules#defaults()}).
     *
     * @param rules the rules
     * @return this builder
     */
    public Builder rules(SubmissionRules rules) {
      this.rules = rules;
      return this;
    }

    /**
     * Keeps submissions only this long after the campaign closes (default: no limit); then {@code
     * spirit.retention().purgeExpired()} erases them.
     *
     * @param keep a positive duration of at most {@link Campaign#MAX_RETENTION}
     * @return this builder
     */
    public Builder retention(Duration keep) {
      this.retention = keep;
      return this;
    }

    /**
     * Sets the id explicitly, e.g. when importing a campaign; by default one is generated.
     *
     * @param id the id
     * @return this builder
     */
    public Builder id(CampaignId id) {
      this.id = id;
      return this;
    }

    /**
     * Sets the creation time (default: the time of {@link #build()}).
     *
     * @param createdAt the instant
     * @return this builder
     */
    public Builder createdAt(Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    /**
     * Builds the draft campaign.
     *
     * @return a validated campaign in state {@link CampaignState#DRAFT}, version 0
     * @throws InvalidInputException if a required value is missing or invalid
     */
    public Campaign build() {
      Instant created = createdAt != null ? createdAt : Instant.now();
      if (title == null) {
        throw new InvalidInputException("title", "must be set");
      }
      if (prompt == null) {
        throw new InvalidInputException("prompt", "must be set");
      }
      return new Campaign(
          id != null ? id : CampaignId.generate(created),
          slug,
          title,
          prompt,
          districts,
          channels,
          Optional.ofNullable(opensAt),
          Optional.ofNullable(closesAt),
          timeZone,
          CampaignState.DRAFT,
          rules,
          created,
          0,
          Optional.empty(),
          Optional.ofNullable(retention));
    }
  }
}
