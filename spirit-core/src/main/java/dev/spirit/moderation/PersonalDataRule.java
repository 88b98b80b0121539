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
 * Finds personal data — mainland mobile and landline numbers (in digits of either width or in
 * Chinese numerals), resident id numbers, bank card numbers (Luhn verified), e-mail addresses (also
 * with a full-width {@code ＠}), web addresses, QQ numbers and WeChat ids announced as such, and
 * mainland addresses down to a house, building or room number — and acts on each kind as the
 * campaign's {@link ModerationSettings} say: mask it, mask it and send the submission to review, or
 * reject. Every kind found is masked in the redacted (public) text whatever the action; the
 * original text, kept for staff, is untouched.
 *
 * <p>Reason codes are {@code personal-data-} and the kind in lower case: {@code
 * personal-data-mobile}, {@code personal-data-landline}, {@code personal-data-resident_id}, {@code
 * personal-data-email}, {@code personal-data-url}, {@code personal-data-qq}, {@code
 * personal-data-wechat}, {@code personal-data-address}, {@code personal-data-bank_card}. An
 * 18-digit number with a real province code and birth date but a wrong check character is masked as
 * well, under {@code personal-data-resident_id-possible} ("possible ID number"), with the action of
 * {@link PersonalDataType#RESIDENT_ID}.
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
    // 2: addresses, bank cards, possible ids, Chinese-numeral phones, full-width e-mail.
    return "2";
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
    // Certain findings of each kind first, then the possible ones, in the order of the kinds.
    Map<PersonalDataType, List<TextSpan>> certain = new EnumMap<>(PersonalDataType.class);
    Map<PersonalDataType, List<TextSpan>> possible = new EnumMap<>(PersonalDataType.class);
    List<TextSpan> all = new ArrayList<>();
    for (PersonalDataScanner.Found f : found) {
      (f.possible() ? possible : certain)
          .computeIfAbsent(f.type(), t -> new ArrayList<>())
          .add(f.span());
      all.add(f.span());
    }
    List<RuleVerdict.Finding> findings = new ArrayList<>();
    for (PersonalDataType type : PersonalDataType.values()) {
      List<TextSpan> spans = certain.get(type);
      if (spans != null) {
        findings.add(finding(type, false, spans, settings.actionFor(type)));
      }
      spans = possible.get(type);
      if (spans != null) {
        findings.add(finding(type, true, spans, settings.actionFor(type)));
      }
    }
    return new RuleVerdict(ModerationDecision.APPROVE, findings, all);
  }

  private static RuleVerdict.Finding finding(
      PersonalDataType type, boolean possible, List<TextSpan> spans, PersonalDataAction action) {
    ModerationDecision decision =
        switch (action) {
          case REDACT -> ModerationDecision.APPROVE;
          case REVIEW -> ModerationDecision.REVIEW;
          case REJECT -> ModerationDecision.REJECT;
        };
    String kind = type.name().toLowerCase(Locale.ROOT);
    String what = possible ? "possible " + label(type) : label(type);
    return new RuleVerdict.Finding(
        "personal-data-" + kind + (possible ? "-possible" : ""),
        decision,
        spans.size()
            + " × "
            + kind
            + " ("
            + action.name().toLowerCase(Locale.ROOT)
            + "): "
            + what
            + (possible ? " (its check digit does not match)" : "")
            + " masked in the public text",
        spans);
  }

  /** What staff read in the reason. */
  static String label(PersonalDataType type) {
    return switch (type) {
      case MOBILE -> "mobile number";
      case LANDLINE -> "landline number";
      case RESIDENT_ID -> "ID number";
      case EMAIL -> "e-mail address";
      case URL -> "web address";
      case QQ -> "QQ number";
      case WECHAT -> "WeChat id";
      case ADDRESS -> "address";
      case BANK_CARD -> "bank card number";
    };
  }
}
