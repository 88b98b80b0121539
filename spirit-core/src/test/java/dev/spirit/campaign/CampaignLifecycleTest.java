package dev.spirit.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.Spirit;
import dev.spirit.error.IllegalTransitionException;
import dev.spirit.error.InvalidInputException;
import dev.spirit.storage.memory.InMemoryStore;
import dev.spirit.submission.SubmissionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Campaign lifecycle")
class CampaignLifecycleTest {
  static final Instant OPENS = Instant.parse("2026-06-01T00:00:00Z");
  static final Instant CLOSES = Instant.parse("2026-07-01T00:00:00Z");

  /** DRAFT → OPEN ⇄ PAUSED → CLOSED → ARCHIVED, and OPEN → CLOSED. */
  static final Map<CampaignState, Set<CampaignState>> ALLOWED =
      Map.of(
          CampaignState.DRAFT, EnumSet.of(CampaignState.OPEN),
          CampaignState.OPEN, EnumSet.of(CampaignState.PAUSED, CampaignState.CLOSED),
          CampaignState.PAUSED, EnumSet.of(CampaignState.OPEN, CampaignState.CLOSED),
          CampaignState.CLOSED, EnumSet.of(CampaignState.ARCHIVED),
          CampaignState.ARCHIVED, EnumSet.noneOf(CampaignState.class));

  static Stream<Arguments> everyPair() {
    List<Arguments> pairs = new ArrayList<>();
    for (CampaignState from : CampaignState.values()) {
      for (CampaignState to : CampaignState.values()) {
        pairs.add(Arguments.of(from, to, ALLOWED.get(from).contains(to)));
      }
    }
    return pairs.stream();
  }

  static Campaign draft() {
    return Campaign.builder("spirit-of-yuzhong")
        .title("渝中精神", "Spirit of Yuzhong")
        .prompt("用一个词形容渝中", "Describe Yuzhong in one word")
        .districts("yuzhong")
        .allChannels()
        .window(OPENS, CLOSES)
        .createdAt(OPENS.minus(Duration.ofDays(7)))
        .build();
  }

  /** Walks a draft to {@code state} along allowed moves. */
  static Campaign in(CampaignState state) {
    Campaign c = draft();
    List<CampaignState> path =
        switch (state) {
          case DRAFT -> List.of();
          case OPEN -> List.of(CampaignState.OPEN);
          case PAUSED -> List.of(CampaignState.OPEN, CampaignState.PAUSED);
          case CLOSED -> List.of(CampaignState.OPEN, CampaignState.CLOSED);
          case ARCHIVED ->
              List.of(CampaignState.OPEN, CampaignState.CLOSED, CampaignState.ARCHIVED);
        };
    for (CampaignState step : path) {
      c = c.moveTo(step);
    }
    return c;
  }

  @ParameterizedTest(name = "{0} → {1}: allowed {2}")
  @MethodSource("everyPair")
  @DisplayName("every move is allowed exactly when the lifecycle has that arrow")
  void transitionTable(CampaignState from, CampaignState to, boolean allowed) {
    Campaign c = in(from);
    assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    if (allowed) {
      Campaign moved = c.moveTo(to);
      assertThat(moved.state()).isEqualTo(to);
      assertThat(moved.version()).isEqualTo(c.version());
      assertThat(moved.withVersion(0)).isEqualTo(new CampaignCopy(c).withState(to));
    } else {
      assertThatThrownBy(() -> c.moveTo(to))
          .isInstanceOfSatisfying(
              IllegalTransitionException.class,
              e -> {
                assertThat(e.from()).isEqualTo(from.name());
                assertThat(e.to()).isEqualTo(to.name());
                assertThat(e).hasMessageContaining("cannot go from " + from + " to " + to);
              });
    }
  }

  /** Rebuilds a campaign with another state, to check moveTo changes nothing else. */
  record CampaignCopy(Campaign c) {
    Campaign withState(CampaignState s) {
      return new Campaign(
          c.id(),
          c.slug(),
          c.title(),
          c.prompt(),
          c.districts(),
          c.channels(),
          c.opensAt(),
          c.closesAt(),
          c.timeZone(),
          s,
          c.rules(),
          c.createdAt(),
          0,
          c.closedAt(),
          c.retention());
    }
  }

  @Test
  @DisplayName("moves through Spirit are stored with the next version; illegal ones change nothing")
  void throughSpirit() {
    try (Spirit spirit = Spirit.builder().store(new InMemoryStore()).build()) {
      Campaign c = spirit.campaigns().create(draft());
      Campaign open = spirit.campaigns().open(c.id());
      assertThat(open.version()).isEqualTo(2);
      assertThatThrownBy(() -> spirit.campaigns().move(c.id(), CampaignState.ARCHIVED))
          .isInstanceOf(IllegalTransitionException.class);
      assertThat(spirit.campaigns().find(c.id())).contains(open);
      Campaign paused = spirit.campaigns().move(c.id(), CampaignState.PAUSED);
      Campaign reopened = spirit.campaigns().open(c.id());
      assertThat(List.of(paused.state(), reopened.state()))
          .containsExactly(CampaignState.PAUSED, CampaignState.OPEN);
      assertThat(spirit.campaigns().close(c.id()).version()).isEqualTo(5);
    }
  }

  @Test
  @DisplayName(
      "an open campaign accepts from its opening instant up to, not including, its closing")
  void windowEdges() {
    Campaign open = in(CampaignState.OPEN);
    assertThat(open.isAcceptingAt(OPENS.minusNanos(1))).isFalse();
    assertThat(open.isAcceptingAt(OPENS)).isTrue();
    assertThat(open.isAcceptingAt(CLOSES.minusNanos(1))).isTrue();
    assertThat(open.isAcceptingAt(CLOSES)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(
      value = CampaignState.class,
      names = {"DRAFT", "PAUSED", "CLOSED", "ARCHIVED"})
  @DisplayName("a campaign that is not OPEN accepts nothing, even inside its window")
  void onlyOpenAccepts(CampaignState state) {
    assertThat(in(state).isAcceptingAt(OPENS.plus(Duration.ofDays(1)))).isFalse();
  }

  @Test
  @DisplayName("an open campaign without a window accepts at any instant")
  void unbounded() {
    Campaign c =
        Campaign.builder("always")
            .title("随时", "Any time")
            .prompt("说", "Say")
            .districts("yuzhong")
            .allChannels()
            .build()
            .moveTo(CampaignState.OPEN);
    assertThat(c.isAcceptingAt(Instant.EPOCH)).isTrue();
    assertThat(c.isAcceptingAt(Instant.parse("2100-01-01T00:00:00Z"))).isTrue();
  }

  @Test
  @DisplayName(
      "a window that closes before it opens, or a malformed slug, is refused naming the field")
  void invalidCampaigns() {
    assertThatThrownBy(
            () ->
                Campaign.builder("bad-window")
                    .title("a", "a")
                    .prompt("b", "b")
                    .districts("yuzhong")
                    .allChannels()
                    .window(CLOSES, OPENS)
                    .build())
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("closesAt"));
    assertThatThrownBy(
            () ->
                Campaign.builder("Spirit Of Yuzhong")
                    .title("a", "a")
                    .prompt("b", "b")
                    .districts("yuzhong")
                    .allChannels()
                    .build())
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("slug"));
  }

  /** PENDING → APPROVED/REJECTED/HIDDEN/WITHDRAWN, and so on; WITHDRAWN is final. */
  static final Map<SubmissionStatus, Set<SubmissionStatus>> STATUS_MOVES =
      Map.of(
          SubmissionStatus.PENDING,
          EnumSet.of(
              SubmissionStatus.APPROVED,
              SubmissionStatus.REJECTED,
              SubmissionStatus.HIDDEN,
              SubmissionStatus.WITHDRAWN),
          SubmissionStatus.APPROVED,
          EnumSet.of(
              SubmissionStatus.HIDDEN, SubmissionStatus.REJECTED, SubmissionStatus.WITHDRAWN),
          SubmissionStatus.REJECTED,
          EnumSet.of(
              SubmissionStatus.PENDING, SubmissionStatus.APPROVED, SubmissionStatus.WITHDRAWN),
          SubmissionStatus.HIDDEN,
          EnumSet.of(
              SubmissionStatus.APPROVED,
              SubmissionStatus.REJECTED,
              SubmissionStatus.PENDING,
              SubmissionStatus.WITHDRAWN),
          SubmissionStatus.WITHDRAWN,
          EnumSet.noneOf(SubmissionStatus.class));

  @Test
  @DisplayName(
      "submission statuses move only along their lifecycle; WITHDRAWN is final; only APPROVED is public")
  void submissionStatusTable() {
    for (SubmissionStatus from : SubmissionStatus.values()) {
      for (SubmissionStatus to : SubmissionStatus.values()) {
        assertThat(from.canMoveTo(to))
            .as("%s -> %s", from, to)
            .isEqualTo(STATUS_MOVES.get(from).contains(to));
      }
      assertThat(from.isPublic()).isEqualTo(from == SubmissionStatus.APPROVED);
    }
  }
}
