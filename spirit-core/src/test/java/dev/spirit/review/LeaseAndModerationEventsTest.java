package dev.spirit.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.campaign.ModerationMode;
import dev.spirit.event.SpiritListener;
import dev.spirit.submission.ModerationDecision;
import dev.spirit.submission.ModerationRecord;
import dev.spirit.submission.ReviewLease;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Listeners hear of moderation at intake and of lapsed review leases")
class LeaseAndModerationEventsTest {
  private final List<String> moderated = new ArrayList<>();
  private final List<Duration> moderationTimes = new ArrayList<>();
  private final List<String> lapsed = new ArrayList<>();
  private final SpiritListener recorder =
      new SpiritListener() {
        @Override
        public void onModerated(Submission candidate, ModerationRecord verdict, Duration elapsed) {
          moderated.add(candidate.text().original() + "=" + verdict.decision());
          moderationTimes.add(elapsed);
        }

        @Override
        public void onLeaseExpired(Submission submission, ReviewLease lease) {
          lapsed.add(lease.moderator() + "@" + submission.id());
        }
      };
  private final ReviewFixture f = new ReviewFixture(ModerationMode.PRE, recorder);
  private final ReviewQueue queue = new ReviewQueue(f.spirit, Duration.ofMinutes(10));

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  @DisplayName("each moderated candidate is told with its decision and a non-negative duration")
  void moderationIsTold() {
    f.submit("山城精神", "p1");
    f.submit("赌场开业", "p2");

    assertThat(moderated)
        .containsExactly("山城精神=" + ModerationDecision.APPROVE, "赌场开业=" + ModerationDecision.REJECT);
    assertThat(moderationTimes).allSatisfy(d -> assertThat(d.isNegative()).isFalse());
  }

  @Test
  @DisplayName("a lease that lapsed is told once when another moderator claims the item")
  void lapsedLeaseOnClaim() {
    SubmissionId id = f.submit("山城精神", "p1");
    queue.claim(id, "mod-a").orElseThrow();
    queue.claim(id, "mod-a").orElseThrow(); // renewing an active lease is no lapse
    assertThat(lapsed).isEmpty();

    f.clock.advance(Duration.ofMinutes(11));
    queue.claim(id, "mod-b").orElseThrow();
    queue.claim(id, "mod-b").orElseThrow();

    assertThat(lapsed).containsExactly("mod-a@" + id);
  }

  @Test
  @DisplayName("a lease that lapsed is told when the next moderator takes the item with claimNext")
  void lapsedLeaseOnDecision() {
    SubmissionId id = f.submit("山城精神", "p1");
    queue.claim(id, "mod-a").orElseThrow();
    f.clock.advance(Duration.ofMinutes(11));

    Submission taken = queue.claimNext(ReviewFilter.pending(f.campaign.id()), "mod-b", 10).get(0);
    queue.decide(id, taken.version(), "mod-b", ReviewDecision.APPROVE, "fine");

    assertThat(lapsed).containsExactly("mod-a@" + id);
  }

  @Test
  @DisplayName("a decision within the lease tells no lapse")
  void decisionWithinLease() {
    SubmissionId id = f.submit("山城精神", "p1");
    Submission claimed = queue.claim(id, "mod-a").orElseThrow();

    queue.decide(id, claimed.version(), "mod-a", ReviewDecision.APPROVE, "fine");

    assertThat(lapsed).isEmpty();
  }
}
