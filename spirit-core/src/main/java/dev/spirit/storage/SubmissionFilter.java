package dev.spirit.storage;

import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.error.InvalidInputException;
import dev.spirit.participant.ParticipantId;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which submissions of a campaign a query, count or scan covers. Every condition that is present
 * must hold; an empty status set means every status.
 *
 * @param campaignId the campaign (required)
 * @param statuses allowed statuses; empty for all
 * @param district only this district, if present
 * @param channel only this channel, if present
 * @param participant only this participant's, if present
 * @param receivedFrom received at or after this instant, if present
 * @param receivedBefore received strictly before this instant, if present
 */
public record SubmissionFilter(
    CampaignId campaignId,
    Set<SubmissionStatus> statuses,
    Optional<District> district,
    Optional<Channel> channel,
    Optional<ParticipantId> participant,
    Optional<Instant> receivedFrom,
    Optional<Instant> receivedBefore) {
  public SubmissionFilter {
    if (campaignId == null) {
      throw new InvalidInputException("filter.campaignId", "must not be null");
    }
    if (statuses == null
        || district == null
        || channel == null
        || participant == null
        || receivedFrom == null
        || receivedBefore == null) {
      throw new InvalidInputException("filter", "optional conditions must not be null");
    }
    statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
  }

  /**
   * Whether a submission satisfies every condition. Backends that filter in memory use this, so
   * that all backends agree on what a filter means.
   *
   * @param s a submission
   * @return true if it is covered by this filter
   */
  public boolean matches(Submission s) {
    return s.campaignId().equals(campaignId)
        && (statuses.isEmpty() || statuses.contains(s.status()))
        && district.map(d -> d.equals(s.district())).orElse(true)
        && channel.map(c -> c == s.channel()).orElse(true)
        && participant.map(p -> p.equals(s.participant().id())).orElse(true)
        && receivedFrom.map(f -> !s.receivedAt().isBefore(f)).orElse(true)
        && receivedBefore.map(b -> s.receivedAt().isBefore(b)).orElse(true);
  }

  /**
   * A filter covering every submission of a campaign.
   *
   * @param campaignId the campaign
   * @return the filter
   */
  public static SubmissionFilter all(CampaignId campaignId) {
    return builder(campaignId).build();
  }

  /**
   * Starts a filter for a campaign.
   *
   * @param campaignId the campaign
   * @return a builder
   */
  public static Builder builder(CampaignId campaignId) {
    return new Builder(campaignId);
  }

  /** Builds {@link SubmissionFilter}s. */
  public static final class Builder {
    private final CampaignId campaignId;
    private final Set<SubmissionStatus> statuses = EnumSet.noneOf(SubmissionStatus.class);
    private @Nullable District district;
    private @Nullable Channel channel;
    private @Nullable ParticipantId participant;
    private @Nullable Instant from;
    private @Nullable Instant before;

    private Builder(CampaignId campaignId) {
      this.campaignId = campaignId;
    }

    /**
     * Restricts to these statuses (may be called repeatedly to add more).
     *
     * @param values statuses
     * @return this builder
     */
    public Builder status(SubmissionStatus... values) {
      statuses.addAll(Set.of(values));
      return this;
    }

    /**
     * Restricts to a district.
     *
     * @param value the district
     * @return this builder
     */
    public Builder district(District value) {
      this.district = value;
      return this;
    }

    /**
     * Restricts to a channel.
     *
     * @param value the channel
     * @return this builder
     */
    public Builder channel(Channel value) {
      this.channel = value;
      return this;
    }

    /**
     * Restricts to a participant.
     *
     * @param value the participant
     * @return this builder
     */
    public Builder participant(ParticipantId value) {
      this.participant = value;
      return this;
    }

    /**
     * Restricts to submissions received in {@code [from, before)}.
     *
     * @param from inclusive lower bound
     * @param before exclusive upper bound
     * @return this builder
     */
    public Builder receivedBetween(Instant from, Instant before) {
      this.from = from;
      this.before = before;
      return this;
    }

    /**
     * Builds the filter.
     *
     * @return the filter
     */
    public SubmissionFilter build() {
      return new SubmissionFilter(
          campaignId,
          statuses,
          Optional.ofNullable(district),
          Optional.ofNullable(channel),
          Optional.ofNullable(participant),
          Optional.ofNullable(from),
          Optional.ofNullable(before));
    }
  }
}
