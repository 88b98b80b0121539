package dev.spirit.campaign;

import dev.spirit.error.InvalidInputException;
import dev.spirit.internal.Uuid7;
import java.time.Instant;
import java.util.UUID;

/**
 * Identifies a campaign. Time-ordered (UUID version 7).
 *
 * @param value the UUID
 */
public record CampaignId(UUID value) {
  public CampaignId {
    if (value == null) {
      throw new InvalidInputException("campaignId", "must not be null");
    }
  }

  /**
   * Creates a new id for a campaign created at {@code now}.
   *
   * @param now creation time
   * @return a fresh id
   */
  public static CampaignId generate(Instant now) {
    return new CampaignId(Uuid7.next(now));
  }

  /**
   * Parses the canonical string form.
   *
   * @param text a UUID string such as {@code 0193a0b4-...}
   * @return the id
   * @throws InvalidInputException if the text is not a UUID
   */
  public static CampaignId parse(String text) {
    try {
      return new CampaignId(Uuid7.parseCanonical(text));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidInputException("campaignId", "is not a UUID: '" + text + "'");
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
