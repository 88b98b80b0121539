package dev.spirit.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.campaign.ModerationMode;
import dev.spirit.error.InvalidInputException;
import dev.spirit.error.LeaseException;
import dev.spirit.error.NotPermittedException;
import dev.spirit.error.VersionConflictException;
import dev.spirit.storage.Page;
import dev.spirit.storage.PageRequest;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionStatus;
import dev.spirit.submission.TextSpan;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The review queue")
class ReviewQueueTest {
  private final ReviewFixture f = new ReviewFixture(ModerationMode.PRE);
  private final ReviewQueue queue = new ReviewQueue(f.spirit, Duration.ofMinutes(10));

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  @DisplayName("lists pending submissions with filters, page by page")
  void lists() {
    SubmissionId a = f.submit("山城精神", "p1");
    SubmissionId b = f.submit("这里全是垃圾", "p2");
    SubmissionId c = f.submit("火锅之城", "p3", "jiangbei", Channel.ONLINE);
    f.submit("赌场开业", "p4"); // rejected outright, not pending

    Page<Submission> first =
        queue.list(ReviewFilter.pending(f.campaign.id()), PageRequest.first(2));
    assertThat(first.items()).extracting(Submission::id).containsExactly(a, b);
    Page<Submission> second =
        queue.list(ReviewFilter.pending(f.campaign.id()), PageRequest.after(first.next().get(), 2));
    assertThat(second.items()).extracting(Submission::id).containsExactly(c);
    assertThat(second.next()).isEmpty();

    ReviewFilter flagged = ReviewFilter.builder(f.campaign.id()).reasonCode("review-term").build();
    assertThat(queue.list(flagged, PageRequest.first(10)).items())
        .extracting(Submission::id)
        .containsExactly(b);
    ReviewFilter district =
        ReviewFilter.builder(f.campaign.id()).district(new District("jiangbei")).build();
    assertThat(queue.count(district)).isEqualTo(1);
    ReviewFilter rejected =
        ReviewFilter.builder(f.campaign.id()).status(SubmissionStatus.REJECTED).build();
    assertThat(queue.count(rejected)).isEqualTo(1);
  }

  @Test
  @DisplayName("lets one moderator claim an item; another cannot until the lease expires")
  void leases() {
    SubmissionId id = f.submit("山城精神", "p1");
    Submission claimed = queue.claim(id, "mod-a").orElseThrow();
    assertThat(claimed.reviewLease()).get().extracting(l -> l.moderator()).isEqualTo("mod-a");
    assertThat(queue.claim(id, "mod-b")).isEmpty();
    assertThatThrownBy(
            () -> queue.decide(id, claimed.version(), "mod-b", ReviewDecision.APPROVE, "ok"))
        .isInstanceOf(NotPermittedException.class)
        .hasMessageContaining("claimed by mod-a");
    ReviewFilter unclaimed = ReviewFilter.builder(f.campaign.id()).unclaimedOnly().build();
    assertThat(queue.count(unclaimed)).isZero();

    f.clock.advance(Duration.ofMinutes(11));
    assertThat(queue.count(unclaimed)).isEqualTo(1);
    Submission taken = queue.claim(id, "mod-b").orElseThrow();
    assertThat(taken.reviewLease().get().moderator()).isEqualTo("mod-b");
    Submission approved =
        queue.decide(id, taken.version(), "mod-b", ReviewDecision.APPROVE, "fine");
    assertThat(approved.status()).isEqualTo(SubmissionStatus.APPROVED);
    assertThat(approved.reviewLease()).isEmpty();
  }

  @Test
  @DisplayName("refuses a decision without a live lease of the deciding moderator, saying why")
  void decisionsNeedALiveLease() {
    SubmissionId id = f.submit("山城精神", "p1");
    long unclaimed = f.get(id).version();
    assertThatThrownBy(() -> queue.decide(id, unclaimed, "mod-a", ReviewDecision.APPROVE, "ok"))
        .isInstanceOfSatisfying(
            LeaseException.class,
            e -> assertThat(e.reason()).isEqualTo(LeaseException.Reason.NOT_CLAIMED))
        .hasMessageContaining("not claimed by mod-a");

    Submission mine = queue.claim(id, "mod-a").orElseThrow();
    assertThatThrownBy(
            () -> queue.decide(id, mine.version(), "mod-b", ReviewDecision.APPROVE, "ok"))
        .isInstanceOfSatisfying(
            LeaseException.class,
            e -> assertThat(e.reason()).isEqualTo(LeaseException.Reason.HELD_BY_OTHER));

    f.clock.advance(Duration.ofMinutes(10));
    assertThatThrownBy(
            () -> queue.decide(id, mine.version(), "mod-a", ReviewDecision.APPROVE, "ok"))
        .isInstanceOfSatisfying(
            LeaseException.class,
            e -> assertThat(e.reason()).isEqualTo(LeaseException.Reason.EXPIRED))
        .hasMessageContaining("lapsed at 2026-05-01T08:10:00Z");
    assertThatThrownBy(
            () -> queue.approveRedacted(id, mine.version(), "mod-b", List.of(), "nothing"))
        .isInstanceOfSatisfying(
            LeaseException.class,
            e -> assertThat(e.reason()).isEqualTo(LeaseException.Reason.NOT_CLAIMED));
    assertThat(f.get(id).status()).isEqualTo(SubmissionStatus.PENDING);
  }

  @Test
  @DisplayName("renews a live lease of its holder for another lease duration, and nobody else's")
  void renewal() {
    SubmissionId id = f.submit("山城精神", "p1");
    queue.claim(id, "mod-a").orElseThrow();
    f.clock.advance(Duration.ofMinutes(9));
    Submission renewed = queue.renew(id, "mod-a");
    assertThat(renewed.reviewLease().orElseThrow().expiresAt())
        .isEqualTo(f.clock.instant().plus(Duration.ofMinutes(10)));
    assertThatThrownBy(() -> queue.renew(id, "mod-b"))
        .isInstanceOfSatisfying(
            LeaseException.class,
            e -> assertThat(e.reason()).isEqualTo(LeaseException.Reason.HELD_BY_OTHER));

    f.clock.advance(Duration.ofMinutes(9));
    Submission decided =
        queue.decide(id, renewed.version(), "mod-a", ReviewDecision.APPROVE, "still mine");
    assertThat(decided.status()).isEqualTo(SubmissionStatus.APPROVED);
    assertThatThrownBy(() -> queue.renew(id, "mod-a"))
        .isInstanceOfSatisfying(
            LeaseException.class,
            e -> assertThat(e.reason()).isEqualTo(LeaseException.Reason.NOT_CLAIMED));
  }

  @Test
  @DisplayName("claimNext takes free and lapsed items only, oldest first, at most as many as asked")
  void claimNextSkipsLiveLeases() {
    List<SubmissionId> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(f.submit("山城精神" + i, "p" + i));
    }
    queue.claim(ids.get(0), "mod-b").orElseThrow();
    queue.claim(ids.get(1), "mod-c").orElseThrow();
    f.clock.advance(Duration.ofMinutes(5));
    queue.renew(ids.get(1), "mod-c");
    f.clock.advance(Duration.ofMinutes(6)); // mod-b's lease lapsed, mod-c's renewed one holds

    List<Submission> mine = queue.claimNext(ReviewFilter.pending(f.campaign.id()), "mod-a", 2);
    assertThat(mine).extracting(Submission::id).containsExactly(ids.get(0), ids.get(2));
    assertThat(mine)
        .allSatisfy(s -> assertThat(s.reviewLease().orElseThrow().moderator()).isEqualTo("mod-a"));
    assertThat(f.get(ids.get(1)).reviewLease().orElseThrow().moderator()).isEqualTo("mod-c");
    assertThatThrownBy(() -> queue.claimNext(ReviewFilter.pending(f.campaign.id()), "mod-a", 0))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  @DisplayName("lets exactly one of two moderators win a simultaneous claim")
  void concurrentClaims() throws Exception {
    for (int round = 0; round < 20; round++) {
      SubmissionId id = f.submit("山城精神" + round, "p" + round);
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<Optional<Submission>>> results = new ArrayList<>();
        for (String mod : List.of("mod-a", "mod-b")) {
          Callable<Optional<Submission>> claim =
              () -> {
                go.await();
                return queue.claim(id, mod);
              };
          results.add(pool.submit(claim));
        }
        go.countDown();
        long winners = 0;
        for (Future<Optional<Submission>> r : results) {
          winners += r.get().isPresent() ? 1 : 0;
        }
        assertThat(winners).isEqualTo(1);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  @DisplayName("refuses a decision based on an outdated version")
  void optimistic() {
    SubmissionId id = f.submit("山城精神", "p1");
    long seen = f.get(id).version();
    queue.claim(id, "mod-a");
    assertThatThrownBy(() -> queue.decide(id, seen, "mod-a", ReviewDecision.REJECT, "no"))
        .isInstanceOf(VersionConflictException.class);
  }

  @Test
  @DisplayName("claims the next unclaimed items for a moderator")
  void claimNext() {
    for (int i = 0; i < 5; i++) {
      f.submit("山城精神" + i, "p" + i);
    }
    List<Submission> mine = queue.claimNext(ReviewFilter.pending(f.campaign.id()), "mod-a", 3);
    List<Submission> theirs = queue.claimNext(ReviewFilter.pending(f.campaign.id()), "mod-b", 3);
    assertThat(mine).hasSize(3);
    assertThat(theirs).hasSize(2);
    assertThat(mine)
        .extracting(Submission::id)
        .doesNotContainAnyElementsOf(theirs.stream().map(Submission::id).toList());
    Submission released = queue.release(mine.get(0).id(), "mod-a");
    assertThat(released.reviewLease()).isEmpty();
  }

  @Test
  @DisplayName("approves an item after masking part of its text, keeping the original")
  void redaction() {
    SubmissionId id = f.submit("耿直 我叫李雷", "p1");
    Submission s = queue.claim(id, "mod-a").orElseThrow();
    Submission done =
        queue.approveRedacted(id, s.version(), "mod-a", List.of(new TextSpan(5, 7)), "a name");
    assertThat(done.status()).isEqualTo(SubmissionStatus.APPROVED);
    assertThat(done.displayText()).isEqualTo("耿直 我叫**");
    assertThat(done.text().original()).isEqualTo("耿直 我叫李雷");
  }

  @Test
  @DisplayName("decides a page or everything matching a filter in bulk, skipping changed items")
  void bulk() {
    List<SubmissionId> wave = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      wave.add(f.submit("垃圾广告" + i, "bot" + i));
    }
    SubmissionId innocent = f.submit("山城精神", "p1");
    // One item of the wave is claimed by another moderator: bulk leaves it alone.
    queue.claim(wave.get(0), "mod-b");
    Page<Submission> page = queue.list(ReviewFilter.pending(f.campaign.id()), PageRequest.first(3));
    // One item changed after the page was listed.
    Submission changed = queue.claim(wave.get(1), "mod-a").orElseThrow();
    BulkResult pageResult = queue.decideAll(page.items(), "mod-a", ReviewDecision.REJECT, "spam");
    assertThat(pageResult.decided()).containsExactly(wave.get(2));
    assertThat(pageResult.skipped()).containsOnlyKeys(wave.get(0), wave.get(1));

    ReviewFilter spam = ReviewFilter.builder(f.campaign.id()).reasonCode("review-term").build();
    BulkResult all = queue.decideMatching(spam, "mod-a", ReviewDecision.REJECT, "spam wave");
    assertThat(all.decided()).containsExactly(wave.get(1), wave.get(3), wave.get(4), wave.get(5));
    assertThat(all.skipped()).containsOnlyKeys(wave.get(0));
    assertThat(f.get(innocent).status()).isEqualTo(SubmissionStatus.PENDING);
    assertThat(changed.version()).isLessThan(f.get(wave.get(1)).version());
  }

  @Test
  @DisplayName("exports the audit log as CSV and as JSON lines")
  void audit() {
    SubmissionId id = f.submit("山城, \"精神\"", "p1");
    f.submit("赌场", "p2");
    Submission s = queue.claim(id, "mod-a").orElseThrow();
    queue.decide(id, s.version(), "mod-a", ReviewDecision.REJECT, "quote \"this\", please");
    StringWriter csv = new StringWriter();
    assertThat(queue.exportAuditCsv(f.campaign.id(), csv)).isEqualTo(2);
    String[] lines = csv.toString().split("\r\n");
    assertThat(lines[0]).isEqualTo("campaign_id,submission_id,actor,at,from,to,reason");
    assertThat(lines[1]).contains(",system:moderation,").contains(",PENDING,REJECTED,");
    assertThat(lines[2])
        .startsWith(f.campaign.id() + "," + id + ",mod-a,2026-05-01T08:00:00Z,PENDING,REJECTED,")
        .endsWith(",\"quote \"\"this\"\", please\"");
    StringWriter json = new StringWriter();
    assertThat(queue.exportAuditJsonLines(f.campaign.id(), json)).isEqualTo(2);
    assertThat(json.toString().split("\n"))
        .hasSize(2)
        .allSatisfy(l -> assertThat(l).startsWith("{").endsWith("}"));
    assertThat(json.toString().split("\n")[1])
        .contains("\"actor\":\"mod-a\"")
        .contains("\"to\":\"REJECTED\"");
  }
}
