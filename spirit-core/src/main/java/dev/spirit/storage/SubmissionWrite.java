package dev.spirit.storage;

import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;

/**
 * What a backend found when it tried to store a new submission ({@link
 * SpiritStore#storeNewSubmission}). The backend checks the conditions in the order of the variants
 * below, atomically with the write; core maps each variant to what the caller sees.
 */
public sealed interface SubmissionWrite
    permits SubmissionWrite.IdTaken,
        SubmissionWrite.KeyTaken,
        SubmissionWrite.AtLimit,
        SubmissionWrite.Stored {

  /**
   * Not stored: a submission with the same id is already stored.
   *
   * @param id the taken id
   */
  record IdTaken(SubmissionId id) implements SubmissionWrite {}

  /**
   * Not stored: the campaign already has a submission with the same idempotency key.
   *
   * @param existing that earlier submission, as stored
   */
  record KeyTaken(Submission existing) implements SubmissionWrite {}

  /**
   * Not stored: the participant already has {@code count} submissions in the campaign, at least the
   * limit.
   *
   * @param count their current number of submissions in the campaign
   */
  record AtLimit(long count) implements SubmissionWrite {}

  /**
   * Stored exactly as handed in.
   *
   * @param stored the stored submission
   */
  record Stored(Submission stored) implements SubmissionWrite {}
}
