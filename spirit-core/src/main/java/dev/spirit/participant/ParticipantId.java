package dev.spirit.participant;

import dev.spirit.text.Texts;

/**
 * A pseudonymous participant id: an opaque token chosen by the integrating app (a hashed phone
 * number, a kiosk session, a card serial). Never a real name. 1–128 visible ASCII characters.
 *
 * @param value the id
 */
public record ParticipantId(String value) {
  public ParticipantId {
    Texts.requireToken("participantId", value, 128);
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
