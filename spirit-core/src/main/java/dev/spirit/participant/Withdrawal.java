package dev.spirit.participant;

/** What happens to a participant's submissions when they withdraw their consent; they choose. */
public enum Withdrawal {
  /**
   * Keep the submissions but never show them to the public again: the consent to {@link
   * ConsentPurpose#PUBLISH} is withdrawn on each of them (with the time), the other purposes stay.
   */
  UNPUBLISH,
  /** Erase everything of the participant, as {@code Spirit.eraseParticipant} does. */
  ERASE
}
