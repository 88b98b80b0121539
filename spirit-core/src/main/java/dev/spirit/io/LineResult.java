package dev.spirit.io;

import dev.spirit.error.InvalidInputException;
import dev.spirit.submission.Rejection;
import dev.spirit.submission.SubmissionId;
import java.util.List;
import java.util.Optional;

/**
 * What became of one row of an import.
 *
 * @param line the 1-based line (CSV, JSON lines) or row number (xlsx) where the row starts
 * @param outcome imported, already present or refused
 * @param submission the stored submission, unless refused
 * @param reasons why it was refused, in words (empty unless refused): a problem reading or mapping
 *     the row (e.g. {@code text: is missing or empty}), or intake's reasons as {@code refused:
 *     CODE: message}
 * @param rejections intake's typed reasons, when intake refused the row (empty otherwise)
 */
public record LineResult(
    long line,
    Outcome outcome,
    Optional<SubmissionId> submission,
    List<String> reasons,
    List<Rejection> rejections) {

  /** What became of a row. */
  public enum Outcome {
    /** Stored now, as a new submission. */
    IMPORTED,
    /** Stored by an earlier import or an earlier row (same content key or explicit key). */
    ALREADY_PRESENT,
    /** Not stored: unreadable, incomplete, or refused by intake. */
    REFUSED
  }

  public LineResult {
    if (outcome == null || submission == null || reasons == null || rejections == null) {
      throw new InvalidInputException("lineResult", "fields must not be null");
    }
    reasons = List.copyOf(reasons);
    rejections = List.copyOf(rejections);
    if ((outcome == Outcome.REFUSED) == submission.isPresent()) {
      throw new InvalidInputException(
          "lineResult", "a refused row has no submission and any other row has one");
    }
    if ((outcome == Outcome.REFUSED) == reasons.isEmpty()) {
      throw new InvalidInputException("lineResult", "exactly the refused rows have reasons");
    }
  }

  /**
   * A stored row.
   *
   * @param line its line
   * @param id the submission
   * @param replayed true if it was already there
   * @return the result
   */
  static LineResult stored(long line, SubmissionId id, boolean replayed) {
    return new LineResult(
        line,
        replayed ? Outcome.ALREADY_PRESENT : Outcome.IMPORTED,
        Optional.of(id),
        List.of(),
        List.of());
  }

  /**
   * A row that could not be read or mapped.
   *
   * @param line its line
   * @param reason why
   * @return the result
   */
  static LineResult unreadable(long line, String reason) {
    return new LineResult(line, Outcome.REFUSED, Optional.empty(), List.of(reason), List.of());
  }

  /**
   * A row intake refused.
   *
   * @param line its line
   * @param rejections intake's reasons
   * @return the result
   */
  static LineResult rejected(long line, List<Rejection> rejections) {
    return new LineResult(
        line,
        Outcome.REFUSED,
        Optional.empty(),
        rejections.stream().map(r -> "refused: " + r.code() + ": " + r.message()).toList(),
        rejections);
  }
}
