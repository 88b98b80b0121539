package dev.spirit.moderation;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.ModerationSettings;
import dev.spirit.campaign.PersonalDataAction;
import dev.spirit.campaign.PersonalDataType;
import dev.spirit.moderation.internal.PersonalDataScanner;
import dev.spirit.submission.ModerationDecision;
import dev.spirit.submission.Submission;
import dev.spirit.submission.TextSpan;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds personal data — mainland mobile and landline numbers, resident id numbers (check digit
 * verified), e-mail addresses, web addresses, QQ numbers and WeChat ids — and acts on each kind as
 * the campaign's {@link ModerationSettings} say: mask it, mask it and send the submission to
 * review, or reject. Every kind found is masked in the redacted text whatever the action. Reason
 * codes: {@code personal-data-mobile}, {@code personal-data-landline}, {@code
 * personal-data-resident_id}, {@code personal-data-email}, {@code personal-data-url}, {@code
 * personal-data-qq}, {@code personal-data-wechat}.
 */
public final class PersonalDataRule implements ModerationRule {
  /** The rule id. */
  public static final String ID = "personal-data";

  /** Creates the rule. */
  public PersonalDataRule() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public RuleVerdict check(Submission candidate, Campaign campaign) {
    return check(candidate.text().original(), campaign.rules().moderation());
  }

  /**
   * Checks a bare text.
   *
   * @param text the text
   * @param settings the actions per kind
   * @return the verdict
   */
  public RuleVerdict check(String text, ModerationSettings settings) {
    List<PersonalDataScanner.Found> found = PersonalDataScanner.scan(text);
    if (found.isEmpty()) {
      return RuleVerdict.approve();
    }
    Map<PersonalDataType, List<TextSpan>> byType = new EnumMap<>(PersonalDataType.class);
    List<TextSpan> all = new ArrayList<>();
    for (PersonalDataScanner.Found f : found) {
      byType.computeIfAbsent(f.type(), t -> new ArrayList<>()).add(f.span());
      all.add(f.span());
    }
    List<RuleVerdict.Finding> findings = new ArrayList<>();
    for (Map.Entry<PersonalDataType, List<TextSpan>> e : byType.entrySet()) {
      PersonalDataAction action = settings.actionFor(e.getKey());
      ModerationDecision decision =
          switch (action) {
            case REDACT -> ModerationDecision.APPROVE;
            case REVIEW -> ModerationDecision.REVIEW;
            case REJECT -> ModerationDecision.REJECT;
          };
      String kind = e.getKey().name().toLowerCase(Locale.ROOT);
      findings.add(
          new RuleVerdict.Finding(
              "personal-data-" + kind,
              decision,
              e.getValue().size()
                  + " × "
                  + kind
                  + " ("
                  + action.name().toLowerCase(Locale.ROOT)
                  + ")",
              e.getValue()));
    }
    return new RuleVerdict(ModerationDecision.APPROVE, findings, all);
  }
}
