package dev.spirit.benchmarks;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.SubmissionRules;
import dev.spirit.participant.Participant;
import dev.spirit.participant.Role;
import dev.spirit.storage.memory.InMemoryStore;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.SubmissionRequest;
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

/** Intake cost on the in-memory store: validation, normalization and the atomic insert. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class IntakeBenchmark {
  private Spirit spirit;
  private Campaign campaign;
  private final AtomicLong participant = new AtomicLong();

  /** Creates an open campaign on a fresh in-memory store. */
  @Setup(Level.Iteration)
  public void setUp() {
    spirit = Spirit.builder().store(new InMemoryStore()).build();
    campaign =
        spirit.createCampaign(
            Campaign.builder("bench-" + System.nanoTime())
                .title("重庆城市精神", "Spirit of Chongqing City")
                .prompt("一个词", "One word")
                .districts("yuzhong")
                .allChannels()
                .rules(SubmissionRules.builder().maxPerParticipant(1_000_000).build())
                .build());
    spirit.openCampaign(campaign.id());
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
}
