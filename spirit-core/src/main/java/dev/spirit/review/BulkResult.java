package dev.spirit.review;

import dev.spirit.submission.SubmissionId;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a bulk decision: which submissions were decided, and which were skipped and why
 * (changed concurrently, claimed by someone else, a status that cannot move).
 *
 * @param decided the submissions decided
 * @param skipped the submissions left alone, with the reason
 */
public record BulkResult(List<SubmissionId> decided, Map<SubmissionId, String> skipped) {
  public BulkResult {
    decided = decided == null ? List.of() : List.copyOf(decided);
    skipped = skipped == null ? Map.of() : Map.copyOf(skipped);
  }
}
