package dev.spirit.participant;

import dev.spirit.error.InvalidInputException;
import dev.spirit.text.EnumNames;

/** What a participant allows their submission to be used for. */
public enum ConsentPurpose {
  /**
   * Shown to the public: the message board, open-data exports, anything outside the campaign's
   * staff. A submission without it is never public, whatever its status.
   */
  PUBLISH,
  /** Counted in statistics (term counts, dashboards, open-data figures), never shown alone. */
  STATISTICS,
  /** The campaign may contact the participant about it. Recorded only: Spirit sends nothing. */
  CONTACT;

  /**
   * Parses a purpose name case-insensitively ({@code publish}, {@code statistics}, {@code
   * contact}).
   *
   * @param text the name
   * @return the purpose
   * @throws InvalidInputException if unknown
   */
  public static ConsentPurpose parse(String text) {
    return EnumNames.parse(ConsentPurpose.class, "consent.purpose", text);
  }
}
