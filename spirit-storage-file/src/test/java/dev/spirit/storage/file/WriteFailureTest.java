package dev.spirit.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spirit.campaign.Campaign;
import dev.spirit.error.StorageException;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.storage.tck.TckFixtures;
import dev.spirit.submission.Submission;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a failing disk (full, read-only remount, I/O error) does to an open store. The failure is
 * produced for real: the segment file is made immutable ({@code chattr +i}) while the store has it
 * open, so the next write(2) fails with EPERM, as it would with ENOSPC or EIO.
 */
@DisplayName(
    "A failed write stops the store: nothing unacknowledged is shown, nothing acknowledged is lost")
class WriteFailureTest {
  @TempDir Path dir;

  @Test
  @DisplayName(
      "when a write fails, that insert throws, every later call throws, and a reopen has every"
          + " acknowledged record and not the failed one")
  void failStop() throws Exception {
    Submission acknowledged;
    Submission failed;
    Campaign campaign;
    FileStore store = FileStore.open(dir);
    Path segment = StoreFiles.lastSegment(dir);
    try {
      campaign = store.insertCampaign(TckFixtures.campaign());
      acknowledged = TckFixtures.submission(campaign.id(), "p").build();
      store.insert(acknowledged, 10);

      assumeTrue(
          Immutable.set(segment, true),
          "SKIPPED: chattr +i is not available (needs root on a file system with attributes), so"
              + " a failing disk cannot be simulated here");
      failed = TckFixtures.submission(campaign.id(), "p").build();
      Submission failedInsert = failed;
      assertThatThrownBy(() -> store.insert(failedInsert, 10))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("refuses further reads and writes");
      assertThatThrownBy(() -> store.find(failedInsert.id()))
          .as("the store stopped: the failed record is never shown")
          .isInstanceOf(StorageException.class);
      assertThatThrownBy(() -> store.find(acknowledged.id())).isInstanceOf(StorageException.class);
    } finally {
      Immutable.set(segment, false);
      try {
        store.close();
      } catch (StorageException expected) {
        // close reports the earlier failure; the lock is released all the same
      }
    }
    try (FileStore reopened = FileStore.open(dir)) {
      assertThat(reopened.find(acknowledged.id())).contains(acknowledged.withVersion(1));
      assertThat(reopened.find(failed.id())).isEmpty();
      assertThat(reopened.count(SubmissionFilter.all(campaign.id()))).isEqualTo(1);
      reopened.insert(TckFixtures.submission(campaign.id(), "p").build(), 10);
    }
  }
}
