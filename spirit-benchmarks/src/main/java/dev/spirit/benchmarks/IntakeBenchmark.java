package dev.spirit.benchmarks;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.campaign.SubmissionRules;
import dev.spirit.participant.Participant;
import dev.spirit.participant.Role;
import dev.spirit.storage.InsertOutcome;
import dev.spirit.storage.memory.InMemoryStore;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionRequest;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Intake cost on the in-memory store: validation, normalization, language detection, the rules and
 * the atomic insert ({@link #submitKeyword}), against the alternative of building the same
 * submission by hand and inserting it into the store directly ({@link #storeInsertDirectly}), which
 * is the store's share of the work and what an application skipping intake would pay.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class IntakeBenchmark {
  private Spirit spirit;
  private InMemoryStore store;
  private Campaign campaign;
  private final AtomicLong participant = new AtomicLong();

  /** Creates an open campaign on a fresh in-memory store. */
  @Setup(Level.Iteration)
  public void setUp() {
    store = new InMemoryStore();
    spirit = Spirit.builder().store(store).build();
    campaign =
        spirit
            .campaigns()
            .create(
                Campaign.builder("bench-" + System.nanoTime())
                    .title("重庆城市精神", "Spirit of Chongqing City")
                    .prompt("一个词", "One word")
                    .districts("yuzhong")
                    .allChannels()
                    .rules(SubmissionRules.builder().maxPerParticipant(1_000_000).build())
                    .build());
    spirit.campaigns().open(campaign.id());
  }

  /** Closes the store. */
  @TearDown(Level.Iteration)
  public void tearDown() {
    spirit.close();
  }

  /**
   * One submission through intake.
   *
   * @return the receipt
   */
  @Benchmark
  public Receipt submitKeyword() {
    return spirit.submit(
        SubmissionRequest.builder(campaign.id())
            .text("山城耿直 热情")
            .district("yuzhong")
            .channel(Channel.ONLINE)
            .participant(
                Participant.consenting("p-" + participant.incrementAndGet() % 5000, Role.RESIDENT))
            .build());
  }

  /**
   * The same submission built by hand (the text still normalized by {@link Submission.Builder}) and
   * inserted into the store directly, with no intake.
   *
   * @return the outcome
   */
  @Benchmark
  public InsertOutcome storeInsertDirectly() {
    Instant now = Instant.now();
    Submission submission =
        Submission.builder()
            .id(SubmissionId.generate(now))
            .campaignId(campaign.id())
            .kind(SubmissionKind.KEYWORD)
            .text("山城耿直 热情")
            .language(Language.ZH)
            .district(District.of("yuzhong"))
            .channel(Channel.ONLINE)
            .participant(
                Participant.consenting("p-" + participant.incrementAndGet() % 5000, Role.RESIDENT))
            .receivedAt(now)
            .build();
    return store.insert(submission, 1_000_000);
  }
}
