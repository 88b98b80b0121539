package dev.spirit.campaign;

/** What automatic moderation does when it finds a kind of personal data in a submission. */
public enum PersonalDataAction {
  /** Mask it in the public text; the submission itself is not held back for this reason. */
  REDACT,
  /** Mask it and send the submission to human review. */
  REVIEW,
  /** Refuse the submission. */
  REJECT
}
