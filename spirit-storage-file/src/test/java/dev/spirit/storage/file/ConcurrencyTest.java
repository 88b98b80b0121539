package dev.spirit.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.campaign.Campaign;
import dev.spirit.participant.ParticipantId;
import dev.spirit.storage.InsertOutcome;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.storage.tck.TckFixtures;
import dev.spirit.submission.Submission;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Concurrent writers share fsyncs and keep the atomic checks, also across a reopen")
class ConcurrencyTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "waiting writers yield first: {0}")
  @ValueSource(booleans = {true, false})
  @DisplayName(
      "16 threads inserting for one participant with a limit of 100 store exactly 100, and a"
          + " reopen finds exactly those")
  void limitHoldsUnderConcurrency(boolean yieldWhileWaiting) throws Exception {
    List<Submission> inserted = new ArrayList<>();
    Campaign campaign;
    FileStoreOptions options =
        FileStoreOptions.builder(dir).yieldWhileWaiting(yieldWhileWaiting).build();
    try (FileStore store = FileStore.open(options)) {
      assertThat(store.yieldsWhileWaiting()).isEqualTo(yieldWhileWaiting);
      campaign = store.insertCampaign(TckFixtures.campaign());
      ExecutorService pool = Executors.newFixedThreadPool(16);
      List<Callable<List<Submission>>> tasks = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        tasks.add(
            () -> {
              List<Submission> mine = new ArrayList<>();
              for (int i = 0; i < 20; i++) {
                InsertOutcome outcome =
                    store.insert(TckFixtures.submission(campaign.id(), "busy").build(), 100);
                if (outcome instanceof InsertOutcome.Inserted in) {
                  mine.add(in.stored());
                }
              }
              return mine;
            });
      }
      for (Future<List<Submission>> f : pool.invokeAll(tasks)) {
        inserted.addAll(f.get());
      }
      pool.shutdown();
      assertThat(inserted).hasSize(100);
    }
    try (FileStore store = FileStore.open(dir)) {
      SubmissionFilter theirs =
          SubmissionFilter.builder(campaign.id()).participant(ParticipantId.of("busy")).build();
      assertThat(store.count(theirs)).isEqualTo(100);
      for (Submission s : inserted) {
        assertThat(store.find(s.id())).contains(s);
      }
    }
  }

  @Test
  @DisplayName(
      "readers running alongside writers only ever see whole, acknowledged-or-pending states")
  void readersAlongsideWriters() throws Exception {
    try (FileStore store = FileStore.open(dir)) {
      Campaign campaign = store.insertCampaign(TckFixtures.campaign());
      SubmissionFilter all = SubmissionFilter.all(campaign.id());
      ExecutorService pool = Executors.newFixedThreadPool(6);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int n = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 50; i++) {
                    store.insert(TckFixtures.submission(campaign.id(), "w" + n).build(), 1000);
                  }
                }));
      }
      for (int r = 0; r < 2; r++) {
        futures.add(
            pool.submit(
                () -> {
                  long last = 0;
                  for (int i = 0; i < 100; i++) {
                    long now = store.count(all);
                    assertThat(now).isGreaterThanOrEqualTo(last);
                    last = now;
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      pool.shutdown();
      assertThat(store.count(all)).isEqualTo(200);
    }
  }
}
