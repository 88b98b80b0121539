package dev.spirit.submission;

import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.error.InvalidInputException;
import dev.spirit.participant.Participant;
import dev.spirit.text.Texts;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a caller hands to intake. Construction checks that the request is well formed (no missing
 * fields, text that is valid Unicode without control characters and not absurdly long); intake then
 * checks it against the campaign's rules.
 *
 * @param campaignId the campaign
 * @param kind what form it takes
 * @param text the text exactly as given
 * @param language the language, if the caller knows it; otherwise intake detects it
 * @param district where it was collected
 * @param channel how it was collected
 * @param collectionPoint the specific board, mailbox or kiosk, if known
 * @param participant who gave it
 * @param provenance given directly or entered by staff
 * @param idempotencyKey a retry key, if the caller may retry
 */
public record SubmissionRequest(
    CampaignId campaignId,
    SubmissionKind kind,
    String text,
    Optional<Language> language,
    District district,
    Channel channel,
    Optional<String> collectionPoint,
    Participant participant,
    Provenance provenance,
    Optional<IdempotencyKey> idempotencyKey) {
  public SubmissionRequest {
    require("campaignId", campaignId);
    require("kind", kind);
    Texts.requireWellFormed("text", text);
    require("language", language);
    require("district", district);
    require("channel", channel);
    require("collectionPoint", collectionPoint);
    collectionPoint.ifPresent(v -> Texts.requireLabel("collectionPoint", v, 200));
    require("participant", participant);
    require("provenance", provenance);
    require("idempotencyKey", idempotencyKey);
  }

  private static void require(String field, @Nullable Object value) {
    if (value == null) {
      throw new InvalidInputException(field, "must not be null");
    }
  }

  /**
   * Starts a request.
   *
   * @param campaignId the campaign
   * @return a builder
   */
  public static Builder builder(CampaignId campaignId) {
    return new Builder(campaignId);
  }

  /** Builds {@link SubmissionRequest}s. */
  public static final class Builder {
    private final CampaignId campaignId;
    private SubmissionKind kind = SubmissionKind.KEYWORD;
    private @Nullable String text;
    private @Nullable Language language;
    private @Nullable District district;
    private @Nullable Channel channel;
    private @Nullable String collectionPoint;
    private @Nullable Participant participant;
    private Provenance provenance = Provenance.direct();
    private @Nullable IdempotencyKey idempotencyKey;

    private Builder(CampaignId campaignId) {
      this.campaignId = campaignId;
    }

    /**
     * Sets the kind (default keyword).
     *
     * @param value the kind
     * @return this builder
     */
    public Builder kind(SubmissionKind value) {
      this.kind = value;
      return this;
    }

    /**
     * Sets the text.
     *
     * @param value the text as given
     * @return this builder
     */
    public Builder text(String value) {
      this.text = value;
      return this;
    }

    /**
     * Sets the language (default: detected).
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
     * Sets the district by code.
     *
     * @param code the district code
     * @return this builder
     */
    public Builder district(String code) {
      this.district = District.of(code);
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
     * @param value e.g. {@code jiefangbei-board-3}
     * @return this builder
     */
    public Builder collectionPoint(String value) {
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
     * Sets the provenance (default direct).
     *
     * @param value the provenance
     * @return this builder
     */
    public Builder provenance(Provenance value) {
      this.provenance = value;
      return this;
    }

    /**
     * Sets the idempotency key.
     *
     * @param value the key
     * @return this builder
     */
    public Builder idempotencyKey(String value) {
      this.idempotencyKey = IdempotencyKey.of(value);
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the validated request
     * @throws InvalidInputException naming the first missing or malformed field
     */
    public SubmissionRequest build() {
      if (text == null) {
        throw new InvalidInputException("text", "must not be null");
      }
      if (district == null) {
        throw new InvalidInputException("district", "must not be null");
      }
      if (channel == null) {
        throw new InvalidInputException("channel", "must not be null");
      }
      if (participant == null) {
        throw new InvalidInputException("participant", "must not be null");
      }
      return new SubmissionRequest(
          campaignId,
          kind,
          text,
          Optional.ofNullable(language),
          district,
          channel,
          Optional.ofNullable(collectionPoint),
          participant,
          provenance,
          Optional.ofNullable(idempotencyKey));
    }
  }
}
