package dev.spirit.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.campaign.Campaign;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing process with {@code kill -9} at random moments and checks after each kill that
 * everything it acknowledged is still there. Iterations: {@code -Dspirit.crash.iterations=N}
 * (default 20); seed: {@code -Dspirit.crash.seed=S} (printed on failure).
 */
@DisplayName("A process killed with kill -9 loses no acknowledged submission")
class CrashTest {
  @TempDir Path dir;

  @Test
  @DisplayName(
      "after every kill at a random moment, reopening finds every acknowledged id and a"
          + " consistent store")
  void killAtRandomMoments() throws Exception {
    int iterations = Integer.getInteger("spirit.crash.iterations", 20);
    long seed = Long.getLong("spirit.crash.seed", System.nanoTime());
    Random random = new Random(seed);
    Set<SubmissionId> acknowledged = ConcurrentHashMap.newKeySet();
    int withTornTail = 0;
    for (int i = 0; i < iterations; i++) {
      Process child = Children.start("write", dir, "4");
      CountDownLatch ready = new CountDownLatch(1);
      Thread reader = new Thread(() -> readAcks(child, acknowledged, ready));
      reader.start();
      // Half the kills land while the child may still be starting or recovering, half while
      // it writes (and compacts) at full speed.
      if (random.nextBoolean()) {
        ready.await(10, TimeUnit.SECONDS);
      }
      TimeUnit.MILLISECONDS.sleep(random.nextInt(400));
      child.destroyForcibly();
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
      reader.join();

      String context = "iteration " + i + " of seed " + seed;
      try (FileStore store = FileStore.open(dir)) {
        if (!store.recoveryReport().clean()) {
          withTornTail++;
        }
        assertConsistent(store, acknowledged, context);
      }
    }
    System.out.printf(
        "crash test: %d kills, %d acknowledged ids all found, %d recoveries cut a torn tail%n",
        iterations, acknowledged.size(), withTornTail);
    assertThat(acknowledged).as("the children acknowledged writes at all").isNotEmpty();
  }

  private static void readAcks(Process child, Set<SubmissionId> acks, CountDownLatch ready) {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.equals("READY")) {
          ready.countDown();
        } else if (line.startsWith("ACK ") && line.length() == 4 + 36) {
          acks.add(SubmissionId.parse(line.substring(4)));
        }
      }
    } catch (Exception e) {
      // the pipe breaks when the child is killed; the acks read so far are what counts
    }
  }

  static void assertConsistent(FileStore store, Set<SubmissionId> acknowledged, String context) {
    for (SubmissionId id : acknowledged) {
      assertThat(store.find(id)).as("acknowledged %s, %s", id, context).isPresent();
    }
    List<Campaign> campaigns = store.listCampaigns();
    assertThat(campaigns).as(context).hasSizeLessThanOrEqualTo(1);
    if (campaigns.isEmpty()) {
      assertThat(acknowledged).as(context).isEmpty();
      return;
    }
    Campaign campaign = campaigns.get(0);
    SubmissionFilter all = SubmissionFilter.all(campaign.id());
    List<Submission> streamed;
    try (Stream<Submission> s = store.stream(all)) {
      streamed = s.toList();
    }
    assertThat(streamed).as(context).hasSize((int) store.count(all));
    Set<SubmissionId> ids = new HashSet<>();
    SubmissionId previous = null;
    for (Submission s : streamed) {
      assertThat(ids.add(s.id())).as("no duplicate, " + context).isTrue();
      if (previous != null) {
        assertThat(s.id()).as("ascending ids, " + context).isGreaterThan(previous);
      }
      previous = s.id();
      assertThat(store.findByIdempotencyKey(campaign.id(), s.idempotencyKey().orElseThrow()))
          .as("idempotency index, " + context)
          .contains(s);
      assertThat(store.find(s.id())).as(context).contains(s);
    }
    assertThat(ids).as(context).containsAll(acknowledged);
  }
}
