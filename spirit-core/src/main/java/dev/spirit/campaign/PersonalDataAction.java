package dev.spirit.campaign;

/**
 * What automatic moderation does when it finds a kind of personal data in a submission. A campaign
 * sets one action per {@link PersonalDataType}; it applies to every finding of that kind, including
 * a possible resident id (wrong check character), which is an id number mistyped or disguised.
 * Kinds a stored campaign does not name (added after it was stored) take {@link
 * ModerationSettings#DEFAULT_PERSONAL_DATA}. Whatever the action, what was found is masked in the
 * public text; the original stays in the submission for staff.
 */
public enum PersonalDataAction {
  /** Mask it in the public text; the submission itself is not held back for this reason. */
  REDACT,
  /** Mask it and send the submission to human review. */
  REVIEW,
  /** Refuse the submission. */
  REJECT
}
