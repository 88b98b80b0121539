package dev.spirit.submission;

import dev.spirit.error.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What automatic moderation decided about a submission, and why: the audit trail stored with it.
 *
 * @param decision combined decision of all rules
 * @param reasons every reason any rule gave
 * @param ruleVersions the id and version of each rule that ran, so a decision can be explained
 *     later even after rules change
 * @param redactedText the text with personal data masked, if any was found
 * @param decidedAt when the decision was made
 */
public record ModerationRecord(
    ModerationDecision decision,
    List<ModerationReason> reasons,
    Map<String, String> ruleVersions,
    Optional<String> redactedText,
    Instant decidedAt) {
  public ModerationRecord {
    if (decision == null) {
      throw new InvalidInputException("moderation.decision", "must not be null");
    }
    if (decidedAt == null) {
      throw new InvalidInputException("moderation.decidedAt", "must not be null");
    }
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    // Map.copyOf rejects null keys and values, and keeps an already unmodifiable copy as it is, so
    // records read back from storage can share one rule-versions map
    ruleVersions = ruleVersions == null ? Map.of() : Map.copyOf(ruleVersions);
    redactedText = redactedText == null ? Optional.empty() : redactedText;
  }

  /**
   * A record of a submission no rule objected to.
   *
   * @param at when
   * @return an approving record without reasons
   */
  public static ModerationRecord approved(Instant at) {
    return new ModerationRecord(
        ModerationDecision.APPROVE, List.of(), Map.of(), Optional.empty(), at);
  }
}
