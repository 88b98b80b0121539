package dev.spirit.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spirit.campaign.Campaign;
import dev.spirit.error.StorageException;
import dev.spirit.storage.InsertOutcome;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.storage.tck.TckFixtures;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A store on a really full disk: a small file system ({@code tmpfs}) named by the environment
 * variable {@code SPIRIT_TEST_SMALL_FS}, which {@code scripts/with-small-fs.sh} (and so {@code
 * .ci/run}) mounts; without it the test is skipped, loudly. Writes there fail with ENOSPC for real.
 */
@DisplayName("A full disk stops the store with StoreFullException; nothing acknowledged is lost")
class DiskFullTest {
  static final String ENV = "SPIRIT_TEST_SMALL_FS";
  private static final int WRITERS = 4;
  private static final int FILLER_BYTES = 1280 << 10;

  private Path root;

  @BeforeEach
  void smallFileSystem() throws IOException {
    String fs = System.getenv(ENV);
    if (fs == null || fs.isBlank()) {
      System.err.println(
          "\n*** DiskFullTest SKIPPED: "
              + ENV
              + " is not set. Run through scripts/with-small-fs.sh (as root) or .ci/run to test"
              + " a really full disk. ***\n");
    }
    assumeTrue(fs != null && !fs.isBlank(), ENV + " is not set: no small file system to fill");
    root = Files.createTempDirectory(Path.of(fs), "disk-full");
  }

  @AfterEach
  void cleanUp() throws IOException {
    if (root != null) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  @Test
  @DisplayName(
      "concurrent writers filling the disk all get StoreFullException, later calls fail too; on"
          + " the still-full disk the store reopens and reads; after freeing space every"
          + " acknowledged submission is there, nothing else, and writing works again")
  void fillTheDisk() throws Exception {
    Path filler = root.resolve("filler");
    Files.write(filler, new byte[FILLER_BYTES]);
    Path dir = root.resolve("store");
    Map<SubmissionId, Submission> acknowledged = new ConcurrentHashMap<>();
    List<Throwable> failures = new ArrayList<>();
    Campaign campaign;
    FileStore store = FileStore.open(dir);
    try {
      campaign = store.insertCampaign(TckFixtures.campaign());
      List<Thread> writers = new ArrayList<>();
      for (int t = 0; t < WRITERS; t++) {
        String participant = "p" + t;
        Thread writer =
            new Thread(
                () -> {
                  // 2 MiB hold a few thousand; the bound only stops a test that cannot fill it.
                  for (int i = 0; i < 100_000; i++) {
                    Submission s = TckFixtures.submission(campaign.id(), participant).build();
                    try {
                      InsertOutcome outcome = store.insert(s, Integer.MAX_VALUE);
                      assertThat(outcome).isInstanceOf(InsertOutcome.Inserted.class);
                      acknowledged.put(s.id(), s.withVersion(1));
                    } catch (StorageException e) {
                      synchronized (failures) {
                        failures.add(e);
                      }
                      return;
                    }
                  }
                });
        writer.start();
        writers.add(writer);
      }
      for (Thread writer : writers) {
        writer.join();
      }

      assertThat(failures).as("every writer ran into the full disk").hasSize(WRITERS);
      assertThat(failures)
          .allSatisfy(
              e ->
                  assertThat(e)
                      .isInstanceOf(StoreFullException.class)
                      .hasMessageContaining(dir.toString())
                      .hasMessageContaining("No space left on device")
                      .hasMessageContaining("free space and reopen"));
      assertThat(acknowledged).as("writes succeeded before the disk filled up").isNotEmpty();
      SubmissionId some = acknowledged.keySet().iterator().next();
      assertThatThrownBy(() -> store.find(some))
          .as("the store stopped: reads fail too")
          .isInstanceOf(StoreFullException.class);
      assertThatThrownBy(
              () -> store.insert(TckFixtures.submission(campaign.id(), "late").build(), 10))
          .isInstanceOf(StoreFullException.class);
    } finally {
      try {
        store.close();
      } catch (StoreFullException expected) {
        // close reports the earlier failure; the directory lock is released all the same
      }
    }

    // Still full: the store opens and reads everything, and a write fails cleanly again.
    try (FileStore full = FileStore.open(dir)) {
      assertThat(full.recoveryReport().tornTail()).isEmpty();
      assertThat(full.count(SubmissionFilter.all(campaign.id()))).isEqualTo(acknowledged.size());
      assertThatThrownBy(
              () -> full.insert(TckFixtures.submission(campaign.id(), "late").build(), 10))
          .isInstanceOf(StoreFullException.class);
    } catch (StoreFullException expected) {
      // thrown again by close
    }

    Files.delete(filler);
    try (FileStore reopened = FileStore.open(dir)) {
      assertThat(reopened.recoveryReport().tornTail())
          .as("space is reserved before a batch is written, so no batch is half on disk")
          .isEmpty();
      for (Submission s : acknowledged.values()) {
        assertThat(reopened.find(s.id())).contains(s);
      }
      // Space is reserved before a batch is written, so the batch that hit the full disk wrote
      // nothing: exactly the acknowledged submissions are there.
      assertThat(reopened.count(SubmissionFilter.all(campaign.id())))
          .isEqualTo(acknowledged.size());
      Submission after = TckFixtures.submission(campaign.id(), "after").build();
      reopened.insert(after, 10);
      assertThat(reopened.find(after.id())).contains(after.withVersion(1));
    }
  }
}
