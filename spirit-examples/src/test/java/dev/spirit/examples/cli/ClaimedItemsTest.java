package dev.spirit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.error.LeaseException;
import dev.spirit.participant.Participant;
import dev.spirit.participant.Role;
import dev.spirit.review.ReviewDecision;
import dev.spirit.review.ReviewFilter;
import dev.spirit.review.ReviewQueue;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionRequest;
import dev.spirit.submission.SubmissionStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The leases one spirit review run holds")
class ClaimedItemsTest {
  private final MovableClock clock = new MovableClock(Instant.parse("2026-05-01T08:00:00Z"));
  private final Spirit spirit = Spirit.builder().storeUri("mem:").clock(clock).build();
  private final ReviewQueue queue = new ReviewQueue(spirit, Duration.ofMinutes(10));
  private final List<SubmissionId> ids = new ArrayList<>();
  private ReviewFilter filter;

  ClaimedItemsTest() {
    Campaign c =
        spirit
            .campaigns()
            .create(
                Campaign.builder("leases")
                    .title("渝中精神", "Spirit of Yuzhong")
                    .prompt("一个词", "One word")
                    .districts("yuzhong")
                    .allChannels()
                    .build());
    spirit.campaigns().open(c.id());
    for (String text : List.of("耿直", "热情", "包容")) {
      ids.add(
          spirit
              .submit(
                  SubmissionRequest.builder(c.id())
                      .text(text)
                      .district("yuzhong")
                      .channel(Channel.MESSAGE_BOARD)
                      .participant(Participant.consenting("p-" + ids.size(), Role.RESIDENT))
                      .build())
              .orThrow()
              .id());
    }
    filter = ReviewFilter.pending(c.id());
  }

  @AfterEach
  void close() {
    spirit.close();
  }

  private Submission stored(SubmissionId id) {
    return spirit.submissions().find(id).orElseThrow();
  }

  @Test
  @DisplayName("renewing keeps the leases alive past their first expiry, so decisions succeed")
  void renewals() {
    assertThat(stored(ids.get(0)).status()).isEqualTo(SubmissionStatus.PENDING);
    try (ClaimedItems held = new ClaimedItems(queue, filter, "li")) {
      assertThat(held.claimPage(2))
          .extracting(Submission::id)
          .containsExactly(ids.get(0), ids.get(1));
      clock.advance(Duration.ofMinutes(9));
      assertThat(held.renewAll()).isEqualTo(2);
      clock.advance(Duration.ofMinutes(9));
      assertThat(queue.claim(ids.get(0), "wang")).as("still li's").isEmpty();
      Submission approved = held.decide(ids.get(0), ReviewDecision.APPROVE, "fine");
      assertThat(approved.status()).isEqualTo(SubmissionStatus.APPROVED);
      assertThat(held.size()).isEqualTo(1);
    }
    assertThat(stored(ids.get(1)).reviewLease()).as("released on close").isEmpty();
    assertThat(stored(ids.get(2)).reviewLease()).isEmpty();
  }

  @Test
  @DisplayName("a decision after the lease lapsed is refused, saying so")
  void lapsed() {
    try (ClaimedItems held = new ClaimedItems(queue, filter, "li")) {
      held.claimPage(1);
      clock.advance(Duration.ofMinutes(10));
      assertThatThrownBy(() -> held.decide(ids.get(0), ReviewDecision.APPROVE, "late"))
          .isInstanceOfSatisfying(
              LeaseException.class,
              e -> assertThat(e.reason()).isEqualTo(LeaseException.Reason.EXPIRED))
          .hasMessageContaining("lapsed at 2026-05-01T08:10:00Z");
      assertThat(stored(ids.get(0)).status()).isEqualTo(SubmissionStatus.PENDING);
    }
  }

  @Test
  @DisplayName("an item someone else took after the lease lapsed is dropped at renewal")
  void lost() {
    try (ClaimedItems held = new ClaimedItems(queue, filter, "li")) {
      held.claimPage(1);
      clock.advance(Duration.ofMinutes(11));
      queue.claim(ids.get(0), "wang").orElseThrow();
      assertThat(held.renewAll()).isZero();
      assertThatThrownBy(() -> held.decide(ids.get(0), ReviewDecision.REJECT, "mine?"))
          .isInstanceOf(LeaseException.class)
          .hasMessageContaining("no longer claimed by li");
    }
    assertThat(stored(ids.get(0)).reviewLease())
        .as("wang's lease is not released by li")
        .get()
        .extracting(l -> l.moderator())
        .isEqualTo("wang");
  }

  @Test
  @DisplayName("nothing is claimed after close, and closing twice is harmless")
  void closed() {
    ClaimedItems held = new ClaimedItems(queue, filter, "li");
    held.claimPage(3);
    held.close();
    held.close();
    assertThat(held.claimPage(3)).isEmpty();
    assertThat(ids).allSatisfy(id -> assertThat(stored(id).reviewLease()).isEmpty());
  }

  /** A clock the test moves by hand. */
  private static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
