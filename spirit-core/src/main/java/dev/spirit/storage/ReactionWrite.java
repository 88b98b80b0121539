package dev.spirit.storage;

/** What a backend found when it tried to store a reaction ({@link SpiritStore#storeReaction}). */
public enum ReactionWrite {
  /** Stored. */
  STORED,
  /** Not stored: the same person already reacted to the submission with the same type. */
  ALREADY_THERE,
  /** Not stored: the submission does not exist (or was erased). */
  NO_SUBMISSION
}
