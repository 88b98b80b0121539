package dev.spirit.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.error.SpiritException;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.storage.SpiritCodec;
import dev.spirit.storage.tck.TckFixtures;
import dev.spirit.submission.IdempotencyKey;
import dev.spirit.submission.ModerationDecision;
import dev.spirit.submission.ModerationReason;
import dev.spirit.submission.ModerationRecord;
import dev.spirit.submission.Provenance;
import dev.spirit.submission.ReviewLease;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionStatus;
import dev.spirit.submission.TextSpan;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The record format has one definition ({@link SpiritCodec}) and two readers: the codec's own
 * (Jackson) and the file store's fast {@link SubmissionDecoder}. On random records, decoded one
 * after another by one decoder (so its caches of participants, labels and rule versions are hit and
 * missed), both readers must produce the same submission, field for field, and the fast one must
 * not decline a record the codec wrote (except where it is documented to: numbers of 19 digits).
 */
@DisplayName("The fast submission decoder and the codec agree on every field of random records")
class CodecAgreementTest {
  private static final int RECORDS_PER_SEED = 400;
  private static final long MAX_FAST_VERSION = 999_999_999_999_999_999L; // 18 digits

  static LongStream seeds() {
    return LongStream.of(1, 2, 3, 17, 2026);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomRecordsDecodeAlike(long seed) {
    Generator generator = new Generator(new Random(seed));
    SubmissionDecoder decoder = new SubmissionDecoder(new StoreState());
    int fast = 0;
    for (int i = 0; i < RECORDS_PER_SEED; i++) {
      Submission original = generator.submission();
      String json = SpiritCodec.toJson(original);
      Submission reference = SpiritCodec.submissionFromJson(json);
      assertThat(reference).as("the codec round-trips %s", json).isEqualTo(original);

      // in the middle of a buffer with other bytes around, as in a segment
      byte[] payload = json.getBytes(StandardCharsets.UTF_8);
      byte[] buf = new byte[payload.length + 7];
      buf[0] = '{';
      buf[buf.length - 1] = '"';
      System.arraycopy(payload, 0, buf, 3, payload.length);
      SubmissionRow row = decoder.decode(buf, 3, payload.length);

      if (original.version() > MAX_FAST_VERSION) {
        assertThat(row).as("a 19-digit version is left to the codec").isNull();
        continue;
      }
      assertThat(row).as("the fast reader declined %s", json).isNotNull();
      Submission decoded = row.toSubmission();
      assertThat(decoded)
          .as("decoded from %s", json)
          .usingRecursiveComparison()
          .isEqualTo(reference);
      assertThat(decoded).isEqualTo(reference);
      fast++;
    }
    assertThat(fast).as("records read by the fast reader").isGreaterThan(RECORDS_PER_SEED / 2);
  }

  @Test
  @DisplayName("the generator covers every optional field, present and absent")
  void generatorCoversTheOptionalFields() {
    Generator generator = new Generator(new Random(5));
    Map<String, Integer> present = new HashMap<>();
    for (int i = 0; i < RECORDS_PER_SEED; i++) {
      Submission s = generator.submission();
      count(present, "collectionPoint", s.collectionPoint().isPresent());
      count(present, "idempotencyKey", s.idempotencyKey().isPresent());
      count(present, "moderation", s.moderation().isPresent());
      count(present, "reviewLease", s.reviewLease().isPresent());
      count(present, "enteredBy", s.provenance().enteredBy().isPresent());
      count(present, "importBatch", s.provenance().importBatch().isPresent());
      count(
          present,
          "redactedText",
          s.moderation().flatMap(ModerationRecord::redactedText).isPresent());
    }
    assertThat(present).hasSize(7).allSatisfy((field, n) -> assertThat(n).isBetween(20, 380));
  }

  private static void count(Map<String, Integer> present, String field, boolean isPresent) {
    if (isPresent) {
      present.merge(field, 1, Integer::sum);
    }
  }

  /** Random valid submissions: edge-case strings, instants, numbers and shapes. */
  private static final class Generator {
    private static final String[] PIECES = {
      "a", "Z", "0", " ", "山水", "之城", "😀", "👍🏽", "𠀀", "é", "e\u0301", "ＡＢ", "ﬁ", "\"", "\\",
      "/", "\n", "\t", "\r\n", "\u2028", "\u200B", "\u202E", "\uFEFF", "{", "}", "[", "]", ",", ":",
      "\\u0000", "null", "true", "%s", "${x}",
    };
    private static final String[] LABEL_PIECES = {
      "a", "Z", "0", " ", "山水", "😀", "é", "\"", "\\", "/", "{", ":", "\u200B", "-", "词表"
    };
    private final Random random;
    private final List<CampaignId> campaigns = new ArrayList<>();

    Generator(Random random) {
      this.random = random;
      for (int i = 0; i < 3; i++) {
        campaigns.add(CampaignId.generate(TckFixtures.T0.plusSeconds(i)));
      }
    }

    Submission submission() {
      while (true) {
        try {
          return attempt();
        } catch (SpiritException invalid) {
          // a combination the domain refuses (say, a label of spaces only): draw another
        }
      }
    }

    private Submission attempt() {
      CampaignId campaign = campaigns.get(random.nextInt(campaigns.size()));
      Instant receivedAt = instant();
      Submission.Builder b =
          TckFixtures.submission(campaign, token("p"))
              .kind(pick(SubmissionKind.values()))
              .text(text(1 + random.nextInt(40)))
              .language(Language.of(pick(new String[] {"zh", "en", "yue", "bo"})))
              .district(District.of(pick(new String[] {"yuzhong", "jiangbei", "d-9", "x"})))
              .channel(pick(Channel.values()))
              .participant(
                  new Participant(
                      ParticipantId.of(token("p")), pick(Role.values()), random.nextBoolean()))
              .provenance(provenance())
              .receivedAt(receivedAt)
              .status(pick(SubmissionStatus.values()))
              .version(version())
              .appealed(random.nextBoolean());
      if (random.nextBoolean()) {
        b.collectionPoint(Optional.of(label()));
      }
      if (random.nextBoolean()) {
        b.idempotencyKey(Optional.of(IdempotencyKey.of(token("key-"))));
      }
      if (random.nextInt(4) > 0) {
        b.moderation(Optional.of(moderation(receivedAt)));
      }
      if (random.nextInt(4) == 0) {
        b.reviewLease(Optional.of(new ReviewLease(label(), instant())));
      }
      return b.build();
    }

    private ModerationRecord moderation(Instant receivedAt) {
      List<ModerationReason> reasons = new ArrayList<>();
      int n = random.nextInt(3) == 0 ? 1 + random.nextInt(3) : 0;
      for (int i = 0; i < n; i++) {
        List<TextSpan> spans = new ArrayList<>();
        for (int j = random.nextInt(3); j > 0; j--) {
          int start = random.nextInt(1_000);
          spans.add(new TextSpan(start, start + random.nextInt(1_000)));
        }
        reasons.add(
            new ModerationReason(
                label(), label(), pick(ModerationDecision.values()), maybeEmpty(), spans));
      }
      Map<String, String> versions = new HashMap<>();
      for (int i = random.nextInt(4); i > 0; i--) {
        versions.put(pick(new String[] {"lexicon", "pii", "rate", "词"}), label());
      }
      Optional<String> redacted =
          random.nextInt(3) == 0 ? Optional.of(text(1 + random.nextInt(20))) : Optional.empty();
      Instant decidedAt = random.nextBoolean() ? receivedAt : instant();
      return new ModerationRecord(
          pick(ModerationDecision.values()), reasons, versions, redacted, decidedAt);
    }

    private Provenance provenance() {
      Provenance.Source source = pick(Provenance.Source.values());
      Optional<String> enteredBy =
          source != Provenance.Source.DIRECT || random.nextInt(4) == 0
              ? Optional.of(label())
              : Optional.empty();
      Optional<String> batch = random.nextBoolean() ? Optional.of(label()) : Optional.empty();
      return new Provenance(source, enteredBy, batch);
    }

    /** Years 0001-9999, whole seconds or fractions of 1 to 9 digits. */
    private Instant instant() {
      long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
      long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
      long seconds =
          random.nextInt(3) == 0
              ? min + (long) (random.nextDouble() * (max - min))
              : 1_700_000_000L + random.nextInt(200_000_000);
      int digits = random.nextInt(10);
      int nanos = 0;
      if (digits > 0) {
        nanos = random.nextInt(1_000_000_000);
        int unit = (int) Math.pow(10, 9 - digits);
        nanos -= nanos % unit;
      }
      return Instant.ofEpochSecond(seconds, nanos);
    }

    private long version() {
      return switch (random.nextInt(6)) {
        case 0 -> 0;
        case 1 -> Long.MAX_VALUE; // 19 digits
        case 2 -> MAX_FAST_VERSION;
        default -> 1 + random.nextInt(1_000);
      };
    }

    private String text(int pieces) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < pieces; i++) {
        s.append(pick(PIECES));
      }
      return s.toString().isBlank() ? s + "x" : s.toString();
    }

    private String label() {
      StringBuilder s = new StringBuilder(pick(new String[] {"r", "词", "x"}));
      for (int i = random.nextInt(8); i > 0; i--) {
        s.append(pick(LABEL_PIECES));
      }
      return s.toString();
    }

    private String maybeEmpty() {
      return random.nextInt(4) == 0 ? "" : label();
    }

    /** A token from a small pool, so that caches keyed by it are hit, and sometimes a new one. */
    private String token(String prefix) {
      return random.nextInt(4) == 0
          ? prefix + "!#$%&'()*+-./~" + random.nextInt(1_000_000)
          : prefix + random.nextInt(5);
    }

    private <T> T pick(T[] values) {
      return values[random.nextInt(values.length)];
    }
  }
}
