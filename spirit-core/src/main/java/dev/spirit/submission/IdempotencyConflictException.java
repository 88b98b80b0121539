package dev.spirit.submission;

import java.util.List;

/**
 * Thrown by {@link Receipt#orThrow()} when a request reuses an idempotency key that the campaign
 * already stored for a different submission (other text, kind, district, channel, collection point
 * or participant). A retry of the same submission with the same key is a replay, not a conflict: it
 * is answered with the stored submission's receipt.
 *
 * <p>Web front ends answer it with HTTP 409; the example CLI exits with status 1 and says
 * "conflict".
 */
public class IdempotencyConflictException extends SubmissionRejectedException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param reasons the rejection reasons, one of them {@link RejectionCode#IDEMPOTENCY_CONFLICT}
   */
  public IdempotencyConflictException(List<Rejection> reasons) {
    super(reasons);
  }
}
