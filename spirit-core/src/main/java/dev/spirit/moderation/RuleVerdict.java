package dev.spirit.moderation;

import dev.spirit.submission.ModerationDecision;
import dev.spirit.submission.TextSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * What one {@link ModerationRule} found in a submission.
 *
 * @param decision the rule's decision: the strictest of its findings, or {@code APPROVE}
 * @param findings the reasons, with the spans of the original text they concern
 * @param redactions spans of the original text to mask in the public text (personal data)
 */
public record RuleVerdict(
    ModerationDecision decision, List<Finding> findings, List<TextSpan> redactions) {

  private static final RuleVerdict APPROVE =
      new RuleVerdict(ModerationDecision.APPROVE, List.of(), List.of());

  public RuleVerdict {
    findings = findings == null ? List.of() : List.copyOf(findings);
    redactions = redactions == null ? List.of() : List.copyOf(redactions);
    ModerationDecision strictest = decision == null ? ModerationDecision.APPROVE : decision;
    for (Finding f : findings) {
      strictest = strictest.strictest(f.decision());
    }
    decision = strictest;
  }

  /**
   * One reason a rule gives.
   *
   * @param code machine-readable reason, e.g. {@code blocked-term}
   * @param decision what this finding alone calls for
   * @param detail explanation for moderators
   * @param spans where in the original text
   */
  public record Finding(
      String code, ModerationDecision decision, String detail, List<TextSpan> spans) {
    public Finding {
      spans = spans == null ? List.of() : List.copyOf(spans);
    }
  }

  /**
   * Nothing found.
   *
   * @return an approving verdict
   */
  public static RuleVerdict approve() {
    return APPROVE;
  }

  /**
   * One finding that sends the submission to review.
   *
   * @param code reason code
   * @param detail explanation
   * @param spans where, if anywhere in particular
   * @return the verdict
   */
  public static RuleVerdict review(String code, String detail, TextSpan... spans) {
    return of(new Finding(code, ModerationDecision.REVIEW, detail, List.of(spans)));
  }

  /**
   * One finding that rejects the submission.
   *
   * @param code reason code
   * @param detail explanation
   * @param spans where, if anywhere in particular
   * @return the verdict
   */
  public static RuleVerdict reject(String code, String detail, TextSpan... spans) {
    return of(new Finding(code, ModerationDecision.REJECT, detail, List.of(spans)));
  }

  /**
   * A verdict of some findings.
   *
   * @param findings the findings
   * @return the verdict, as strict as its strictest finding
   */
  public static RuleVerdict of(Finding... findings) {
    return new RuleVerdict(ModerationDecision.APPROVE, List.of(findings), List.of());
  }

  /**
   * A copy that also masks these spans.
   *
   * @param spans spans of personal data
   * @return the copy
   */
  public RuleVerdict withRedactions(List<TextSpan> spans) {
    List<TextSpan> all = new ArrayList<>(redactions);
    all.addAll(spans);
    return new RuleVerdict(decision, findings, all);
  }
}
