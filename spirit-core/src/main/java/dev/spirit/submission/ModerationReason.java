package dev.spirit.submission;

import dev.spirit.error.InvalidInputException;
import java.util.List;

/**
 * One reason automatic moderation gave for its decision.
 *
 * @param ruleId the rule that found it, e.g. {@code lexicon}
 * @param code machine-readable reason, e.g. {@code blocked-term}, {@code phone-number}
 * @param decision what the rule decided
 * @param detail human-readable explanation, e.g. the matched term and its category
 * @param spans where in the original text the reason applies
 */
public record ModerationReason(
    String ruleId, String code, ModerationDecision decision, String detail, List<TextSpan> spans) {
  public ModerationReason {
    if (ruleId == null || ruleId.isBlank()) {
      throw new InvalidInputException("reason.ruleId", "must not be blank");
    }
    if (code == null || code.isBlank()) {
      throw new InvalidInputException("reason.code", "must not be blank");
    }
    if (decision == null) {
      throw new InvalidInputException("reason.decision", "must not be null");
    }
    if (detail == null) {
      throw new InvalidInputException("reason.detail", "must not be null");
    }
    spans = spans == null ? List.of() : List.copyOf(spans);
  }
}
