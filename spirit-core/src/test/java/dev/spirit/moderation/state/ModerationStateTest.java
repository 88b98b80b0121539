package dev.spirit.moderation.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.campaign.CampaignId;
import dev.spirit.error.InvalidInputException;
import dev.spirit.participant.ParticipantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Moderation state in core")
class ModerationStateTest {
  private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
  private static final Duration WINDOW = Duration.ofMinutes(10);
  private static final ParticipantId P = ParticipantId.of("p-1");
  private static final CampaignId C = CampaignId.generate(T0);

  @Nested
  @DisplayName("a text mark")
  class Marks {
    @Test
    @DisplayName("survives encoding: same text, same shingles, same signature; no text inside")
    void roundTrip() {
      TextMark mark = TextMark.of(P, "重庆城市精神耿直");
      String encoded = mark.encode();
      TextMark back = TextMark.decode(P, encoded);
      assertThat(back).isEqualTo(mark).hasSameHashCodeAs(mark);
      assertThat(back.sameText(mark)).isTrue();
      assertThat(back.jaccard(mark)).isEqualTo(1.0);
      assertThat(back.agreement(mark)).isEqualTo(16);
      assertThat(back.shingleCount()).isEqualTo(mark.shingleCount()).isPositive();
      assertThat(encoded).startsWith("m1:").doesNotContain("重庆").matches("[0-9a-f:m]+");
      assertThat(mark.toString()).contains("p-1").doesNotContain("重庆");
    }

    @Test
    @DisplayName("tells the same text from a similar one and from a different one")
    void compares() {
      TextMark a = TextMark.of(P, "山城人民耿直热情好客");
      TextMark near = TextMark.of(P, "山城人民耿直热情好客啊");
      TextMark other = TextMark.of(P, "火锅");
      assertThat(a.sameText(near)).isFalse();
      assertThat(a.jaccard(near)).isGreaterThan(0.7);
      assertThat(a.jaccard(other)).isLessThan(0.1);
      assertThat(a.ownedBy(ParticipantId.of("q")).sameText(a)).isTrue();
      assertThat(a.ownedBy(ParticipantId.of("q"))).isNotEqualTo(a);
      assertThat(TextMark.of(P, "").shingleCount()).isZero();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
        strings = {"", "m2:1:00000001:", "m1:zz:00000001:00", "m1:1:0000001:", "m1:1::00000001"})
    @DisplayName("refuses what encode() does not write, with a typed error")
    void refusesGarbage(String encoded) {
      assertThatThrownBy(() -> TextMark.decode(P, encoded))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("textMark");
    }
  }

  @Nested
  @DisplayName("a state key")
  class Keys {
    @Test
    @DisplayName("needs every part, and is equal by value")
    void validated() {
      assertThatThrownBy(() -> new StateKey(null, C, "x"))
          .isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> new StateKey(StateKey.Kind.PARTICIPANT_RATE, null, "x"))
          .isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> new StateKey(StateKey.Kind.PARTICIPANT_RATE, C, ""))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("stateKey.subject");
      StateKey k = new StateKey(StateKey.Kind.PARTICIPANT_RATE, C, "x");
      assertThat(k)
          .isEqualTo(new StateKey(StateKey.Kind.PARTICIPANT_RATE, C, "x"))
          .hasSameHashCodeAs(new StateKey(StateKey.Kind.PARTICIPANT_RATE, C, "x"))
          .isNotEqualTo(new StateKey(StateKey.Kind.PARTICIPANT_TEXTS, C, "x"));
      assertThat(StateKey.Kind.PARTICIPANT_TEXTS.participantSubject()).isTrue();
      assertThat(StateKey.Kind.COLLECTION_POINT_RATE.participantSubject()).isFalse();
    }
  }

  @Nested
  @DisplayName("the in-memory state")
  class InMemory {
    private final InMemoryModerationState state = new InMemoryModerationState();

    @Test
    @DisplayName("refuses a window that is not positive and a keep below 1")
    void refusesBadArguments() {
      StateKey k = new StateKey(StateKey.Kind.PARTICIPANT_RATE, C, "x");
      assertThatThrownBy(() -> state.countThenAdd(k, T0, Duration.ZERO, 1))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("window");
      assertThatThrownBy(() -> state.countThenAdd(k, T0, WINDOW, 0))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("keep");
      assertThatThrownBy(
              () -> state.recentThenAdd(k, T0, Duration.ofSeconds(-1), 1, TextMark.of(P, "a")))
          .isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName(
        "stays bounded: 250,000 participants leave 100,000 counted keys and 100,000 text keys,"
            + " the least recently used evicted")
    void bounded() {
      TextMark mark = TextMark.of(P, "耿直");
      for (int i = 0; i < 250_000; i++) {
        String who = "p" + i;
        Instant at = T0.plusMillis(i);
        state.countThenAdd(new StateKey(StateKey.Kind.PARTICIPANT_RATE, C, who), at, WINDOW, 5);
        state.recentThenAdd(
            new StateKey(StateKey.Kind.PARTICIPANT_TEXTS, C, who), at, WINDOW, 32, mark);
      }
      assertThat(state.keys()).isEqualTo(200_000);
      // The newest participant is remembered, the first one was evicted.
      assertThat(
              state.countThenAdd(
                  new StateKey(StateKey.Kind.PARTICIPANT_RATE, C, "p249999"),
                  T0.plusSeconds(300),
                  WINDOW,
                  5))
          .isEqualTo(1);
      assertThat(
              state.countThenAdd(
                  new StateKey(StateKey.Kind.PARTICIPANT_RATE, C, "p0"),
                  T0.plusSeconds(300),
                  WINDOW,
                  5))
          .isZero();
    }

    @Test
    @DisplayName("returns no more texts than keep asks for, newest last")
    void keepLimitsTexts() {
      StateKey k = new StateKey(StateKey.Kind.COLLECTION_POINT_TEXTS, C, "kiosk");
      for (int i = 0; i < 10; i++) {
        state.recentThenAdd(k, T0.plusSeconds(i), WINDOW, 16, TextMark.of(P, "t" + i));
      }
      List<TextMark> three =
          state.recentThenAdd(k, T0.plusSeconds(20), WINDOW, 3, TextMark.of(P, "x"));
      assertThat(three)
          .extracting(TextMark::encode)
          .containsExactly(
              TextMark.of(P, "t7").encode(),
              TextMark.of(P, "t8").encode(),
              TextMark.of(P, "t9").encode());
    }

    @Test
    @DisplayName(
        "erasing a participant forgets their windows and their texts at collection points, and"
            + " keeps everyone else's")
    void erasure() {
      ParticipantId q = ParticipantId.of("q-2");
      StateKey theirs = new StateKey(StateKey.Kind.PARTICIPANT_RATE, C, P.value());
      StateKey others = new StateKey(StateKey.Kind.PARTICIPANT_RATE, C, q.value());
      StateKey point = new StateKey(StateKey.Kind.COLLECTION_POINT_TEXTS, C, "kiosk");
      StateKey pointRate = new StateKey(StateKey.Kind.COLLECTION_POINT_RATE, C, P.value());
      state.countThenAdd(theirs, T0, WINDOW, 5);
      state.countThenAdd(others, T0, WINDOW, 5);
      state.countThenAdd(pointRate, T0, WINDOW, 5);
      state.recentThenAdd(point, T0, WINDOW, 16, TextMark.of(P, "mine"));
      state.recentThenAdd(point, T0, WINDOW, 16, TextMark.of(q, "theirs"));
      assertThat(state.keys()).isEqualTo(4);

      state.eraseParticipant(P);

      assertThat(state.keys()).isEqualTo(3);
      assertThat(state.countThenAdd(theirs, T0, WINDOW, 5)).isZero();
      assertThat(state.countThenAdd(others, T0, WINDOW, 5)).isEqualTo(1);
      // A collection point named like the participant is not theirs.
      assertThat(state.countThenAdd(pointRate, T0, WINDOW, 5)).isEqualTo(1);
      assertThat(state.recentThenAdd(point, T0, WINDOW, 16, TextMark.of(q, "again")))
          .extracting(TextMark::owner)
          .containsExactly(q);
    }
  }
}
