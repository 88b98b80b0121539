package dev.spirit.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.participant.ParticipantId;
import dev.spirit.storage.memory.InMemoryStore;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Properties that must hold for every history: incremental equals batch, merging equals aggregating
 * the union, and erasure removes a person's contribution. Seeded, so a failure names its seed and
 * reproduces.
 */
@DisplayName("Aggregation properties over random histories")
class AggregationPropertiesTest {
  private static final int HISTORIES = 60;
  private static final AtomicInteger SLUGS = new AtomicInteger();

  /** A Spirit instance on a fresh in-memory store with one open campaign. */
  private record World(Spirit spirit, Fixtures.MovableClock clock, Campaign campaign) {
    static World open(String... districts) {
      Fixtures.MovableClock clock =
          new Fixtures.MovableClock(Instant.parse("2024-04-01T00:00:00Z"));
      Spirit spirit = Spirit.builder().store(new InMemoryStore()).clock(clock).build();
      Campaign campaign =
          spirit
              .campaigns()
              .create(Fixtures.campaign("prop-" + SLUGS.incrementAndGet(), districts));
      spirit.campaigns().open(campaign.id());
      return new World(spirit, clock, spirit.campaigns().find(campaign.id()).orElseThrow());
    }

    CampaignStats batch() {
      return BatchAggregator.aggregate(spirit.store(), campaign, Fixtures.CONFIG);
    }
  }

  @Test
  @DisplayName("the incrementally maintained value equals a full recomputation after any history")
  void incrementalEqualsBatch() {
    for (int seed = 0; seed < HISTORIES; seed++) {
      Random random = new Random(seed);
      World world = World.open(RandomHistory.DISTRICTS);
      IncrementalAggregator incremental =
          IncrementalAggregator.create(world.campaign(), Fixtures.CONFIG);
      world.spirit().addListener(incremental);
      List<RandomHistory.Op> ops =
          RandomHistory.generate(
              random, 40 + random.nextInt(40), 12, RandomHistory.DISTRICTS, true);
      RandomHistory.replay(world.spirit(), world.clock(), world.campaign(), ops);
      assertThat(incremental.snapshot()).as("seed %d", seed).isEqualTo(world.batch());
    }
  }

  @Test
  @DisplayName("merge(a, b) equals aggregating a ∪ b, with participants shared between districts")
  void mergeEqualsUnion() {
    for (int seed = 0; seed < HISTORIES; seed++) {
      Random random = new Random(1000 + seed);
      // Two districts, each with its own store; people p0..p9 may take part in both.
      List<RandomHistory.Op> a =
          RandomHistory.generate(
              random, 30 + random.nextInt(30), 10, new String[] {"yuzhong"}, false);
      List<RandomHistory.Op> b =
          RandomHistory.generate(
              random, 30 + random.nextInt(30), 10, new String[] {"wanzhou"}, false);
      World yuzhong = World.open("yuzhong");
      World wanzhou = World.open("wanzhou");
      World both = World.open("yuzhong", "wanzhou");
      RandomHistory.replay(yuzhong.spirit(), yuzhong.clock(), yuzhong.campaign(), a);
      RandomHistory.replay(wanzhou.spirit(), wanzhou.clock(), wanzhou.campaign(), b);
      RandomHistory.replay(both.spirit(), both.clock(), both.campaign(), a);
      RandomHistory.replay(both.spirit(), both.clock(), both.campaign(), b);
      CampaignStats left = yuzhong.batch();
      CampaignStats right = wanzhou.batch();
      assertThat(left.merge(right)).as("seed %d", seed).isEqualTo(both.batch());
      assertThat(right.merge(left)).as("commutative, seed %d", seed).isEqualTo(left.merge(right));
    }
  }

  @Test
  @DisplayName("merging is associative")
  void mergeIsAssociative() {
    for (int seed = 0; seed < 40; seed++) {
      Random random = new Random(5000 + seed);
      CampaignStats[] parts = new CampaignStats[3];
      for (int i = 0; i < 3; i++) {
        World w = World.open(RandomHistory.DISTRICTS);
        RandomHistory.replay(
            w.spirit(),
            w.clock(),
            w.campaign(),
            RandomHistory.generate(random, 40, 8, RandomHistory.DISTRICTS, false));
        parts[i] = w.batch();
      }
      assertThat(parts[0].merge(parts[1]).merge(parts[2]))
          .as("seed %d", seed)
          .isEqualTo(parts[0].merge(parts[1].merge(parts[2])));
    }
  }

  @Test
  @DisplayName("erasing a person leaves exactly the value of the history without them")
  void erasureRemovesContribution() {
    for (int seed = 0; seed < HISTORIES; seed++) {
      Random random = new Random(9000 + seed);
      List<RandomHistory.Op> ops =
          RandomHistory.generate(
              random, 40 + random.nextInt(40), 8, RandomHistory.DISTRICTS, false);
      int erased = random.nextInt(8);
      World world = World.open(RandomHistory.DISTRICTS);
      IncrementalAggregator incremental =
          IncrementalAggregator.create(world.campaign(), Fixtures.CONFIG);
      world.spirit().addListener(incremental);
      RandomHistory.replay(world.spirit(), world.clock(), world.campaign(), ops);
      world.spirit().eraseParticipant(ParticipantId.of(RandomHistory.participantId(erased)));

      // The same history in which that person never took part.
      List<RandomHistory.Op> without = ops.stream().map(op -> withoutPerson(op, erased)).toList();
      World control = World.open(RandomHistory.DISTRICTS);
      RandomHistory.replay(control.spirit(), control.clock(), control.campaign(), without);

      assertThat(incremental.snapshot()).as("seed %d", seed).isEqualTo(control.batch());
      assertThat(world.batch()).as("seed %d", seed).isEqualTo(control.batch());
    }
  }

  /** Replaces the person's operations by ones that change nothing but keep indexes aligned. */
  private static RandomHistory.Op withoutPerson(RandomHistory.Op op, int person) {
    if (op instanceof RandomHistory.Submit s && s.participant() == person) {
      // A submission the domain refuses (unknown district) keeps the submission index aligned.
      return new RandomHistory.Submit(
          s.participant(), "nowhere", s.channel(), s.kind(), s.text(), s.at());
    }
    if (op instanceof RandomHistory.Endorse e && e.participant() == person) {
      return new RandomHistory.Endorse(e.submission(), RandomHistory.NOBODY);
    }
    return op;
  }
}
