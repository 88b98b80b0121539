package dev.spirit.participant;

import dev.spirit.error.InvalidInputException;
import dev.spirit.text.EnumNames;

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
    return EnumNames.parse(Role.class, "role", text);
  }
}
