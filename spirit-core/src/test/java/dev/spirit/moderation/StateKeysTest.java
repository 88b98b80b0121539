package dev.spirit.moderation;

import static dev.spirit.moderation.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.campaign.Campaign;
import dev.spirit.moderation.state.InMemoryModerationState;
import dev.spirit.moderation.state.ModerationState;
import dev.spirit.moderation.state.StateKey;
import dev.spirit.moderation.state.TextMark;
import dev.spirit.submission.Submission;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName(
    "Rules with history declare the state keys they use, so a batch can lock them together")
class StateKeysTest {

  /** A state that remembers which keys were used. */
  private static final class Recording implements ModerationState {
    final InMemoryModerationState inner = new InMemoryModerationState();
    final Set<StateKey> used = new HashSet<>();

    @Override
    public int countThenAdd(StateKey key, Instant now, Duration window, int keep) {
      used.add(key);
      return inner.countThenAdd(key, now, window, keep);
    }

    @Override
    public List<TextMark> recentThenAdd(
        StateKey key, Instant now, Duration window, int keep, TextMark mark) {
      used.add(key);
      return inner.recentThenAdd(key, now, window, keep, mark);
    }

    @Override
    public void eraseParticipant(dev.spirit.participant.ParticipantId participant) {
      inner.eraseParticipant(participant);
    }
  }

  @Test
  @DisplayName(
      "the standard pipeline declares exactly the keys its rate and duplicate rules use: the"
          + " participant's two windows, and the collection point's two when there is one")
  void declaredKeysAreTheUsedKeys() {
    ModerationPipeline pipeline =
        ModerationPipeline.of(new RateRule(), new DuplicateRule(), new QualityRule());
    Campaign campaign = Fixtures.campaign();
    for (String point : new String[] {"kiosk-解放碑", null}) {
      Submission candidate = Fixtures.candidate(campaign, "耿直热情", "p-1", T0, point);
      Recording state = new Recording();
      pipeline.moderate(candidate, campaign, state);
      Set<StateKey> declared = pipeline.stateKeys(candidate, campaign);
      assertThat(declared).isEqualTo(state.used).hasSize(point == null ? 2 : 4);
    }
  }

  @Test
  @DisplayName("a rule without history declares none, and a pipeline of such rules none")
  void rulesWithoutHistoryDeclareNone() {
    Campaign campaign = Fixtures.campaign();
    Submission candidate = Fixtures.candidate(campaign, "耿直", "p-1", T0, "kiosk-1");
    assertThat(new QualityRule().stateKeys(candidate, campaign)).isEmpty();
    assertThat(ModerationPipeline.of(new QualityRule()).stateKeys(candidate, campaign)).isEmpty();
    assertThat(Moderator.NONE.stateKeys(candidate, campaign)).isEmpty();
  }
}
