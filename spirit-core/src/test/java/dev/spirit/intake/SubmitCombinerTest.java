package dev.spirit.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.Channel;
import dev.spirit.participant.Participant;
import dev.spirit.participant.Role;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.Rejection;
import dev.spirit.submission.RejectionCode;
import dev.spirit.submission.SubmissionRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Intake's combining of concurrent single submissions into batches")
class SubmitCombinerTest {
  private static final CampaignId CAMPAIGN =
      CampaignId.generate(Instant.parse("2026-06-01T00:00:00Z"));

  private static SubmissionRequest request(String text) {
    return SubmissionRequest.builder(CAMPAIGN)
        .text(text)
        .district("yuzhong")
        .channel(Channel.MESSAGE_BOARD)
        .participant(
            Participant.consenting("p-" + Integer.toHexString(text.hashCode()), Role.RESIDENT))
        .build();
  }

  /** Answers each request with a rejection naming its text, so answers can be matched. */
  private static List<Receipt> echo(List<SubmissionRequest> batch) {
    List<Receipt> out = new ArrayList<>();
    for (SubmissionRequest r : batch) {
      out.add(
          new Receipt.Rejected(
              List.of(new Rejection(RejectionCode.CAMPAIGN_NOT_FOUND, "text", r.text()))));
    }
    return out;
  }

  private static String answeredText(Receipt r) {
    return ((Receipt.Rejected) r).reasons().get(0).message();
  }

  @Test
  @DisplayName("a request alone is stored at once, in a batch of one")
  void aloneAtOnce() {
    List<Integer> sizes = new ArrayList<>();
    SubmitCombiner combiner =
        new SubmitCombiner(
            batch -> {
              sizes.add(batch.size());
              return echo(batch);
            });
    assertThat(answeredText(combiner.submit(request("耿直")))).isEqualTo("耿直");
    assertThat(answeredText(combiner.submit(request("热情")))).isEqualTo("热情");
    assertThat(sizes).containsExactly(1, 1);
  }

  @Test
  @DisplayName(
      "requests that arrive while batches are being stored go together in the next batch, each"
          + " caller gets its own answer, and no more than two batches run at a time")
  void concurrentRequestsCombine() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    ConcurrentLinkedQueue<Integer> sizes = new ConcurrentLinkedQueue<>();
    Function<List<SubmissionRequest>, List<Receipt>> slow =
        batch -> {
          mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          sizes.add(batch.size());
          running.decrementAndGet();
          return echo(batch);
        };
    SubmitCombiner combiner = new SubmitCombiner(slow);
    int callers = 20;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<Receipt>> answers = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        String text = "词" + i;
        answers.add(pool.submit(() -> combiner.submit(request(text))));
      }
      // Let the first batches start and the others queue behind them.
      Thread.sleep(300);
      release.countDown();
      for (int i = 0; i < callers; i++) {
        assertThat(answeredText(answers.get(i).get(10, TimeUnit.SECONDS))).isEqualTo("词" + i);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(callers);
    assertThat(sizes).as("fewer batches than requests").hasSizeLessThan(callers);
    assertThat(mostAtOnce.get()).isBetween(1, SubmitCombiner.LEADERS);
  }

  @Test
  @DisplayName(
      "a batch that fails is stored again one request at a time, so only the failing request's"
          + " caller sees the failure")
  void failureReachesOnlyItsRequest() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Function<List<SubmissionRequest>, List<Receipt>> picky =
        batch -> {
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          for (SubmissionRequest r : batch) {
            if (r.text().equals("坏")) {
              throw new IllegalStateException("the store refused 坏");
            }
          }
          return echo(batch);
        };
    SubmitCombiner combiner = new SubmitCombiner(picky);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Receipt>> good = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        String text = "好" + i;
        good.add(pool.submit(() -> combiner.submit(request(text))));
      }
      Future<Receipt> bad = pool.submit(() -> combiner.submit(request("坏")));
      Thread.sleep(300);
      release.countDown();
      for (int i = 0; i < 5; i++) {
        assertThat(answeredText(good.get(i).get(10, TimeUnit.SECONDS))).isEqualTo("好" + i);
      }
      assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(IllegalStateException.class)
          .hasRootCauseMessage("the store refused 坏");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName(
      "a thread that is storing a batch and submits again (a listener's callback) is not queued"
          + " behind itself: its request is stored directly")
  void reentrantSubmitDoesNotWaitForItself() throws Exception {
    AtomicReference<SubmitCombiner> self = new AtomicReference<>();
    List<String> stored = new ArrayList<>();
    SubmitCombiner combiner =
        new SubmitCombiner(
            batch -> {
              for (SubmissionRequest r : batch) {
                stored.add(r.text());
                if (r.text().equals("外")) {
                  self.get().submit(request("内"));
                }
              }
              return echo(batch);
            });
    self.set(combiner);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Receipt outer = pool.submit(() -> combiner.submit(request("外"))).get(10, TimeUnit.SECONDS);
      assertThat(answeredText(outer)).isEqualTo("外");
    } finally {
      pool.shutdownNow();
    }
    assertThat(stored).containsExactly("外", "内");
  }
}
