package dev.spirit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.CampaignState;
import dev.spirit.error.InvalidInputException;
import dev.spirit.error.NotFoundException;
import dev.spirit.moderation.Moderator;
import dev.spirit.submission.Receipt;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("campaigns().schedule: when a campaign takes submissions, and its time zone")
class CampaignScheduleTest {
  private final IntakeFixture f = new IntakeFixture(Moderator.NONE, List.of());

  @AfterEach
  void close() {
    f.close();
  }

  private boolean accepted(Campaign c) {
    return f.spirit.submit(f.request(c, "p-" + System.nanoTime()).build())
        instanceof Receipt.Accepted;
  }

  @Test
  @DisplayName("a window in the future stops intake of an open campaign; removing it resumes it")
  void windowGovernsIntake() {
    Campaign c = f.campaign(CampaignState.OPEN, UnaryOperator.identity());
    assertThat(accepted(c)).isTrue();
    Instant later = IntakeFixture.NOW.plus(Duration.ofDays(3));
    Campaign scheduled =
        f.spirit
            .campaigns()
            .schedule(c.id(), Optional.of(later), Optional.empty(), ZoneId.of("Asia/Urumqi"));
    assertThat(scheduled.opensAt()).contains(later);
    assertThat(scheduled.timeZone()).isEqualTo(ZoneId.of("Asia/Urumqi"));
    assertThat(scheduled.version()).isGreaterThan(c.version());
    assertThat(accepted(scheduled)).isFalse();
    Campaign open =
        f.spirit
            .campaigns()
            .schedule(c.id(), Optional.empty(), Optional.empty(), scheduled.timeZone());
    assertThat(open.opensAt()).isEmpty();
    assertThat(accepted(open)).isTrue();
    assertThat(f.spirit.campaigns().find(c.id()).orElseThrow().state())
        .isEqualTo(CampaignState.OPEN);
  }

  @Test
  @DisplayName("closes before opens, an unknown campaign and null arguments are refused typed")
  void badInput() {
    Campaign c = f.campaign(CampaignState.DRAFT, UnaryOperator.identity());
    Instant t = IntakeFixture.NOW;
    assertThatThrownBy(
            () ->
                f.spirit
                    .campaigns()
                    .schedule(c.id(), Optional.of(t), Optional.of(t.minusSeconds(1)), c.timeZone()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("closesAt");
    assertThat(f.spirit.campaigns().find(c.id()).orElseThrow().opensAt()).isEmpty();
    assertThatThrownBy(
            () ->
                f.spirit
                    .campaigns()
                    .schedule(
                        CampaignId.generate(IntakeFixture.NOW),
                        Optional.empty(),
                        Optional.empty(),
                        c.timeZone()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () -> f.spirit.campaigns().schedule(c.id(), Optional.empty(), Optional.empty(), null))
        .isInstanceOf(InvalidInputException.class);
  }
}
