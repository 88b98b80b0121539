package dev.spirit.storage;

import dev.spirit.submission.Submission;

/**
 * What the store did with a submission handed to {@link SpiritStore#insert}: stored it, found an
 * earlier one with the same idempotency key, or refused it because the participant reached the
 * campaign's limit.
 */
public sealed interface InsertOutcome
    permits InsertOutcome.Inserted, InsertOutcome.Duplicate, InsertOutcome.LimitReached {

  /**
   * Stored; {@code stored} has version 1.
   *
   * @param stored the stored submission
   */
  record Inserted(Submission stored) implements InsertOutcome {}

  /**
   * Not stored: a submission with the same idempotency key exists in the campaign.
   *
   * @param existing the earlier submission
   */
  record Duplicate(Submission existing) implements InsertOutcome {}

  /**
   * Not stored: the participant already has {@code count} submissions in the campaign.
   *
   * @param count their current number of submissions
   */
  record LimitReached(long count) implements InsertOutcome {}
}
