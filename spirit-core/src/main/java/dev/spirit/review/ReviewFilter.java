package dev.spirit.review;

import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.error.InvalidInputException;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.ModerationReason;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which submissions of a campaign a moderator looks at: by default every pending one; narrowed by
 * status, district, channel, the reason code automatic moderation gave (e.g. {@code flood}), and
 * whether someone else currently holds a lease on it.
 *
 * @param campaignId the campaign
 * @param statuses statuses to include (default: pending)
 * @param district only this district, if present
 * @param channel only this channel, if present
 * @param reasonCode only submissions with a moderation reason of this code, if present
 * @param unclaimedOnly leave out submissions with an active lease
 */
public record ReviewFilter(
    CampaignId campaignId,
    Set<SubmissionStatus> statuses,
    Optional<District> district,
    Optional<Channel> channel,
    Optional<String> reasonCode,
    boolean unclaimedOnly) {
  public ReviewFilter {
    if (campaignId == null || statuses == null || district == null || channel == null) {
      throw new InvalidInputException("reviewFilter", "campaign and conditions must not be null");
    }
    if (reasonCode == null) {
      throw new InvalidInputException("reviewFilter.reasonCode", "must not be null");
    }
    statuses =
        statuses.isEmpty()
            ? Set.of(SubmissionStatus.PENDING)
            : Set.copyOf(EnumSet.copyOf(statuses));
  }

  /**
   * Every pending submission of a campaign.
   *
   * @param campaignId the campaign
   * @return the filter
   */
  public static ReviewFilter pending(CampaignId campaignId) {
    return builder(campaignId).build();
  }

  /**
   * Starts a filter.
   *
   * @param campaignId the campaign
   * @return a builder
   */
  public static Builder builder(CampaignId campaignId) {
    return new Builder(campaignId);
  }

  /**
   * The part of this filter the store can evaluate.
   *
   * @return a submission filter
   */
  public SubmissionFilter storeFilter() {
    SubmissionFilter.Builder b = SubmissionFilter.builder(campaignId);
    statuses.forEach(b::status);
    district.ifPresent(b::district);
    channel.ifPresent(b::channel);
    return b.build();
  }

  /**
   * Whether a submission is covered, at an instant (leases expire).
   *
   * @param s the submission
   * @param now the instant
   * @return true if covered
   */
  public boolean matches(Submission s, Instant now) {
    return storeFilter().matches(s)
        && reasonCode
            .map(
                code ->
                    s.moderation().stream()
                        .flatMap(m -> m.reasons().stream())
                        .map(ModerationReason::code)
                        .anyMatch(code::equals))
            .orElse(true)
        && (!unclaimedOnly || s.reviewLease().map(l -> !l.isActiveAt(now)).orElse(true));
  }

  /** Builds {@link ReviewFilter}s. */
  public static final class Builder {
    private final CampaignId campaignId;
    private final Set<SubmissionStatus> statuses = EnumSet.noneOf(SubmissionStatus.class);
    private @Nullable District district;
    private @Nullable Channel channel;
    private @Nullable String reasonCode;
    private boolean unclaimedOnly;

    private Builder(CampaignId campaignId) {
      this.campaignId = campaignId;
    }

    /**
     * Includes these statuses (default: pending only).
     *
     * @param values statuses
     * @return this builder
     */
    public Builder status(SubmissionStatus... values) {
      statuses.addAll(Set.of(values));
      return this;
    }

    /**
     * Only this district.
     *
     * @param value the district
     * @return this builder
     */
    public Builder district(District value) {
      this.district = value;
      return this;
    }

    /**
     * Only this channel.
     *
     * @param value the channel
     * @return this builder
     */
    public Builder channel(Channel value) {
      this.channel = value;
      return this;
    }

    /**
     * Only submissions automatic moderation gave this reason code.
     *
     * @param value e.g. {@code flood}, {@code blocked-term}
     * @return this builder
     */
    public Builder reasonCode(String value) {
      this.reasonCode = value;
      return this;
    }

    /**
     * Leaves out submissions someone has claimed.
     *
     * @return this builder
     */
    public Builder unclaimedOnly() {
      this.unclaimedOnly = true;
      return this;
    }

    /**
     * Builds the filter.
     *
     * @return the filter
     */
    public ReviewFilter build() {
      return new ReviewFilter(
          campaignId,
          statuses,
          Optional.ofNullable(district),
          Optional.ofNullable(channel),
          Optional.ofNullable(reasonCode),
          unclaimedOnly);
    }
  }
}
