package dev.spirit.submission;

/** Machine-readable reasons intake refuses a submission. */
public enum RejectionCode {
  /** The campaign does not exist. */
  CAMPAIGN_NOT_FOUND,
  /** The campaign is not open at this instant (draft, paused, closed, or outside its window). */
  CAMPAIGN_NOT_OPEN,
  /** The district is not one the campaign runs in. */
  DISTRICT_NOT_ALLOWED,
  /** The channel is not one the campaign accepts. */
  CHANNEL_NOT_ALLOWED,
  /** The kind is not one the campaign accepts. */
  KIND_NOT_ALLOWED,
  /** The normalized text is shorter than the kind's minimum. */
  TOO_SHORT,
  /** The normalized text is longer than the kind's maximum. */
  TOO_LONG,
  /** The text's language is not one the campaign accepts. */
  LANGUAGE_NOT_ALLOWED,
  /** The campaign requires consent and the participant did not give it. */
  CONSENT_REQUIRED,
  /**
   * The campaign names the consent text it presents and the participant's consent is not a record
   * of exactly that text (an earlier or unknown version, a different hash, or the yes/no form).
   */
  CONSENT_TEXT_MISMATCH,
  /** The participant's consent does not allow a purpose the campaign requires. */
  CONSENT_PURPOSE_MISSING,
  /**
   * The participant's consent record says it was given after intake's now, by more than five
   * minutes of allowed clock skew: a clock is wrong or the record is made up.
   */
  CONSENT_IN_FUTURE,
  /**
   * The submission's provenance says it was collected after intake's now ({@link
   * Provenance#collectedAt()}), by more than five minutes of allowed clock skew.
   */
  COLLECTED_IN_FUTURE,
  /** The participant has already given the campaign's maximum number of submissions. */
  PARTICIPANT_LIMIT_REACHED,
  /**
   * The idempotency key is already stored in the campaign for a different submission; {@link
   * Receipt#orThrow()} throws {@link IdempotencyConflictException}.
   */
  IDEMPOTENCY_CONFLICT
}
