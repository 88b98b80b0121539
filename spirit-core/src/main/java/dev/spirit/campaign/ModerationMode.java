package dev.spirit.campaign;

/** When submissions become public relative to review. */
public enum ModerationMode {
  /** Nothing is public before a person has reviewed it. */
  PRE,
  /** Public unless automatic moderation flags it for review or rejects it. */
  POST
}
