package dev.spirit.moderation;

/** What a lexicon term does to a submission that contains it. */
public enum TermAction {
  /** Reject the submission. */
  BLOCK,
  /** Send the submission to human review. */
  REVIEW
}
