package dev.spirit.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.ModerationMode;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.campaign.SubmissionRules;
import dev.spirit.error.InvalidInputException;
import dev.spirit.moderation.LexiconRule;
import dev.spirit.moderation.ModerationPipeline;
import dev.spirit.moderation.TermLexicon;
import dev.spirit.participant.Participant;
import dev.spirit.participant.Role;
import dev.spirit.review.ReviewDecision;
import dev.spirit.review.ReviewQueue;
import dev.spirit.storage.memory.InMemoryStore;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionRequest;
import dev.spirit.submission.SubmissionStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SpiritMetrics, on a real Spirit over the in-memory store")
class SpiritMetricsTest {
  private static final Instant START = Instant.parse("2026-06-01T08:00:00Z");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AtomicLong nanos = new AtomicLong();
  private final AtomicLong millis = new AtomicLong(START.toEpochMilli());
  private final Clock clock =
      new Clock() {
        @Override
        public Instant instant() {
          return Instant.ofEpochMilli(millis.get());
        }

        @Override
        public java.time.ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }
      };
  private InMemoryStore store;
  private SpiritMetrics metrics;
  private Spirit spirit;
  private Campaign campaign;

  @BeforeEach
  void start() {
    store = new InMemoryStore();
    metrics = new SpiritMetrics(store, Duration.ofSeconds(30), nanos::get);
    LexiconRule lexicon =
        new LexiconRule(
            TermLexicon.builder().block("赌场", "gambling").review("垃圾", "insult").build());
    spirit =
        Spirit.builder()
            .store(store)
            .clock(clock)
            .moderator(ModerationPipeline.of(lexicon))
            .listener(metrics)
            .build();
    campaign =
        spirit
            .campaigns()
            .create(
                Campaign.builder("spirit-of-yuzhong")
                    .title("渝中精神", "Spirit of Yuzhong")
                    .prompt("用一个词形容渝中", "Describe Yuzhong in one word")
                    .districts("yuzhong", "jiangbei")
                    .allChannels()
                    .createdAt(START.minusSeconds(60))
                    .rules(
                        SubmissionRules.builder()
                            .moderationMode(ModerationMode.POST)
                            .maxPerParticipant(1000)
                            .build())
                    .build());
    spirit.campaigns().open(campaign.id());
    metrics.bindTo(registry);
  }

  @AfterEach
  void stop() {
    spirit.close();
  }

  private SubmissionId submit(String text, String participant, String district, Channel channel) {
    Receipt r =
        spirit.submit(
            SubmissionRequest.builder(campaign.id())
                .kind(SubmissionKind.SLOGAN)
                .text(text)
                .district(district)
                .channel(channel)
                .participant(Participant.consenting(participant, Role.RESIDENT))
                .idempotencyKey(participant + "-" + Integer.toHexString(text.hashCode()))
                .build());
    return ((Receipt.Accepted) r).id();
  }

  private double submissions(String decision, String channel, String district) {
    Counter c =
        registry
            .find(SpiritMetrics.SUBMISSIONS)
            .tags("decision", decision, "channel", channel, "district", district)
            .counter();
    return c == null ? 0 : c.count();
  }

  private double depth() {
    Gauge g =
        registry
            .find(SpiritMetrics.REVIEW_QUEUE_DEPTH)
            .tag("campaign", "spirit-of-yuzhong")
            .gauge();
    assertThat(g).as("queue depth gauge of the campaign").isNotNull();
    return g.value();
  }

  @Test
  @DisplayName("counts stored submissions by moderation decision, channel and district")
  void countsSubmissions() {
    submit("山城精神", "p1", "yuzhong", Channel.MESSAGE_BOARD);
    submit("火锅之城", "p2", "yuzhong", Channel.MESSAGE_BOARD);
    submit("这里全是垃圾", "p3", "jiangbei", Channel.ONLINE);
    submit("赌场开业", "p4", "jiangbei", Channel.ONLINE);
    submit("山城精神", "p1", "yuzhong", Channel.MESSAGE_BOARD); // a replay: not counted again

    assertThat(submissions("approve", "message-board", "yuzhong")).isEqualTo(2);
    assertThat(submissions("review", "online", "jiangbei")).isEqualTo(1);
    assertThat(submissions("reject", "online", "jiangbei")).isEqualTo(1);
    assertThat(registry.find(SpiritMetrics.SUBMISSIONS).counters())
        .extracting(c -> c.getId().getTag("decision"))
        .containsOnly("approve", "review", "reject");
  }

  @Test
  @DisplayName("times the moderator once per moderated candidate, by decision")
  void timesModeration() {
    submit("山城精神", "p1", "yuzhong", Channel.MESSAGE_BOARD);
    submit("赌场开业", "p2", "yuzhong", Channel.MESSAGE_BOARD);
    submit("赌场开业", "p2", "yuzhong", Channel.MESSAGE_BOARD); // replay: not moderated again

    Timer approve =
        registry.find(SpiritMetrics.MODERATION_LATENCY).tag("decision", "approve").timer();
    Timer reject =
        registry.find(SpiritMetrics.MODERATION_LATENCY).tag("decision", "reject").timer();
    assertThat(approve).isNotNull();
    assertThat(reject).isNotNull();
    assertThat(approve.count()).isEqualTo(1);
    assertThat(reject.count()).isEqualTo(1);
    assertThat(reject.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
  }

  @Test
  @DisplayName("reports the review queue depth from the store, reusing it within the TTL")
  void queueDepthIsCached() {
    assertThat(depth()).isZero();
    SubmissionId flagged = submit("这里全是垃圾", "p1", "yuzhong", Channel.MESSAGE_BOARD);
    submit("又是垃圾", "p2", "yuzhong", Channel.MESSAGE_BOARD);
    submit("山城精神", "p3", "yuzhong", Channel.MESSAGE_BOARD); // approved: not in the queue

    assertThat(depth()).as("cached value within the TTL").isZero();
    assertThat(metrics.depths().refreshes()).isEqualTo(1);

    nanos.addAndGet(Duration.ofSeconds(31).toNanos());
    assertThat(depth()).isEqualTo(2);
    assertThat(depth()).isEqualTo(2);
    assertThat(metrics.depths().refreshes()).isEqualTo(2);

    Submission s = spirit.submissions().find(flagged).orElseThrow();
    spirit.review().changeStatus(flagged, s.version(), SubmissionStatus.APPROVED, "mod-a", "fine");
    nanos.addAndGet(Duration.ofSeconds(31).toNanos());
    assertThat(depth()).isEqualTo(1);
  }

  @Test
  @DisplayName("gives a campaign created after binding its gauge with its first submission")
  void laterCampaignGetsAGauge() {
    Campaign later =
        spirit
            .campaigns()
            .create(
                Campaign.builder("spirit-of-jiangbei")
                    .title("江北精神", "Spirit of Jiangbei")
                    .prompt("用一个词形容江北", "Describe Jiangbei in one word")
                    .districts("jiangbei")
                    .allChannels()
                    .createdAt(START.minusSeconds(60))
                    .build());
    spirit.campaigns().open(later.id());
    assertThat(
            registry
                .find(SpiritMetrics.REVIEW_QUEUE_DEPTH)
                .tag("campaign", "spirit-of-jiangbei")
                .gauge())
        .isNull();

    spirit.submit(
        SubmissionRequest.builder(later.id())
            .kind(SubmissionKind.SLOGAN)
            .text("这里全是垃圾")
            .district("jiangbei")
            .channel(Channel.ONLINE)
            .participant(Participant.consenting("p9", Role.RESIDENT))
            .build());

    Gauge g =
        registry
            .find(SpiritMetrics.REVIEW_QUEUE_DEPTH)
            .tag("campaign", "spirit-of-jiangbei")
            .gauge();
    assertThat(g).isNotNull();
    assertThat(g.value()).isEqualTo(1);
  }

  @Test
  @DisplayName("reports NaN, not a made-up zero, when the store cannot be read")
  void queueDepthWhenStoreFails() {
    spirit.close(); // the in-memory store refuses every call once closed
    assertThat(depth()).isNaN();
  }

  @Test
  @DisplayName("counts review leases that lapsed without a decision, by campaign")
  void countsLeaseExpiries() {
    ReviewQueue queue = new ReviewQueue(spirit, Duration.ofMinutes(10));
    SubmissionId id = submit("这里全是垃圾", "p1", "yuzhong", Channel.MESSAGE_BOARD);
    queue.claim(id, "mod-a").orElseThrow();
    millis.addAndGet(Duration.ofMinutes(11).toMillis());
    Submission taken = queue.claim(id, "mod-b").orElseThrow();
    queue.decide(id, taken.version(), "mod-b", ReviewDecision.APPROVE, "fine");

    Counter expiries =
        registry.find(SpiritMetrics.LEASE_EXPIRIES).tag("campaign", "spirit-of-yuzhong").counter();
    assertThat(expiries).isNotNull();
    assertThat(expiries.count()).isEqualTo(1);
  }

  @Test
  @DisplayName("attach adds the metrics to an instance built without them")
  void attach() {
    try (Spirit other = Spirit.builder().storeUri("mem:").clock(clock).build()) {
      SpiritMetrics attached = SpiritMetrics.attach(other);
      SimpleMeterRegistry second = new SimpleMeterRegistry();
      attached.bindTo(second);
      Campaign c =
          other
              .campaigns()
              .create(
                  Campaign.builder("attached")
                      .title("精神", "Spirit")
                      .prompt("一个词", "One word")
                      .districts("yuzhong")
                      .allChannels()
                      .createdAt(START.minusSeconds(60))
                      .build());
      other.campaigns().open(c.id());
      other.submit(
          SubmissionRequest.builder(c.id())
              .kind(SubmissionKind.KEYWORD)
              .text("耿直")
              .district("yuzhong")
              .channel(Channel.CARD)
              .participant(Participant.consenting("p1", Role.VISITOR))
              .build());
      assertThat(
              second
                  .get(SpiritMetrics.SUBMISSIONS)
                  .tags("decision", "approve", "channel", "card", "district", "yuzhong")
                  .counter()
                  .count())
          .isEqualTo(1);
    }
  }

  @Test
  @DisplayName("refuses a missing store, a missing instance and a negative TTL")
  void badArguments() {
    assertThatThrownBy(() -> new SpiritMetrics(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("store");
    assertThatThrownBy(() -> SpiritMetrics.attach(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("spirit");
    assertThatThrownBy(() -> new SpiritMetrics(store, Duration.ofSeconds(-1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("queueDepthTtl");
  }
}
