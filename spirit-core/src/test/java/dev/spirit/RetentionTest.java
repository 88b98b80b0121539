package dev.spirit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.aggregation.AggregationConfig;
import dev.spirit.aggregation.IncrementalAggregator;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignState;
import dev.spirit.error.InvalidInputException;
import dev.spirit.event.SpiritListener;
import dev.spirit.participant.ParticipantId;
import dev.spirit.retention.CampaignPurge;
import dev.spirit.retention.PurgeReport;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.SubmissionId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName(
    "Retention: a campaign's submissions are purged once its period after closing has passed")
class RetentionTest {
  private final List<String> purgedSlugs = new ArrayList<>();
  private final IntakeFixture f =
      new IntakeFixture(
          dev.spirit.moderation.Moderator.NONE,
          List.of(
              new SpiritListener() {
                @Override
                public void onPurged(Campaign campaign, int erased) {
                  purgedSlugs.add(campaign.slug() + ":" + erased);
                }
              }));

  @AfterEach
  void close() {
    f.close();
  }

  private Campaign withRetention(Duration keep) {
    return f.campaign(CampaignState.OPEN, UnaryOperator.identity(), b -> b.retention(keep));
  }

  private SubmissionId give(Campaign c, String participant) {
    return ((Receipt.Accepted) f.spirit.submit(f.request(c, participant).build())).id();
  }

  private long stored(Campaign c) {
    return f.spirit.submissions().count(SubmissionFilter.all(c.id()));
  }

  @Test
  @DisplayName(
      "closing records the time; nothing expires before closing plus the period, everything after")
  void expiresAfterClosing() {
    Campaign c = withRetention(Duration.ofDays(30));
    give(c, "p1");
    give(c, "p2");
    assertThat(
            f.spirit
                .retention()
                .purgeExpired(IntakeFixture.NOW.plus(Duration.ofDays(999)))
                .campaigns())
        .as("an open campaign without closesAt never expires")
        .isEmpty();
    f.clock.advance(Duration.ofDays(1));
    Campaign closed = f.spirit.campaigns().close(c.id());
    Instant closedAt = IntakeFixture.NOW.plus(Duration.ofDays(1));
    assertThat(closed.closedAt()).contains(closedAt);
    assertThat(closed.expiresAt()).contains(closedAt.plus(Duration.ofDays(30)));

    Instant justBefore = closedAt.plus(Duration.ofDays(30)).minusSeconds(1);
    assertThat(f.spirit.retention().purgeExpired(justBefore).submissions()).isZero();
    assertThat(stored(c)).isEqualTo(2);

    Instant expiry = closedAt.plus(Duration.ofDays(30));
    PurgeReport dry = f.spirit.retention().expired(expiry);
    assertThat(dry.dryRun()).isTrue();
    assertThat(dry.campaigns()).containsExactly(new CampaignPurge(c.id(), c.slug(), expiry, 2));
    assertThat(stored(c)).isEqualTo(2);

    PurgeReport done = f.spirit.retention().purgeExpired(expiry);
    assertThat(done.dryRun()).isFalse();
    assertThat(done.campaigns()).containsExactly(new CampaignPurge(c.id(), c.slug(), expiry, 2));
    assertThat(done.submissions()).isEqualTo(2);
    assertThat(stored(c)).isZero();
    assertThat(f.spirit.campaigns().find(c.id())).isPresent();
    assertThat(purgedSlugs).containsExactly(c.slug() + ":2");

    assertThat(f.spirit.retention().purgeExpired(expiry.plusSeconds(60)).campaigns())
        .as("a purged campaign is not reported again")
        .isEmpty();
  }

  @Test
  @DisplayName("the scheduled closesAt counts as the closing instant when it comes first")
  void scheduledClose() {
    Instant closes = IntakeFixture.NOW.plus(Duration.ofHours(2));
    Campaign c =
        f.campaign(
            CampaignState.OPEN,
            UnaryOperator.identity(),
            b ->
                b.window(IntakeFixture.NOW.minusSeconds(60), closes)
                    .retention(Duration.ofHours(1)));
    give(c, "p1");
    assertThat(c.expiresAt()).contains(closes.plus(Duration.ofHours(1)));
    assertThat(f.spirit.retention().purgeExpired(closes.plus(Duration.ofHours(1))).submissions())
        .isEqualTo(1);
  }

  @Test
  @DisplayName("campaigns without retention, and other campaigns, keep their submissions")
  void othersKept() {
    Campaign limited = withRetention(Duration.ofDays(1));
    Campaign unlimited = f.openCampaign();
    give(limited, "p1");
    give(unlimited, "p1");
    f.spirit.campaigns().close(limited.id());
    f.spirit.campaigns().close(unlimited.id());
    PurgeReport r = f.spirit.retention().purgeExpired(IntakeFixture.NOW.plus(Duration.ofDays(365)));
    assertThat(r.campaigns()).extracting(CampaignPurge::campaignId).containsExactly(limited.id());
    assertThat(stored(unlimited)).isEqualTo(1);
  }

  @Test
  @DisplayName("purgeExpired() judges by the instance's clock")
  void byClock() {
    Campaign c = withRetention(Duration.ofDays(7));
    give(c, "p1");
    f.spirit.campaigns().close(c.id());
    assertThat(f.spirit.retention().purgeExpired().submissions()).isZero();
    f.clock.advance(Duration.ofDays(7));
    assertThat(f.spirit.retention().purgeExpired().submissions()).isEqualTo(1);
  }

  @Test
  @DisplayName("an incremental aggregator of a purged campaign starts again from nothing")
  void aggregatorRestarts() {
    Campaign c = withRetention(Duration.ofDays(1));
    IncrementalAggregator agg = IncrementalAggregator.create(c, AggregationConfig.defaults());
    f.spirit.addListener(agg);
    SubmissionId id = give(c, "p1");
    f.spirit
        .review()
        .changeStatus(id, 1, dev.spirit.submission.SubmissionStatus.APPROVED, "moderator", "ok");
    f.spirit.review().endorse(id, ParticipantId.of("fan"));
    assertThat(agg.snapshot().counts().endorsements()).isEqualTo(1);
    assertThat(agg.snapshot().counts().byStatus()).isNotEmpty();
    f.spirit.campaigns().close(c.id());
    f.spirit.retention().purgeExpired(IntakeFixture.NOW.plus(Duration.ofDays(2)));
    assertThat(agg.snapshot())
        .isEqualTo(IncrementalAggregator.create(c, AggregationConfig.defaults()).snapshot());
  }

  @Test
  @DisplayName("setRetention changes and removes the period; a null argument is refused")
  void setRetention() {
    Campaign c = f.openCampaign();
    assertThat(
            f.spirit.campaigns().setRetention(c.id(), Optional.of(Duration.ofDays(3))).retention())
        .contains(Duration.ofDays(3));
    assertThat(f.spirit.campaigns().setRetention(c.id(), Optional.empty()).retention()).isEmpty();
    assertThatThrownBy(() -> f.spirit.campaigns().setRetention(c.id(), null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> f.spirit.retention().purgeExpired(null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> f.spirit.retention().expired(null))
        .isInstanceOf(InvalidInputException.class);
  }

  @Nested
  @DisplayName("a retention period")
  class Validation {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PT0S", "-PT1H", "P36501D"})
    @DisplayName("that is not positive or longer than 100 years is refused, naming the field")
    void refused(String period) {
      Duration d = Duration.parse(period);
      assertThatThrownBy(() -> f.campaignBuilder().retention(d).build())
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.getMessage()).contains("retention"));
    }

    @Test
    @DisplayName("of exactly the maximum is accepted")
    void maximum() {
      assertThat(f.campaignBuilder().retention(Campaign.MAX_RETENTION).build().retention())
          .contains(Campaign.MAX_RETENTION);
    }
  }
}
