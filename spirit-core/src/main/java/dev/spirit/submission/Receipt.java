package dev.spirit.submission;

import dev.spirit.error.InvalidInputException;
import java.util.List;

/**
 * What intake answers to a submission: {@link Accepted} (stored, with its id and status) or {@link
 * Rejected} (not stored, with every reason).
 */
public sealed interface Receipt permits Receipt.Accepted, Receipt.Rejected {

  /**
   * Whether the submission was stored.
   *
   * @return true for {@link Accepted}
   */
  boolean accepted();

  /**
   * Returns the accepted receipt or throws.
   *
   * @return this receipt as accepted
   * @throws SubmissionRejectedException with the reasons, if rejected
   */
  Accepted orThrow();

  /**
   * The submission was stored (or had been stored before under the same idempotency key).
   *
   * @param id the submission id
   * @param status its status after automatic moderation
   * @param replayed true if an earlier submission with the same idempotency key was returned
   *     instead of storing a new one
   */
  record Accepted(SubmissionId id, SubmissionStatus status, boolean replayed) implements Receipt {
    public Accepted {
      if (id == null || status == null) {
        throw new InvalidInputException("receipt", "id and status are required");
      }
    }

    @Override
    public boolean accepted() {
      return true;
    }

    @Override
    public Accepted orThrow() {
      return this;
    }
  }

  /**
   * The submission was refused and nothing was stored.
   *
   * @param reasons every rule it broke, at least one
   */
  record Rejected(List<Rejection> reasons) implements Receipt {
    public Rejected {
      if (reasons == null || reasons.isEmpty()) {
        throw new InvalidInputException("receipt.reasons", "a rejection needs at least one reason");
      }
      reasons = List.copyOf(reasons);
    }

    @Override
    public boolean accepted() {
      return false;
    }

    @Override
    public Accepted orThrow() {
      if (has(RejectionCode.IDEMPOTENCY_CONFLICT)) {
        throw new IdempotencyConflictException(reasons);
      }
      throw new SubmissionRejectedException(reasons);
    }

    /**
     * Whether one of the reasons has this code.
     *
     * @param code the code
     * @return true if present
     */
    public boolean has(RejectionCode code) {
      return reasons.stream().anyMatch(r -> r.code() == code);
    }
  }
}
