package dev.spirit.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spirit.campaign.Campaign;
import dev.spirit.error.StorageException;
import dev.spirit.storage.tck.TckFixtures;
import dev.spirit.submission.Submission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Unusable directories fail the open with a StorageException naming the directory")
class DirectoryErrorsTest {
  @TempDir Path root;

  @Test
  @DisplayName("a missing directory is created by default, with its parents")
  void missingIsCreated() {
    Path dir = root.resolve("a/b/store");
    try (FileStore store = FileStore.open(dir)) {
      assertThat(store.listCampaigns()).isEmpty();
    }
    assertThat(Files.isDirectory(dir)).isTrue();
  }

  @Test
  @DisplayName("a missing directory with createIfMissing off is refused, naming it")
  void missingNotCreated() {
    Path dir = root.resolve("nowhere");
    assertThatThrownBy(
            () -> FileStore.open(FileStoreOptions.builder(dir).createIfMissing(false).build()))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("does not exist");
    assertThat(Files.exists(dir)).isFalse();
  }

  @Test
  @DisplayName("a path that is a file is refused, naming it")
  void pathIsAFile() throws Exception {
    Path file = Files.writeString(root.resolve("plain.txt"), "x");
    assertThatThrownBy(() -> FileStore.open(file))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not a directory");
  }

  @Test
  @DisplayName(
      "a log segment that cannot be read (a directory in its place; works even as root) fails the"
          + " open naming it, releases the store, and the repaired store opens with its data")
  void unreadableSegment() throws Exception {
    Path dir = root.resolve("store");
    Submission stored;
    try (FileStore store = FileStore.open(dir)) {
      Campaign campaign = store.insertCampaign(TckFixtures.campaign());
      stored = TckFixtures.submission(campaign.id(), "p1").build().withVersion(1);
      store.insert(stored, 10);
    }
    Path blocker = dir.resolve(SegmentFile.segmentName(2));
    Files.createDirectory(blocker);
    assertThatThrownBy(() -> FileStore.open(dir))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("cannot open the file store directory " + dir)
        .hasMessageContaining(blocker.toString());
    Files.delete(blocker);
    try (FileStore store = FileStore.open(dir)) {
      assertThat(store.find(stored.id())).contains(stored);
    }
  }

  @Test
  @DisplayName(
      "a directory that cannot be created (a file stands in the way; works even as root) is"
          + " refused, naming it")
  void cannotCreate() throws Exception {
    Files.writeString(root.resolve("blocker"), "x");
    Path dir = root.resolve("blocker/store");
    assertThatThrownBy(() -> FileStore.open(dir))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("cannot create the file store directory " + dir);
  }

  @Test
  @DisplayName("a read-only directory is refused with a clear message, and its data survives")
  void readOnlyDirectory() throws Exception {
    Path dir = root.resolve("ro");
    try (FileStore store = FileStore.open(dir)) {
      ChildProcess.campaignOf(store);
    }
    Runnable restore = makeReadOnly(dir);
    try {
      assertThatThrownBy(() -> FileStore.open(dir))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("cannot lock the file store directory " + dir)
          .hasMessageContaining("must be a writable directory");
    } finally {
      restore.run();
    }
    try (FileStore store = FileStore.open(dir)) {
      assertThat(store.listCampaigns()).hasSize(1);
    }
  }

  /**
   * Makes a directory and its files unwritable: with permission bits, or, as root (who ignores
   * them), with the immutable attribute; skips the test loudly if neither works.
   */
  private static Runnable makeReadOnly(Path dir) throws Exception {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
    Path lock = dir.resolve(DirectoryLock.FILE_NAME);
    Files.setPosixFilePermissions(lock, PosixFilePermissions.fromString("r--r--r--"));
    Runnable chmodBack =
        () -> {
          try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(lock, PosixFilePermissions.fromString("rw-r--r--"));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        };
    if (!canWrite(dir)) {
      return chmodBack;
    }
    // Root: permission bits mean nothing; the immutable attribute stops root too.
    chmodBack.run();
    boolean immutable = Immutable.set(dir, true) && !canWrite(dir);
    if (!immutable) {
      Immutable.set(dir, false);
    }
    assumeTrue(
        immutable,
        "SKIPPED: running as root (permission bits ignored) and chattr +i is not available here,"
            + " so a read-only directory cannot be simulated; cannotCreate covers the error path");
    return () -> Immutable.set(dir, false);
  }

  private static boolean canWrite(Path dir) {
    try {
      Files.delete(Files.createFile(dir.resolve("probe")));
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
