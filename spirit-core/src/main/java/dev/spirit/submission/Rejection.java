package dev.spirit.submission;

import dev.spirit.error.InvalidInputException;

/**
 * One reason intake refused a submission.
 *
 * @param code machine-readable reason
 * @param field the request field concerned
 * @param message human-readable explanation naming the limit
 */
public record Rejection(RejectionCode code, String field, String message) {
  public Rejection {
    if (code == null || field == null || message == null) {
      throw new InvalidInputException("rejection", "code, field and message are required");
    }
  }
}
