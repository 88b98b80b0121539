package dev.spirit.examples;

import dev.spirit.campaign.Campaign;
import dev.spirit.moderation.Moderator;
import dev.spirit.submission.ModerationDecision;
import dev.spirit.submission.ModerationReason;
import dev.spirit.submission.ModerationRecord;
import dev.spirit.submission.Submission;
import dev.spirit.submission.TextSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PLACEHOLDER, NOT THE MODERATION PIPELINE: a stand-in so that the examples show all three
 * moderation outcomes until spirit-core's moderation module is wired in through {@link Wiring}. It
 * knows six demo terms (exact, case-insensitive; English as whole words) and one phone-number
 * pattern; it does not handle evasions, traditional characters or allow-lists.
 */
public final class PlaceholderModerator implements Moderator {
  /** The shared instance. */
  public static final PlaceholderModerator INSTANCE = new PlaceholderModerator();

  /** Rule id recorded in reasons and rule versions. */
  public static final String RULE = "placeholder";

  private static final Map<String, String> TERMS =
      Map.of(
          "赌场", "gambling",
          "刷单", "fraud",
          "办证", "fraud",
          "casino", "gambling",
          "viagra", "spam",
          "buy followers", "spam");

  private static final Pattern PHONE =
      Pattern.compile("(?<!\\d)(?:\\+?86[- ]?)?1[3-9]\\d{9}(?!\\d)");

  private PlaceholderModerator() {}

  @Override
  public ModerationRecord moderate(Submission candidate, Campaign campaign) {
    String text = candidate.text().original();
    String lower = text.toLowerCase(Locale.ROOT);
    List<ModerationReason> reasons = new ArrayList<>();
    ModerationDecision decision = ModerationDecision.APPROVE;
    for (Map.Entry<String, String> term : TERMS.entrySet()) {
      Pattern p =
          term.getKey().chars().allMatch(c -> c < 128)
              ? Pattern.compile("\\b" + Pattern.quote(term.getKey()) + "\\b")
              : Pattern.compile(Pattern.quote(term.getKey()));
      Matcher m = p.matcher(lower);
      List<TextSpan> spans = new ArrayList<>();
      while (m.find()) {
        spans.add(new TextSpan(m.start(), m.end()));
      }
      if (!spans.isEmpty()) {
        reasons.add(
            new ModerationReason(
                RULE,
                "blocked-term",
                ModerationDecision.REJECT,
                "'" + term.getKey() + "' (" + term.getValue() + ")",
                spans));
        decision = decision.strictest(ModerationDecision.REJECT);
      }
    }
    Matcher phone = PHONE.matcher(text);
    List<TextSpan> phoneSpans = new ArrayList<>();
    StringBuilder redacted = new StringBuilder();
    int last = 0;
    while (phone.find()) {
      phoneSpans.add(new TextSpan(phone.start(), phone.end()));
      redacted.append(text, last, phone.start()).append("[phone]");
      last = phone.end();
    }
    Optional<String> redactedText = Optional.empty();
    if (!phoneSpans.isEmpty()) {
      redacted.append(text.substring(last));
      redactedText = Optional.of(redacted.toString());
      reasons.add(
          new ModerationReason(
              RULE, "phone-number", ModerationDecision.REVIEW, "a phone number", phoneSpans));
      decision = decision.strictest(ModerationDecision.REVIEW);
    }
    return new ModerationRecord(
        decision, reasons, Map.of(RULE, "0"), redactedText, candidate.receivedAt());
  }
}
