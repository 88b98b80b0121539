package dev.spirit.moderation.state;

import dev.spirit.campaign.CampaignId;
import org.jspecify.annotations.Nullable;

/**
 * Whose window an event belongs to: a kind of window, a campaign and a subject (a participant id or
 * a collection point). Backends that persist state should store only a keyed hash of the subject.
 *
 * @param kind which window
 * @param campaign the campaign
 * @param subject the participant id ({@link Kind#PARTICIPANT_RATE}, {@link Kind#PARTICIPANT_TEXTS})
 *     or the collection point (the other kinds)
 */
public record StateKey(Kind kind, CampaignId campaign, String subject) {

  /** The windows the shipped rules keep. */
  public enum Kind {
    /** Submissions of one participant in a campaign, counted ({@code RateRule}). */
    PARTICIPANT_RATE,
    /** Submissions taken at one collection point in a campaign, counted ({@code RateRule}). */
    COLLECTION_POINT_RATE,
    /** Texts of one participant in a campaign ({@code DuplicateRule}). */
    PARTICIPANT_TEXTS,
    /** Texts taken at one collection point in a campaign ({@code DuplicateRule}, floods). */
    COLLECTION_POINT_TEXTS;

    /**
     * Whether the subject of this kind of window is a participant id (erased with the participant).
     *
     * @return true for the participant windows
     */
    public boolean participantSubject() {
      return this == PARTICIPANT_RATE || this == PARTICIPANT_TEXTS;
    }
  }

  /**
   * Validates the key.
   *
   * @throws dev.spirit.error.InvalidInputException if a part is missing or the subject is empty
   */
  public StateKey {
    if (kind == null) {
      throw new dev.spirit.error.InvalidInputException("stateKey.kind", "is required");
    }
    if (campaign == null) {
      throw new dev.spirit.error.InvalidInputException("stateKey.campaign", "is required");
    }
    // Only presence: the subject comes from a validated submission, and this runs on every check.
    if (subject == null || subject.isEmpty()) {
      throw new dev.spirit.error.InvalidInputException("stateKey.subject", "must not be empty");
    }
  }

  // equals and hashCode written out: the record's generated ones go through method-handle
  // bootstraps that showed in the profile of the intake path.
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof StateKey k
        && kind == k.kind
        && subject.equals(k.subject)
        && campaign.value().equals(k.campaign.value());
  }

  @Override
  public int hashCode() {
    return (subject.hashCode() * 31 + campaign.value().hashCode()) * 4 + kind.ordinal();
  }
}
