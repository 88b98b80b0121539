package dev.spirit.storage.tck;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.submission.IdempotencyKey;
import dev.spirit.submission.ModerationDecision;
import dev.spirit.submission.ModerationReason;
import dev.spirit.submission.ModerationRecord;
import dev.spirit.submission.Provenance;
import dev.spirit.submission.ReviewLease;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionStatus;
import dev.spirit.submission.TextSpan;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builders for the campaigns and submissions the contract tests store. Every slug, participant id
 * and idempotency key they make is unique to this JVM run (a random run id plus a sequence), so
 * tests against a database shared with other tests or earlier runs never see each other's data.
 */
public final class TckFixtures {
  /** The instant fixtures are based on: 2026-06-01T08:00:00Z. */
  public static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

  private static final AtomicLong SEQUENCE = new AtomicLong();
  private static final String RUN = Long.toString(new SecureRandom().nextLong() >>> 1, 36);

  private TckFixtures() {}

  /**
   * A name unique to this run, for participant ids, idempotency keys and labels.
   *
   * @param prefix a readable prefix such as {@code alice}
   * @return {@code prefix-<run>-<n>}
   */
  public static String unique(String prefix) {
    return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
  }

  /**
   * A draft campaign with a unique slug in Yuzhong, Jiangbei and Wanzhou, accepting every channel.
   * Campaigns made later have a later creation time.
   *
   * @return the campaign
   */
  public static Campaign campaign() {
    long n = SEQUENCE.incrementAndGet();
    return Campaign.builder("tck-" + RUN + "-" + n)
        .title("重庆城市精神", "Spirit of Chongqing City")
        .prompt("用一个词形容重庆", "Describe Chongqing in one word")
        .districts("yuzhong", "jiangbei", "wanzhou")
        .allChannels()
        .createdAt(T0.plusSeconds(n))
        .build();
  }

  /**
   * A submission builder with every required field set: keyword 耿直 from a consenting resident in
   * Yuzhong on a message board, received at {@code T0} plus a growing number of milliseconds, with
   * an id generated for that instant (so later fixtures have greater ids).
   *
   * @param campaign the campaign
   * @param participant the participant id
   * @return a builder to adjust
   */
  public static Submission.Builder submission(CampaignId campaign, String participant) {
    Instant at = T0.plusMillis(SEQUENCE.incrementAndGet());
    return Submission.builder()
        .id(SubmissionId.generate(at))
        .campaignId(campaign)
        .kind(SubmissionKind.KEYWORD)
        .text("耿直")
        .language(Language.ZH)
        .district(District.of("yuzhong"))
        .channel(Channel.MESSAGE_BOARD)
        .participant(new Participant(ParticipantId.of(participant), Role.RESIDENT, true))
        .receivedAt(at);
  }

  /**
   * A submission with an idempotency key.
   *
   * @param campaign the campaign
   * @param participant the participant id
   * @param key the idempotency key
   * @return the submission
   */
  public static Submission withKey(CampaignId campaign, String participant, String key) {
    return submission(campaign, participant)
        .idempotencyKey(Optional.of(IdempotencyKey.of(key)))
        .build();
  }

  /**
   * A submission with every optional field present: a collection point, staff provenance with an
   * import batch, an idempotency key, a moderation record with reasons, spans, rule versions and a
   * redacted text, a review lease, the appeal flag, and a non-default status.
   *
   * @param campaign the campaign
   * @param participant the participant id
   * @return the submission
   */
  public static Submission withEveryOptionalField(CampaignId campaign, String participant) {
    Submission.Builder b = submission(campaign, participant);
    Instant at = b.build().receivedAt();
    String text = "耿直 call 13800138000 😀";
    ModerationRecord record =
        new ModerationRecord(
            ModerationDecision.REVIEW,
            List.of(
                new ModerationReason(
                    "pii",
                    "phone-number",
                    ModerationDecision.REVIEW,
                    "a mainland mobile number",
                    List.of(new TextSpan(8, 19))),
                new ModerationReason(
                    "lexicon", "watch-term", ModerationDecision.APPROVE, "词表: 耿直", List.of())),
            Map.of("pii", "1.2.0", "lexicon", "2026-05-30"),
            Optional.of("耿直 call *********** 😀"),
            at.plusMillis(3));
    return b.kind(SubmissionKind.MESSAGE)
        .text(text)
        .district(District.of("jiangbei"))
        .channel(Channel.CARD)
        .collectionPoint(Optional.of("guanyinqiao-festival-stand-2"))
        .participant(new Participant(ParticipantId.of(participant), Role.STUDENT, true))
        .provenance(
            Provenance.enteredBy(
                Provenance.Source.TRANSCRIBED_CARD, "staff-wang", "cards-2026-06-01-a"))
        .idempotencyKey(Optional.of(IdempotencyKey.of(unique("card"))))
        .moderation(Optional.of(record))
        .reviewLease(Optional.of(new ReviewLease("moderator-li", at.plusSeconds(600))))
        .status(SubmissionStatus.HIDDEN)
        .appealed(true)
        .build();
  }

  /**
   * Texts a backend must store and return unchanged, char for char: emoji with skin tones, ZWJ
   * sequences and flags, CJK including supplementary-plane ideographs, right-to-left scripts,
   * combining marks that must not be composed, and strings that break naive SQL, JSON or CSV
   * handling.
   *
   * @return label to text, in a stable order
   */
  public static Map<String, String> exoticTexts() {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("plain CJK", "山水之城 美丽之地");
    texts.put("emoji with skin tone", "点赞👍🏽");
    texts.put("emoji ZWJ family", "👨\u200D👩\u200D👧\u200D👦 一家人");
    texts.put("flags", "🇨🇳🇭🇰🇺🇳");
    texts.put("supplementary-plane ideographs", "𠀀𠀁𪚥𰻞 biang");
    texts.put("right-to-left Arabic and Hebrew", "مرحبا بالعالم שלום עולם");
    texts.put("combining marks left decomposed", "Cafe\u0301 e\u0301\u0300 \u1100\u1161");
    texts.put("full-width and compatibility forms", "ＡＢＣ１２３ ﬁ ①");
    texts.put("SQL injection", "'; DROP TABLE submissions; -- \" OR 1=1 /*");
    texts.put("JSON breaking", "{\"a\": \"b\\\"c\"}\\n\\u0000 \\\\ \"");
    texts.put("newlines, tabs and CRLF", "line one\nline two\r\nline\tthree\r");
    texts.put("leading and trailing spaces", "  耿直  ");
    texts.put("zero-width and bidi controls", "耿\u200B直\u202E反\u202C\uFEFF");
    texts.put("JavaScript line separators", "a\u2028b\u2029c");
    texts.put("percent, dollar and backtick", "100% $1 `x` ${y} %s {0}");
    texts.put("long CJK text", "重庆".repeat(2500) + "😀");
    return texts;
  }
}
