package dev.spirit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.LengthLimit;
import dev.spirit.campaign.LocalizedText;
import dev.spirit.campaign.ModerationMode;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.campaign.SubmissionRules;
import dev.spirit.error.SpiritException;
import dev.spirit.error.StorageException;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.IdempotencyKey;
import dev.spirit.submission.ModerationDecision;
import dev.spirit.submission.ModerationReason;
import dev.spirit.submission.ModerationRecord;
import dev.spirit.submission.Provenance;
import dev.spirit.submission.Reaction;
import dev.spirit.submission.ReactionType;
import dev.spirit.submission.ReviewLease;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionStatus;
import dev.spirit.submission.TextSpan;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The canonical JSON of stored records")
class SpiritCodecTest {
  static final Instant T = Instant.parse("2026-06-01T08:00:00.123456789Z");

  static Campaign campaign() {
    return Campaign.builder("spirit-of-chongqing-2026")
        .title(
            new LocalizedText(
                Map.of(
                    Language.ZH,
                    "重庆城市精神",
                    Language.EN,
                    "Spirit of Chongqing",
                    Language.of("fr"),
                    "Esprit")))
        .prompt("用一个词形容重庆", "Describe \"Chongqing\"\nin one word")
        .districts("yuzhong", "jiangbei")
        .channels(Channel.MESSAGE_BOARD, Channel.EVENT)
        .window(T, T.plusSeconds(86_400 * 30))
        .timeZone(ZoneId.of("Asia/Chongqing"))
        .rules(
            SubmissionRules.builder()
                .onlyKinds(SubmissionKind.KEYWORD)
                .kind(SubmissionKind.POEM, LengthLimit.of(8, 400))
                .languages(Language.ZH)
                .maxPerParticipant(3)
                .consentRequired(false)
                .moderationMode(ModerationMode.POST)
                .reportThreshold(7)
                .build())
        .createdAt(T)
        .build()
        .withVersion(4);
  }

  static Submission full() {
    return Submission.builder()
        .id(SubmissionId.generate(T))
        .campaignId(campaign().id())
        .kind(SubmissionKind.MESSAGE)
        .text("耿直\n\"quoted\" \\ 👨\u200D👩\u200D👧 𠀀 call 13800138000")
        .language(Language.ZH)
        .district(District.of("yuzhong"))
        .channel(Channel.CARD)
        .collectionPoint(Optional.of("jiefangbei-board-3"))
        .participant(new Participant(ParticipantId.of("hash-abc"), Role.EXPERT, true))
        .provenance(Provenance.enteredBy(Provenance.Source.INTERVIEW_NOTES, "staff-li", "batch-1"))
        .receivedAt(T)
        .status(SubmissionStatus.HIDDEN)
        .version(9)
        .idempotencyKey(Optional.of(IdempotencyKey.of("card-0001")))
        .moderation(
            Optional.of(
                new ModerationRecord(
                    ModerationDecision.REVIEW,
                    List.of(
                        new ModerationReason(
                            "pii",
                            "phone-number",
                            ModerationDecision.REVIEW,
                            "手机号",
                            List.of(new TextSpan(30, 41)))),
                    Map.of("pii", "1.0"),
                    Optional.of("耿直 ***"),
                    T)))
        .reviewLease(Optional.of(new ReviewLease("moderator-li", T.plusSeconds(60))))
        .appealed(true)
        .build();
  }

  static Submission minimal() {
    return Submission.builder()
        .id(SubmissionId.generate(T))
        .campaignId(campaign().id())
        .kind(SubmissionKind.KEYWORD)
        .text("耿直")
        .language(Language.ZH)
        .district(District.of("yuzhong"))
        .channel(Channel.ONLINE)
        .participant(Participant.consenting("p-1", Role.RESIDENT))
        .receivedAt(T)
        .build();
  }

  @Test
  @DisplayName("a submission with every optional field round-trips equal, on one line")
  void submissionFull() {
    Submission s = full();
    String json = SpiritCodec.toJson(s);
    assertThat(json).doesNotContain("\n");
    assertThat(SpiritCodec.submissionFromJson(json)).isEqualTo(s);
  }

  @Test
  @DisplayName("equal maps give byte-identical JSON whatever their iteration order (keys sorted)")
  void mapsSorted() {
    Map<String, String> ascending = new java.util.LinkedHashMap<>();
    Map<String, String> descending = new java.util.LinkedHashMap<>();
    for (String rule : List.of("duplicate", "lexicon", "pii", "quality", "rate")) {
      ascending.put(rule, rule + "-1.0");
    }
    for (String rule : List.of("rate", "quality", "pii", "lexicon", "duplicate")) {
      descending.put(rule, rule + "-1.0");
    }
    Submission base = minimal();
    String a =
        SpiritCodec.toJson(
            base.toBuilder()
                .moderation(
                    Optional.of(
                        new ModerationRecord(
                            ModerationDecision.APPROVE, List.of(), ascending, Optional.empty(), T)))
                .build());
    String b =
        SpiritCodec.toJson(
            base.toBuilder()
                .moderation(
                    Optional.of(
                        new ModerationRecord(
                            ModerationDecision.APPROVE,
                            List.of(),
                            descending,
                            Optional.empty(),
                            T)))
                .build());
    assertThat(a).isEqualTo(b);
    assertThat(a)
        .contains(
            "{\"duplicate\":\"duplicate-1.0\",\"lexicon\":\"lexicon-1.0\",\"pii\":\"pii-1.0\","
                + "\"quality\":\"quality-1.0\",\"rate\":\"rate-1.0\"}");
  }

  @Test
  @DisplayName("absent optional values are absent fields and read back as empty")
  void submissionMinimal() {
    Submission s = minimal();
    String json = SpiritCodec.toJson(s);
    assertThat(json)
        .doesNotContain(
            "collectionPoint",
            "idempotencyKey",
            "moderation",
            "reviewLease",
            "enteredBy",
            "collectedAt");
    assertThat(SpiritCodec.submissionFromJson(json)).isEqualTo(s);
  }

  @Test
  @DisplayName(
      "a provenance's collection time is written and read back; a record written before the"
          + " field existed (no collectedAt) reads with it empty")
  void collectedAt() {
    Instant written = Instant.parse("2026-11-03T02:30:00Z");
    Submission card =
        full().toBuilder()
            .provenance(
                Provenance.enteredBy(Provenance.Source.TRANSCRIBED_CARD, "staff-zhao", "b")
                    .collectedAt(written))
            .build();
    String json = SpiritCodec.toJson(card);
    assertThat(json).contains("\"collectedAt\":\"2026-11-03T02:30:00Z\"");
    assertThat(SpiritCodec.submissionFromJson(json)).isEqualTo(card);
    String old = json.replace(",\"collectedAt\":\"2026-11-03T02:30:00Z\"", "");
    assertThat(old).doesNotContain("collectedAt");
    assertThat(SpiritCodec.submissionFromJson(old).provenance().collectedAt()).isEmpty();
  }

  @Test
  @DisplayName("a campaign round-trips equal, rules, window, zone and extra languages included")
  void campaignRoundTrip() {
    Campaign c = campaign();
    assertThat(SpiritCodec.campaignFromJson(SpiritCodec.toJson(c))).isEqualTo(c);
  }

  @Test
  @DisplayName("reactions with and without a reason round-trip equal")
  void reactionRoundTrip() {
    Submission s = minimal();
    Reaction report =
        new Reaction(
            s.id(),
            s.campaignId(),
            ParticipantId.of("r-1"),
            ReactionType.REPORT,
            Optional.of("广告 \"spam\""),
            T);
    Reaction endorse =
        new Reaction(
            s.id(),
            s.campaignId(),
            ParticipantId.of("r-2"),
            ReactionType.ENDORSE,
            Optional.empty(),
            T);
    assertThat(SpiritCodec.reactionFromJson(SpiritCodec.toJson(report))).isEqualTo(report);
    assertThat(SpiritCodec.reactionFromJson(SpiritCodec.toJson(endorse))).isEqualTo(endorse);
  }

  @Test
  @DisplayName("an audit entry round-trips equal")
  void auditRoundTrip() {
    Submission s = minimal();
    AuditEntry e =
        new AuditEntry(
            s.campaignId(),
            s.id(),
            "moderator-李",
            T,
            SubmissionStatus.PENDING,
            SubmissionStatus.APPROVED,
            "好\n词");
    assertThat(SpiritCodec.auditFromJson(SpiritCodec.toJson(e))).isEqualTo(e);
  }

  @Test
  @DisplayName("unknown fields are ignored, so older code reads newer records")
  void unknownFieldsIgnored() {
    Submission s = minimal();
    String json = SpiritCodec.toJson(s);
    String newer = "{\"futureField\":{\"x\":[1,2]}," + json.substring(1);
    assertThat(SpiritCodec.submissionFromJson(newer)).isEqualTo(s);
  }

  @Test
  @DisplayName("truncated JSON gives a StorageException naming the record type")
  void truncated() {
    String json = SpiritCodec.toJson(full());
    assertThatThrownBy(() -> SpiritCodec.submissionFromJson(json.substring(0, json.length() / 2)))
        .isInstanceOf(StorageException.class)
        .isInstanceOf(SpiritException.class)
        .hasMessageContaining("stored Submission is not valid");
    assertThatThrownBy(() -> SpiritCodec.campaignFromJson("not json at all"))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("stored Campaign is not valid");
    assertThatThrownBy(() -> SpiritCodec.reactionFromJson("{"))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("stored Reaction is not valid");
    assertThatThrownBy(() -> SpiritCodec.auditFromJson("[]"))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("stored AuditEntry is not valid");
  }

  @Test
  @DisplayName("an invalid value gives a StorageException naming the field and the problem")
  void invalidValue() {
    String json = SpiritCodec.toJson(minimal());
    assertThatThrownBy(
            () -> SpiritCodec.submissionFromJson(json.replace("\"yuzhong\"", "\"Yu Zhong\"")))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("district")
        .hasMessageContaining("Yu Zhong");
    assertThatThrownBy(() -> SpiritCodec.submissionFromJson(json.replace("\"ONLINE\"", "\"FAX\"")))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("FAX");
  }

  @Test
  @DisplayName("a missing required field gives a StorageException naming the field")
  void missingField() {
    String json = SpiritCodec.toJson(minimal());
    String withoutCampaign = json.replaceFirst("\"campaignId\":\"[^\"]+\",", "");
    assertThat(withoutCampaign).isNotEqualTo(json);
    assertThatThrownBy(() -> SpiritCodec.submissionFromJson(withoutCampaign))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("campaignId");
  }
}
