package dev.spirit.storage;

import dev.spirit.error.InvalidInputException;
import dev.spirit.submission.ReviewLease;
import dev.spirit.submission.Submission;
import java.util.Optional;

/**
 * One submission {@link SpiritStore#claimUnleased} claimed: its stored state, carrying the new
 * lease, and the lapsed lease the claim replaced, if it had one (core tells listeners about it).
 *
 * @param submission the stored submission with the new lease
 * @param replaced the lapsed lease it carried before, if any
 */
public record ClaimedSubmission(Submission submission, Optional<ReviewLease> replaced) {
  public ClaimedSubmission {
    if (submission == null || replaced == null) {
      throw new InvalidInputException("claimed", "submission and replaced lease must not be null");
    }
  }
}
