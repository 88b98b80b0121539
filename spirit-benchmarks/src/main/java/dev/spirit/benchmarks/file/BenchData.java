package dev.spirit.benchmarks.file;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.submission.IdempotencyKey;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Optional;
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
