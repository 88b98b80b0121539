package dev.spirit.submission;

import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.error.InvalidInputException;
import dev.spirit.participant.ConsentPurpose;
import dev.spirit.participant.Participant;
import dev.spirit.text.Texts;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One word, slogan, message, poem or interview note given to a campaign. Immutable: moderation
 * produces changed copies, stored with optimistic versioning.
 *
 * <p>The identifying fields (id, campaign, participant id, idempotency key, received-at) never
 * change after intake; storage backends may index them once. (The participant's consent may change:
 * a withdrawal is recorded on each of their submissions.)
 *
 * @param id time-ordered id
 * @param campaignId the campaign
 * @param kind keyword, slogan, message, poem or interview note
 * @param text the text as given and normalized
 * @param language its language
 * @param district where it was collected
 * @param channel how it was collected
 * @param collectionPoint the specific board, mailbox, stand or kiosk, if known
 * @param participant who gave it
 * @param provenance given directly or entered by staff
 * @param receivedAt when intake accepted it
 * @param status moderation status
 * @param version optimistic-concurrency version, assigned by the store (1 once stored)
 * @param idempotencyKey the client's retry key, if any
 * @param moderation what automatic moderation decided, if it ran
 * @param reviewLease a moderator's current claim, if any
 * @param appealed whether the participant has used their one appeal
 */
public record Submission(
    SubmissionId id,
    CampaignId campaignId,
    SubmissionKind kind,
    SubmissionText text,
    Language language,
    District district,
    Channel channel,
    Optional<String> collectionPoint,
    Participant participant,
    Provenance provenance,
    Instant receivedAt,
    SubmissionStatus status,
    long version,
    Optional<IdempotencyKey> idempotencyKey,
    Optional<ModerationRecord> moderation,
    Optional<ReviewLease> reviewLease,
    boolean appealed) {
  public Submission {
    require("id", id);
    require("campaignId", campaignId);
    require("kind", kind);
    require("text", text);
    require("language", language);
    require("district", district);
    require("channel", channel);
    require("collectionPoint", collectionPoint);
    collectionPoint.ifPresent(v -> Texts.requireLabel("collectionPoint", v, 200));
    require("participant", participant);
    require("provenance", provenance);
    require("receivedAt", receivedAt);
    require("status", status);
    if (version < 0) {
      throw new InvalidInputException("version", "must not be negative, was " + version);
    }
    require("idempotencyKey", idempotencyKey);
    moderation = moderation == null ? Optional.empty() : moderation;
    reviewLease = reviewLease == null ? Optional.empty() : reviewLease;
  }

  private static void require(String field, @Nullable Object value) {
    if (value == null) {
      throw new InvalidInputException(field, "must not be null");
    }
  }

  /**
   * The text to show the public: the redacted form if moderation masked personal data, otherwise
   * the original.
   *
   * @return display text
   */
  public String displayText() {
    return moderation.flatMap(ModerationRecord::redactedText).orElse(text.original());
  }

  /**
   * Whether the public may see this submission (the message board, open-data exports, reactions):
   * it is {@link SubmissionStatus#APPROVED approved} and its participant's consent allows {@link
   * ConsentPurpose#PUBLISH}. Staff see every submission.
   *
   * @return true if public
   */
  public boolean visibleToPublic() {
    return status.isPublic() && participant.permits(ConsentPurpose.PUBLISH);
  }

  /**
   * Whether this submission counts in statistics: it is {@link SubmissionStatus#APPROVED approved}
   * and its participant's consent allows {@link ConsentPurpose#STATISTICS} (it need not allow
   * publication).
   *
   * @return true if counted
   */
  public boolean countsInStatistics() {
    return status.isPublic() && participant.permits(ConsentPurpose.STATISTICS);
  }

  /**
   * A copy with another participant record (the same person: only their consent may differ).
   *
   * @param changed the participant with the same id
   * @return the copy
   * @throws InvalidInputException if the participant's id differs
   */
  public Submission withParticipant(Participant changed) {
    if (changed == null || !changed.id().equals(participant.id())) {
      throw new InvalidInputException(
          "participant", "must be the same participant " + participant.id() + ", was " + changed);
    }
    return toBuilder().participant(changed).build();
  }

  /**
   * A copy with another status.
   *
   * @param newStatus the status
   * @return the copy
   */
  public Submission withStatus(SubmissionStatus newStatus) {
    return toBuilder().status(newStatus).build();
  }

  /**
   * A copy with another version; for storage backends.
   *
   * @param newVersion the version
   * @return the copy
   */
  public Submission withVersion(long newVersion) {
    return toBuilder().version(newVersion).build();
  }

  /**
   * A builder initialised with this submission's values, to derive a changed copy.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * A builder for a new submission. Intake builds submissions from requests; this is for imports
   * and tests.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Submission}s. */
  public static final class Builder {
    private @Nullable SubmissionId id;
    private @Nullable CampaignId campaignId;
    private @Nullable SubmissionKind kind;
    private @Nullable SubmissionText text;
    private @Nullable Language language;
    private @Nullable District district;
    private @Nullable Channel channel;
    private Optional<String> collectionPoint = Optional.empty();
    private @Nullable Participant participant;
    private Provenance provenance = Provenance.direct();
    private @Nullable Instant receivedAt;
    private SubmissionStatus status = SubmissionStatus.PENDING;
    private long version;
    private Optional<IdempotencyKey> idempotencyKey = Optional.empty();
    private Optional<ModerationRecord> moderation = Optional.empty();
    private Optional<ReviewLease> reviewLease = Optional.empty();
    private boolean appealed;

    private Builder() {}

    private Builder(Submission s) {
      id = s.id;
      campaignId = s.campaignId;
      kind = s.kind;
      text = s.text;
      language = s.language;
      district = s.district;
      channel = s.channel;
      collectionPoint = s.collectionPoint;
      participant = s.participant;
      provenance = s.provenance;
      receivedAt = s.receivedAt;
      status = s.status;
      version = s.version;
      idempotencyKey = s.idempotencyKey;
      moderation = s.moderation;
      reviewLease = s.reviewLease;
      appealed = s.appealed;
    }

    /**
     * Sets the id.
     *
     * @param value the id
     * @return this builder
     */
    public Builder id(SubmissionId value) {
      this.id = value;
      return this;
    }

    /**
     * Sets the campaign.
     *
     * @param value the campaign id
     * @return this builder
     */
    public Builder campaignId(CampaignId value) {
      this.campaignId = value;
      return this;
    }

    /**
     * Sets the kind.
     *
     * @param value the kind
     * @return this builder
     */
    public Builder kind(SubmissionKind value) {
      this.kind = value;
      return this;
    }

    /**
     * Sets the text, normalizing it.
     *
     * @param original the text as given
     * @return this builder
     */
    public Builder text(String original) {
      this.text = SubmissionText.of(original);
      return this;
    }

    /**
     * Sets the text.
     *
     * @param value the text
     * @return this builder
     */
    public Builder text(SubmissionText value) {
      this.text = value;
      return this;
    }

    /**
     * Sets the language.
     *
     * @param value the language
     * @return this builder
     */
    public Builder language(Language value) {
      this.language = value;
      return this;
    }

    /**
     * Sets the district.
     *
     * @param value the district
     * @return this builder
     */
    public Builder district(District value) {
      this.district = value;
      return this;
    }

    /**
     * Sets the channel.
     *
     * @param value the channel
     * @return this builder
     */
    public Builder channel(Channel value) {
      this.channel = value;
      return this;
    }

    /**
     * Sets the collection point.
     *
     * @param value the collection point, or empty
     * @return this builder
     */
    public Builder collectionPoint(Optional<String> value) {
      this.collectionPoint = value;
      return this;
    }

    /**
     * Sets the participant.
     *
     * @param value the participant
     * @return this builder
     */
    public Builder participant(Participant value) {
      this.participant = value;
      return this;
    }

    /**
     * Sets the provenance (default: direct).
     *
     * @param value the provenance
     * @return this builder
     */
    public Builder provenance(Provenance value) {
      this.provenance = value;
      return this;
    }

    /**
     * Sets the intake time.
     *
     * @param value the instant
     * @return this builder
     */
    public Builder receivedAt(Instant value) {
      this.receivedAt = value;
      return this;
    }

    /**
     * Sets the status (default: pending).
     *
     * @param value the status
     * @return this builder
     */
    public Builder status(SubmissionStatus value) {
      this.status = value;
      return this;
    }

    /**
     * Sets the version (default 0: not yet stored).
     *
     * @param value the version
     * @return this builder
     */
    public Builder version(long value) {
      this.version = value;
      return this;
    }

    /**
     * Sets the idempotency key.
     *
     * @param value the key, or empty
     * @return this builder
     */
    public Builder idempotencyKey(Optional<IdempotencyKey> value) {
      this.idempotencyKey = value;
      return this;
    }

    /**
     * Sets the moderation record.
     *
     * @param value the record, or empty
     * @return this builder
     */
    public Builder moderation(Optional<ModerationRecord> value) {
      this.moderation = value;
      return this;
    }

    /**
     * Sets the review lease.
     *
     * @param value the lease, or empty
     * @return this builder
     */
    public Builder reviewLease(Optional<ReviewLease> value) {
      this.reviewLease = value;
      return this;
    }

    /**
     * Sets whether the participant has appealed.
     *
     * @param value true once appealed
     * @return this builder
     */
    public Builder appealed(boolean value) {
      this.appealed = value;
      return this;
    }

    /**
     * Builds the submission.
     *
     * @return the validated submission
     * @throws InvalidInputException naming the first missing or invalid field
     */
    public Submission build() {
      return new Submission(
          require("id", id),
          require("campaignId", campaignId),
          require("kind", kind),
          require("text", text),
          require("language", language),
          require("district", district),
          require("channel", channel),
          collectionPoint,
          require("participant", participant),
          provenance,
          require("receivedAt", receivedAt),
          status,
          version,
          idempotencyKey,
          moderation,
          reviewLease,
          appealed);
    }

    private static <T> T require(String field, @Nullable T value) {
      if (value == null) {
        throw new InvalidInputException(field, "must be set");
      }
      return value;
    }
  }
}
