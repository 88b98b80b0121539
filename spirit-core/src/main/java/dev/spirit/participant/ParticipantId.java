package dev.spirit.participant;

import dev.spirit.error.InvalidInputException;

/**
 * A pseudonymous participant id: an opaque token chosen by the integrating app (a hashed phone
 * number, a kiosk session, a card serial). Never a real name. 1–128 visible ASCII characters.
 *
 * @param value the id
 */
public record ParticipantId(String value) {
  public ParticipantId {
    if (value == null) {
      throw new InvalidInputException("participantId", "must not be null");
    }
    if (value.isEmpty() || value.length() > 128) {
      throw new InvalidInputException(
          "participantId", "must be 1-128 characters, was " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= 0x20 || c >= 0x7F) {
        throw new InvalidInputException(
            "participantId",
            "must be visible ASCII without spaces; found "
                + String.format("U+%04X", (int) c)
                + " at index "
                + i);
      }
    }
  }

  /**
   * Shorthand for the constructor.
   *
   * @param value the id
   * @return the participant id
   */
  public static ParticipantId of(String value) {
    return new ParticipantId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
