package dev.spirit.participant;

import dev.spirit.error.InvalidInputException;
import java.util.Locale;

/** Who a participant is, relative to the city, as they declared it. */
public enum Role {
  /** Lives in the city. */
  RESIDENT,
  /** Visiting the city. */
  VISITOR,
  /** Invited expert or scholar. */
  EXPERT,
  /** Student. */
  STUDENT,
  /** Anyone else, or not stated. */
  OTHER;

  /**
   * Parses a role name case-insensitively.
   *
   * @param text the name
   * @return the role
   * @throws InvalidInputException if unknown
   */
  public static Role parse(String text) {
    if (text == null) {
      throw new InvalidInputException("role", "must not be null");
    }
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "role",
          "unknown role '" + text + "'; expected resident, visitor, expert, student or other");
    }
  }
}
