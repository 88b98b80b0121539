package dev.spirit.benchmarks.file;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.moderation.LexiconRule;
import dev.spirit.moderation.ModerationPipeline;
import dev.spirit.moderation.TermLexicon;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.submission.IdempotencyKey;
import dev.spirit.submission.ModerationRecord;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Realistic submissions for the storage benchmarks: the same for the file store and H2. */
final class BenchData {
  static final String[] WORDS = {
    "耿直", "热情", "山城耿直 热情", "火辣", "包容", "坚韧", "敢为人先", "行千里 致广大", "雾都", "麻辣鲜香"
  };
  static final String[] DISTRICTS = {
    "yuzhong", "jiangbei", "nanan", "shapingba", "jiulongpo", "dadukou", "wanzhou"
  };
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private BenchData() {}

  static Campaign campaign() {
    return Campaign.builder("bench-" + System.nanoTime())
        .title("重庆城市精神", "Spirit of Chongqing City")
        .prompt("用一个词形容重庆", "Describe Chongqing in one word")
        .districts(DISTRICTS)
        .allChannels()
        .build();
  }

  /** A new submission: every fourth has an idempotency key; 10,000 participants. */
  static Submission submission(Campaign campaign) {
    long n = SEQUENCE.incrementAndGet();
    Instant at = Instant.now();
    return Submission.builder()
        .id(SubmissionId.generate(at))
        .campaignId(campaign.id())
        .kind(SubmissionKind.KEYWORD)
        .text(WORDS[(int) (n % WORDS.length)])
        .language(Language.ZH)
        .district(District.of(DISTRICTS[(int) (n % DISTRICTS.length)]))
        .channel(Channel.values()[(int) (n % Channel.values().length)])
        .participant(new Participant(ParticipantId.of("p-" + (n % 10_000)), Role.RESIDENT, true))
        .idempotencyKey(
            n % 4 == 0 ? Optional.of(IdempotencyKey.of("kiosk-" + n)) : Optional.empty())
        .receivedAt(at)
        .build();
  }

  /**
   * A new submission as intake with the standard moderation pipeline stores it: like {@link
   * #submission} (same texts, districts, participants and keys), with the moderation record the
   * pipeline gives that text and a status to match. Three in a hundred carry a mobile number, which
   * the personal-data rule reports and masks (a reason and a redacted text); one in a hundred is
   * repetitive, which the quality rule sends to review; the rest are approved with no reasons, and
   * every record names the standard rules' versions and was decided at intake.
   */
  static Submission moderatedSubmission(Campaign campaign) {
    Submission plain = submission(campaign);
    long n = SEQUENCE.get();
    String text;
    if (n % 100 < 3) {
      text = plain.text().original() + " 电话13812345678";
    } else if (n % 100 == 3) {
      text = "哈哈哈哈哈哈哈哈哈哈";
    } else {
      text = plain.text().original();
    }
    ModerationRecord verdict =
        Verdicts.BY_TEXT.computeIfAbsent(text, t -> Verdicts.of(campaign, t));
    return plain.toBuilder()
        .text(text)
        .status(
            switch (verdict.decision()) {
              case APPROVE -> SubmissionStatus.APPROVED;
              case REVIEW -> SubmissionStatus.PENDING;
              case REJECT -> SubmissionStatus.REJECTED;
            })
        .moderation(
            Optional.of(
                new ModerationRecord(
                    verdict.decision(),
                    verdict.reasons(),
                    verdict.ruleVersions(),
                    verdict.redactedText(),
                    plain.receivedAt())))
        .build();
  }

  /** What the standard pipeline decides about each text: computed once per text. */
  private static final class Verdicts {
    static final Map<String, ModerationRecord> BY_TEXT = new ConcurrentHashMap<>();
    private static final TermLexicon LEXICON =
        TermLexicon.builder().block("傻逼", "insult").review("垃圾", "insult").build();

    /** A fresh pipeline per text, so the duplicate and rate rules see it for the first time. */
    static ModerationRecord of(Campaign campaign, String text) {
      Instant at = Instant.now();
      Submission candidate =
          Submission.builder()
              .id(SubmissionId.generate(at))
              .campaignId(campaign.id())
              .kind(SubmissionKind.KEYWORD)
              .text(text)
              .language(Language.ZH)
              .district(District.of(DISTRICTS[0]))
              .channel(Channel.ONLINE)
              .participant(new Participant(ParticipantId.of("p-0"), Role.RESIDENT, true))
              .receivedAt(at)
              .build();
      return ModerationPipeline.standard(new LexiconRule(LEXICON)).moderate(candidate, campaign);
    }
  }

  static Path tempDir(String prefix) {
    try {
      Path base = Path.of(System.getProperty("spirit.bench.dir", "target/bench-data"));
      Files.createDirectories(base);
      return Files.createTempDirectory(base.toAbsolutePath(), prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path dir) {
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              Files.delete(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
