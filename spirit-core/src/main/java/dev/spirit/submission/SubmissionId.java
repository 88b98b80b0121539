package dev.spirit.submission;

import dev.spirit.error.InvalidInputException;
import dev.spirit.internal.Uuid7;
import java.time.Instant;
import java.util.UUID;

/**
 * Identifies a submission. Time-ordered (UUID version 7): ids sort by intake time, which storage
 * backends use for stable keyset pagination.
 *
 * @param value the UUID
 */
public record SubmissionId(UUID value) implements Comparable<SubmissionId> {
  public SubmissionId {
    if (value == null) {
      throw new InvalidInputException("submissionId", "must not be null");
    }
  }

  /**
   * Creates a new id for a submission received at {@code now}.
   *
   * @param now intake time
   * @return a fresh id, greater than every id generated before in this process
   */
  public static SubmissionId generate(Instant now) {
    return new SubmissionId(Uuid7.next(now));
  }

  /**
   * Parses the canonical string form.
   *
   * @param text a UUID string
   * @return the id
   * @throws InvalidInputException if the text is not a UUID
   */
  public static SubmissionId parse(String text) {
    try {
      return new SubmissionId(Uuid7.parseCanonical(text));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidInputException("submissionId", "is not a UUID: '" + text + "'");
    }
  }

  /** Orders ids as unsigned 128-bit numbers: the order of their canonical strings. */
  @Override
  public int compareTo(SubmissionId other) {
    return Uuid7.compareUnsigned(value, other.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
