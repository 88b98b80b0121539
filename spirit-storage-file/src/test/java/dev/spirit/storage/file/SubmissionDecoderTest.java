package dev.spirit.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.campaign.CampaignId;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.storage.SpiritCodec;
import dev.spirit.storage.tck.TckFixtures;
import dev.spirit.submission.ModerationDecision;
import dev.spirit.submission.ModerationReason;
import dev.spirit.submission.ModerationRecord;
import dev.spirit.submission.Provenance;
import dev.spirit.submission.Submission;
import dev.spirit.submission.TextSpan;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The streaming submission decoder reads exactly what the codec reads, or declines")
class SubmissionDecoderTest {
  private static final CampaignId CAMPAIGN = CampaignId.generate(TckFixtures.T0);

  /**
   * Rule versions like the standard pipeline's (lexicon, personal data, duplicate, rate, quality).
   */
  static final Map<String, String> VERSIONS =
      Map.of(
          "lexicon", "1/27t-5a-8c3f0e1d",
          "personal-data", "1",
          "duplicate", "1",
          "rate", "1",
          "quality", "1");

  /** A submission with the moderation record intake stores when no rule objected. */
  static Submission approvedAtIntake(String participant, Map<String, String> versions) {
    Submission s = TckFixtures.submission(CAMPAIGN, participant).build();
    return s.toBuilder()
        .moderation(
            Optional.of(
                new ModerationRecord(
                    ModerationDecision.APPROVE,
                    List.of(),
                    versions,
                    Optional.empty(),
                    s.receivedAt())))
        .build();
  }

  /** A submission whose phone number the personal-data rule masked, as intake stores it. */
  static Submission redactedAtIntake(String participant) {
    Submission s = TckFixtures.submission(CAMPAIGN, participant).text("热情 电话13812345678").build();
    return s.toBuilder()
        .moderation(
            Optional.of(
                new ModerationRecord(
                    ModerationDecision.REVIEW,
                    List.of(
                        new ModerationReason(
                            "personal-data",
                            "phone-number",
                            ModerationDecision.REVIEW,
                            "a mainland \"mobile\" number",
                            List.of(new TextSpan(5, 16))),
                        new ModerationReason(
                            "quality", "gibberish", ModerationDecision.REVIEW, "", List.of())),
                    VERSIONS,
                    Optional.of("热情 电话***********"),
                    s.receivedAt())))
        .build();
  }

  static Stream<Submission> submissions() {
    List<Submission> all = new ArrayList<>();
    all.add(approvedAtIntake("p-20", VERSIONS));
    all.add(approvedAtIntake("p-21", Map.of()));
    all.add(redactedAtIntake("p-22"));
    Submission later = approvedAtIntake("p-23", VERSIONS);
    all.add(
        later.toBuilder()
            .moderation(Optional.of(ModerationRecord.approved(later.receivedAt().plusSeconds(1))))
            .build());
    all.add(TckFixtures.submission(CAMPAIGN, "p-1").version(1).build());
    all.add(TckFixtures.withKey(CAMPAIGN, "p-2", "key-2").withVersion(7));
    all.add(TckFixtures.withEveryOptionalField(CAMPAIGN, "p-3"));
    all.add(
        TckFixtures.submission(CAMPAIGN, "p-3")
            .provenance(Provenance.enteredBy(Provenance.Source.STAFF_ENTRY, "staff-zhao"))
            .build());
    all.add(
        TckFixtures.submission(CAMPAIGN, "p-3")
            .provenance(
                new Provenance(
                    Provenance.Source.DIRECT, Optional.empty(), Optional.of("import-2026-06")))
            .participant(new Participant(ParticipantId.of("p-3"), Role.VISITOR, false))
            .build());
    for (Map.Entry<String, String> text : TckFixtures.exoticTexts().entrySet()) {
      all.add(TckFixtures.submission(CAMPAIGN, "p-4").text(text.getValue()).build());
    }
    for (Instant at :
        List.of(
            Instant.parse("1970-01-01T00:00:00Z"),
            Instant.parse("1969-12-31T23:59:59.999999999Z"),
            Instant.parse("0001-02-28T01:02:03.1Z"),
            Instant.parse("2024-02-29T12:00:00.120Z"),
            Instant.parse("9999-12-31T23:59:59.123456Z"))) {
      all.add(TckFixtures.submission(CAMPAIGN, "p-5").receivedAt(at).build());
    }
    return all.stream();
  }

  @ParameterizedTest
  @MethodSource("submissions")
  @DisplayName("a record the codec wrote decodes to the same submission")
  void roundTrip(Submission submission) {
    byte[] json = SpiritCodec.toJson(submission).getBytes(StandardCharsets.UTF_8);
    SubmissionRow row = new SubmissionDecoder(new StoreState()).decode(json, 0, json.length);

    assertThat(row).isNotNull();
    assertThat(row.toSubmission()).isEqualTo(submission);
  }

  @Test
  @DisplayName("it reads from the middle of a buffer and reuses repeated values")
  void sharesRepeatedValues() {
    SubmissionDecoder decoder = new SubmissionDecoder(new StoreState());
    Submission first = TckFixtures.withKey(CAMPAIGN, "p-9", "k-1");
    Submission second = TckFixtures.withKey(CAMPAIGN, "p-9", "k-2");
    byte[] a = ("xx" + SpiritCodec.toJson(first) + "yy").getBytes(StandardCharsets.UTF_8);
    byte[] b = SpiritCodec.toJson(second).getBytes(StandardCharsets.UTF_8);

    SubmissionRow ra = decoder.decode(a, 2, a.length - 4);
    SubmissionRow rb = decoder.decode(b, 0, b.length);

    assertThat(ra.toSubmission()).isEqualTo(first);
    assertThat(rb.toSubmission()).isEqualTo(second);
    assertThat(rb.participant).isSameAs(ra.participant);
    assertThat(rb.district).isSameAs(ra.district);
    assertThat(rb.campaignId).isSameAs(ra.campaignId);
    assertThat(rb.normalized).isSameAs(rb.original);
  }

  @Test
  @DisplayName("rows of approvals made at intake keep only the shared rule versions")
  void keepsIntakeApprovalsCompact() {
    StoreState state = new StoreState();
    SubmissionDecoder decoder = new SubmissionDecoder(state);
    SubmissionDecoder otherThread = new SubmissionDecoder(state);
    Submission first = approvedAtIntake("p-30", VERSIONS);
    Submission second = approvedAtIntake("p-31", new TreeMap<>(VERSIONS));
    Submission redacted = redactedAtIntake("p-32");
    byte[] a = SpiritCodec.toJson(first).getBytes(StandardCharsets.UTF_8);
    byte[] b = SpiritCodec.toJson(second).getBytes(StandardCharsets.UTF_8);
    byte[] c = SpiritCodec.toJson(redacted).getBytes(StandardCharsets.UTF_8);

    SubmissionRow ra = decoder.decode(a, 0, a.length);
    SubmissionRow rb = otherThread.decode(b, 0, b.length);
    SubmissionRow rc = decoder.decode(c, 0, c.length);

    assertThat(ra.moderation).isInstanceOf(Map.class).isEqualTo(VERSIONS);
    assertThat(rb.moderation).isSameAs(ra.moderation);
    assertThat(rc.moderation).isInstanceOf(ModerationRecord.class);
    assertThat(((ModerationRecord) rc.moderation).ruleVersions()).isSameAs(ra.moderation);
    assertThat(ra.toSubmission()).isEqualTo(first);
    assertThat(rb.toSubmission()).isEqualTo(second);
    assertThat(rc.toSubmission()).isEqualTo(redacted);
    assertThat(ra.toSubmission().moderation().orElseThrow().ruleVersions()).isSameAs(ra.moderation);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"decision\":\"APPROVE\",\"reasons\":[],\"ruleVersions\":{\"a\":\"1\",\"a\":\"2\"},"
            + "\"decidedAt\":\"2026-06-01T08:00:00Z\"}",
        "{\"decision\":\"APPROVE\",\"ruleVersions\":{},\"decidedAt\":\"2026-06-01T08:00:00Z\"}",
        "{\"decision\":\"REVIEW\",\"reasons\":[],\"ruleVersions\":{},\"extra\":1,"
            + "\"decidedAt\":\"2026-06-01T08:00:00Z\"}",
        "{\"decision\":\"APPROVE\", \"reasons\":[],\"ruleVersions\":{},"
            + "\"decidedAt\":\"2026-06-01T08:00:00Z\"}",
        "{\"decision\":\"REVIEW\",\"reasons\":[{\"ruleId\":\"q\",\"code\":\"c\","
            + "\"decision\":\"REVIEW\",\"detail\":\"d\"}],\"ruleVersions\":{},"
            + "\"decidedAt\":\"2026-06-01T08:00:00.5Z\"}",
      })
  @DisplayName("a moderation record in another shape is read by the codec, with the same meaning")
  void leavesOtherModerationShapesToTheCodec(String moderation) {
    String json = SpiritCodec.toJson(TckFixtures.submission(CAMPAIGN, "p-33").build());
    int at = json.indexOf(",\"appealed\":");
    String withModeration =
        json.substring(0, at) + ",\"moderation\":" + moderation + json.substring(at);
    byte[] bytes = withModeration.getBytes(StandardCharsets.UTF_8);

    SubmissionRow row = new SubmissionDecoder(new StoreState()).decode(bytes, 0, bytes.length);

    assertThat(row).isNotNull();
    assertThat(row.toSubmission()).isEqualTo(SpiritCodec.submissionFromJson(withModeration));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"extra\":1,", // unknown field: the codec ignores it, the decoder leaves it to the codec
        "\"collectionPoint\":null,",
        "\"version\":\"3\",",
        "\"receivedAt\":\"2026-06-01T08:00:00+00:00\",",
        "\"receivedAt\":\"2026-02-30T08:00:00Z\",",
        "\"id\":\"1-2-3-4-5\",",
        "\"id\":\"0193a0b4-0000-7000-8000-00000000000g\",",
        "\"status\":\"pending\",",
        "\"district\":\"Not A District\",",
        "\"participant\":{\"id\":\"p\",\"role\":\"RESIDENT\"},",
        "\"text\":{\"original\":\"x\"},",
      })
  @DisplayName("anything but the exact written shape is declined, for the codec to judge")
  void declinesOtherShapes(String prefix) {
    String json = SpiritCodec.toJson(TckFixtures.submission(CAMPAIGN, "p-6").build());
    byte[] bytes = ("{" + prefix + json.substring(1)).getBytes(StandardCharsets.UTF_8);

    assertThat(new SubmissionDecoder(new StoreState()).decode(bytes, 0, bytes.length)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"+10000-01-01T00:00:00Z", "-0001-06-01T00:00:00Z"})
  @DisplayName("years outside 0000-9999 are left to the codec, which reads them")
  void leavesUnusualInstantsToTheCodec(String at) {
    Submission submission =
        TckFixtures.submission(CAMPAIGN, "p-8").receivedAt(Instant.parse(at)).build();
    String json = SpiritCodec.toJson(submission);
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

    assertThat(new SubmissionDecoder(new StoreState()).decode(bytes, 0, bytes.length)).isNull();
    assertThat(SpiritCodec.submissionFromJson(json)).isEqualTo(submission);
  }

  static Stream<Submission> mutated() {
    return Stream.of(
        approvedAtIntake("p-13", VERSIONS),
        redactedAtIntake("p-14"),
        TckFixtures.withKey(CAMPAIGN, "p-10", "key-10"),
        TckFixtures.withEveryOptionalField(CAMPAIGN, "p-11"),
        TckFixtures.submission(CAMPAIGN, "p-12").text("line one\nline \"two\"\t\\").build());
  }

  /**
   * Damages the record at every byte (cut off there, that byte removed, or replaced by one of a few
   * characters that matter to JSON): whenever the decoder still accepts it, the codec must accept
   * it too and read the very same submission; otherwise the decoder must decline, never guess.
   */
  @ParameterizedTest
  @MethodSource("mutated")
  @DisplayName("a damaged record is read exactly like the codec reads it, or declined")
  void agreesWithTheCodecOnEveryDamagedVariant(Submission submission) {
    byte[] json = SpiritCodec.toJson(submission).getBytes(StandardCharsets.UTF_8);
    byte[] replacements = {'x', '0', '9', 'F', '"', '\\', '{', '}', ',', ':', ' ', 'n', 'u', 1};
    SubmissionDecoder decoder = new SubmissionDecoder(new StoreState());
    int accepted = 0;
    for (int at = 0; at < json.length; at++) {
      List<byte[]> variants = new ArrayList<>();
      variants.add(Arrays.copyOf(json, at));
      byte[] removed = new byte[json.length - 1];
      System.arraycopy(json, 0, removed, 0, at);
      System.arraycopy(json, at + 1, removed, at, json.length - at - 1);
      variants.add(removed);
      for (byte r : replacements) {
        byte[] replaced = json.clone();
        replaced[at] = r;
        variants.add(replaced);
      }
      for (byte[] variant : variants) {
        SubmissionRow row = decoder.decode(variant, 0, variant.length);
        if (row != null) {
          accepted++;
          String text = new String(variant, StandardCharsets.UTF_8);
          assertThat(row.toSubmission())
              .as("decoded %s", text)
              .isEqualTo(SpiritCodec.submissionFromJson(text));
        }
      }
    }
    assertThat(accepted)
        .as("harmless changes (a digit, a letter in a text) still decode")
        .isPositive();
  }

  @Test
  @DisplayName("a missing required field or broken JSON is declined")
  void declinesIncompleteRecords() {
    SubmissionDecoder decoder = new SubmissionDecoder(new StoreState());
    String json = SpiritCodec.toJson(TckFixtures.submission(CAMPAIGN, "p-7").build());
    byte[] noStatus =
        json.replaceFirst("\"status\":\"PENDING\",", "").getBytes(StandardCharsets.UTF_8);
    byte[] truncated = json.substring(0, json.length() / 2).getBytes(StandardCharsets.UTF_8);
    byte[] notObject = "[1,2]".getBytes(StandardCharsets.UTF_8);

    assertThat(decoder.decode(noStatus, 0, noStatus.length)).isNull();
    assertThat(decoder.decode(truncated, 0, truncated.length)).isNull();
    assertThat(decoder.decode(notObject, 0, notObject.length)).isNull();
  }
}
