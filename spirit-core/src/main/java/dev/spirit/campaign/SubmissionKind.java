package dev.spirit.campaign;

import dev.spirit.error.InvalidInputException;
import dev.spirit.text.EnumNames;

/** What form a submission takes; each kind has its own length limits in a campaign's rules. */
public enum SubmissionKind {
  /** One word or short phrase, e.g. 耿直 or "candor". Counted whole by aggregation. */
  KEYWORD,
  /** A slogan, e.g. 山水之城 美丽之地. */
  SLOGAN,
  /** A free message. */
  MESSAGE,
  /** A poem. */
  POEM,
  /** Notes of an interview, written by staff. */
  INTERVIEW_NOTE;

  /**
   * Parses a kind name, case-insensitively, accepting dashes for underscores.
   *
   * @param text the name
   * @return the kind
   * @throws InvalidInputException naming the accepted values if the name is unknown
   */
  public static SubmissionKind parse(String text) {
    return EnumNames.parse(SubmissionKind.class, "kind", text);
  }

  /**
   * The lowercase, dash-separated name.
   *
   * @return e.g. {@code interview-note}
   */
  public String key() {
    return EnumNames.key(this);
  }
}
