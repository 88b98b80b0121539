package dev.spirit.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.campaign.Campaign;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.storage.tck.TckFixtures;
import dev.spirit.submission.Submission;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers flush the log themselves (and force it through a {@code FileChannel}, which an interrupt
 * closes), so an application that interrupts its threads must not be able to stop the store.
 */
@DisplayName("Interrupting writer threads never stops the store or loses a write")
class InterruptTest {
  private static final int WRITERS = 4;
  private static final int PER_WRITER = 150;

  @TempDir Path dir;

  @Test
  @DisplayName(
      "writers interrupted again and again while they insert all succeed, keep their interrupt"
          + " flag, and every insert is there after a reopen")
  void interruptedWriters() throws Exception {
    Map<String, Submission> written = new ConcurrentHashMap<>();
    AtomicInteger interruptedOnReturn = new AtomicInteger();
    List<Throwable> failures = new ArrayList<>();
    Campaign campaign;
    try (FileStore store = FileStore.open(dir)) {
      campaign = store.insertCampaign(TckFixtures.campaign());
      List<Thread> writers = new ArrayList<>();
      for (int t = 0; t < WRITERS; t++) {
        String participant = "p" + t;
        Thread writer =
            new Thread(
                () -> {
                  try {
                    for (int i = 0; i < PER_WRITER; i++) {
                      Submission s = TckFixtures.submission(campaign.id(), participant).build();
                      store.insert(s, Integer.MAX_VALUE);
                      written.put(s.id().toString(), s.withVersion(1));
                      if (Thread.interrupted()) {
                        interruptedOnReturn.incrementAndGet();
                      }
                    }
                  } catch (RuntimeException | Error e) {
                    synchronized (failures) {
                      failures.add(e);
                    }
                  }
                });
        writers.add(writer);
      }
      AtomicBoolean done = new AtomicBoolean();
      Thread interrupter =
          new Thread(
              () -> {
                while (!done.get()) {
                  for (Thread w : writers) {
                    w.interrupt();
                  }
                  try {
                    TimeUnit.MICROSECONDS.sleep(200);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      writers.forEach(Thread::start);
      interrupter.start();
      for (Thread w : writers) {
        w.join();
      }
      done.set(true);
      interrupter.join();

      assertThat(failures).as("no insert failed").isEmpty();
      assertThat(interruptedOnReturn.get())
          .as("the interrupts reached the writers and their flag was kept")
          .isPositive();
      assertThat(store.count(SubmissionFilter.all(campaign.id())))
          .isEqualTo((long) WRITERS * PER_WRITER);
    }
    try (FileStore reopened = FileStore.open(dir)) {
      for (Submission s : written.values()) {
        assertThat(reopened.find(s.id())).contains(s);
      }
      assertThat(reopened.count(SubmissionFilter.all(campaign.id())))
          .isEqualTo((long) WRITERS * PER_WRITER);
    }
  }
}
