package dev.spirit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.ModerationMode;
import dev.spirit.campaign.SubmissionRules;
import dev.spirit.error.VersionConflictException;
import dev.spirit.moderation.CampaignLexicon;
import dev.spirit.moderation.LexiconLayer;
import dev.spirit.moderation.LexiconRule;
import dev.spirit.moderation.ModerationPipeline;
import dev.spirit.moderation.TermLexicon;
import dev.spirit.participant.Participant;
import dev.spirit.participant.Role;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.SubmissionRequest;
import dev.spirit.submission.SubmissionStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two application instances (two Spirit instances, each with its own JdbcStore and connection pool)
 * on one H2 database, as behind a load balancer: a lexicon attached through one is in force in the
 * other within its refresh interval, on a clock the test moves by hand.
 */
@DisplayName("Campaign lexicons shared by two instances on one H2 database")
class SharedDatabaseLexiconTest {
  private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
  private static final LexiconLayer CITY =
      new LexiconLayer("city.tsv", "term\tcategory\taction\n赌博\tgambling\tblock\n", "");

  /** A clock the test moves by hand. */
  static final class HandClock extends Clock {
    private volatile Instant now = T0;

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private final String url = "jdbc:h2:mem:lexicons-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  private final HandClock clock = new HandClock();
  private final AtomicLong participants = new AtomicLong();
  private final Spirit first = instance();
  private final Spirit second = instance();

  private Spirit instance() {
    return Spirit.builder()
        .storeUri(url)
        .clock(clock)
        .moderator(ModerationPipeline.standard(new LexiconRule(TermLexicon.empty())))
        .lexiconRefresh(Duration.ofSeconds(2))
        .build();
  }

  @AfterEach
  void close() {
    first.close();
    second.close();
  }

  private Campaign campaign() {
    Campaign c =
        first
            .campaigns()
            .create(
                Campaign.builder("shared-" + participants.incrementAndGet())
                    .title("重庆城市精神", "Spirit of Chongqing City")
                    .prompt("用一个词形容重庆", "Describe Chongqing in one word")
                    .districts("yuzhong")
                    .channels(Channel.ONLINE)
                    .rules(SubmissionRules.builder().moderationMode(ModerationMode.POST).build())
                    .createdAt(T0.minusSeconds(60))
                    .build());
    return first.campaigns().open(c.id());
  }

  private SubmissionStatus submit(Spirit spirit, Campaign c, String text) {
    Receipt r =
        spirit.submit(
            SubmissionRequest.builder(c.id())
                .text(text)
                .district("yuzhong")
                .channel(Channel.ONLINE)
                .participant(
                    Participant.consenting("p-" + participants.incrementAndGet(), Role.RESIDENT))
                .build());
    assertThat(r).isInstanceOf(Receipt.Accepted.class);
    return ((Receipt.Accepted) r).status();
  }

  @Test
  @DisplayName(
      "a lexicon attached through one instance is in force in the other within its refresh"
          + " interval, and both record the same version")
  void hotReload() {
    Campaign c = campaign();
    assertThat(submit(second, c, "一起赌博")).isEqualTo(SubmissionStatus.APPROVED);

    CampaignLexicon attached = first.campaigns().attachLexicon(c.id(), List.of(CITY), "admin");
    assertThat(submit(first, c, "一起赌博")).isEqualTo(SubmissionStatus.REJECTED);
    assertThat(submit(second, c, "一起赌博"))
        .as("before the second instance's interval has passed")
        .isEqualTo(SubmissionStatus.APPROVED);

    clock.advance(Duration.ofSeconds(2));
    assertThat(submit(second, c, "一起赌博")).isEqualTo(SubmissionStatus.REJECTED);
    assertThat(second.campaigns().lexicon(c.id())).contains(attached);
    assertThat(second.campaigns().lexiconHistory(c.id())).containsExactly(attached.change());
  }

  @Test
  @DisplayName(
      "of two instances attaching at once, exactly one stores the next revision; the other gets"
          + " VersionConflictException")
  void concurrentAttach() throws Exception {
    Campaign c = campaign();
    first.campaigns().attachLexicon(c.id(), List.of(CITY), "admin");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Spirit spirit = i % 2 == 0 ? first : second;
        String actor = "admin-" + i;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    spirit.store().attachLexicon(revision2(c, actor));
                    return "stored";
                  } catch (VersionConflictException e) {
                    return "conflict";
                  }
                }));
      }
      start.countDown();
      List<String> outcomes = new ArrayList<>();
      for (Future<String> f : results) {
        outcomes.add(f.get(60, TimeUnit.SECONDS));
      }
      assertThat(outcomes).containsOnlyOnce("stored").hasSize(8);
    } finally {
      pool.shutdownNow();
    }
    assertThat(second.campaigns().lexiconHistory(c.id())).hasSize(2);
    assertThatThrownBy(() -> first.store().attachLexicon(revision2(c, "late")))
        .isInstanceOf(VersionConflictException.class);
  }

  private CampaignLexicon revision2(Campaign c, String actor) {
    return new CampaignLexicon(c.id(), 2, List.of(CITY), "v2-" + actor, T0, actor);
  }
}
