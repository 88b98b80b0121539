package dev.spirit.storage;

import dev.spirit.error.InvalidInputException;
import dev.spirit.submission.SubmissionId;

/**
 * Where the next page starts: after the submission with this id. Pages are ordered by submission
 * id, which is time-ordered, so a cursor stays valid while new submissions arrive.
 *
 * @param after the last id of the previous page
 */
public record PageCursor(SubmissionId after) {
  public PageCursor {
    if (after == null) {
      throw new InvalidInputException("cursor", "must not be null");
    }
  }

  /**
   * The cursor as an opaque token for URLs and APIs.
   *
   * @return the token
   */
  public String token() {
    return after.toString();
  }

  /**
   * Parses a token made by {@link #token()}.
   *
   * @param token the token
   * @return the cursor
   * @throws InvalidInputException if the token is not one of ours
   */
  public static PageCursor parse(String token) {
    try {
      return new PageCursor(SubmissionId.parse(token));
    } catch (InvalidInputException e) {
      throw new InvalidInputException("cursor", "is not a valid page cursor: '" + token + "'");
    }
  }
}
