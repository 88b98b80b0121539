package dev.spirit.participant;

import dev.spirit.error.InvalidInputException;

/**
 * The person behind a submission, pseudonymously.
 *
 * @param id pseudonymous id
 * @param role declared role
 * @param consent whether they consented to the processing and publication of their submission
 */
public record Participant(ParticipantId id, Role role, boolean consent) {
  public Participant {
    if (id == null) {
      throw new InvalidInputException("participant.id", "must not be null");
    }
    if (role == null) {
      throw new InvalidInputException("participant.role", "must not be null");
    }
  }

  /**
   * A participant who consented.
   *
   * @param id pseudonymous id
   * @param role role
   * @return the participant
   */
  public static Participant consenting(String id, Role role) {
    return new Participant(ParticipantId.of(id), role, true);
  }
}
