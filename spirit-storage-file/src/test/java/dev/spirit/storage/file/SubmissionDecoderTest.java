package dev.spirit.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.campaign.CampaignId;
import dev.spirit.storage.SpiritCodec;
import dev.spirit.storage.tck.TckFixtures;
import dev.spirit.submission.Submission;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The streaming submission decoder reads exactly what the codec reads, or declines")
class SubmissionDecoderTest {
  private static final CampaignId CAMPAIGN = CampaignId.generate(TckFixtures.T0);

  static Stream<Submission> submissions() {
    List<Submission> all = new ArrayList<>();
    all.add(TckFixtures.submission(CAMPAIGN, "p-1").version(1).build());
    all.add(TckFixtures.withKey(CAMPAIGN, "p-2", "key-2").withVersion(7));
    all.add(TckFixtures.withEveryOptionalField(CAMPAIGN, "p-3"));
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
