package dev.spirit.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spirit.campaign.Campaign;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.storage.tck.TckFixtures;
import dev.spirit.submission.Submission;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The log is written in whole aligned blocks (what direct I/O demands), so every commit rewrites
 * the partial block it starts in from a copy kept in memory. These tests check, with direct I/O on
 * and off, that no byte written before is ever changed by that: records of every length at every
 * offset, batches bigger than the write buffer, segment roll-overs, and a reopened segment whose
 * end is in the middle of a block.
 */
@DisplayName("Log writes in aligned blocks keep every byte written before")
class LogWritesTest {
  @TempDir Path dir;

  private Campaign campaign;
  private final List<Submission> stored = new ArrayList<>();

  private static FileStoreOptions.Builder options(Path dir, boolean directIo) {
    return FileStoreOptions.builder(dir).directIo(directIo);
  }

  /** A submission whose text length cycles through 1 to 997 characters. */
  private Submission next(int i) {
    char[] text = new char[1 + (i * 37) % 997];
    Arrays.fill(text, (char) ('a' + i % 26));
    return TckFixtures.submission(campaign.id(), "p" + (i % 11)).text(new String(text)).build();
  }

  private void insertOneByOne(FileStore store, int from, int count) {
    for (int i = from; i < from + count; i++) {
      Submission s = next(i);
      store.insert(s, Integer.MAX_VALUE);
      stored.add(s.withVersion(1));
    }
  }

  private void assertAllThere(FileStoreOptions options) {
    try (FileStore store = FileStore.open(options)) {
      assertThat(store.recoveryReport().clean()).as("nothing torn or cut off").isTrue();
      assertThat(store.count(SubmissionFilter.all(campaign.id()))).isEqualTo(stored.size());
      for (Submission s : stored) {
        assertThat(store.find(s.id())).contains(s);
      }
    }
  }

  @ParameterizedTest(name = "direct I/O {0}")
  @ValueSource(booleans = {true, false})
  @DisplayName(
      "single commits of every length, then one batch of several MiB (bigger than the write"
          + " buffer), then single commits again: all of them read back after a reopen")
  void commitsOfEveryLengthAndABigBatch(boolean directIo) {
    FileStoreOptions options = options(dir, directIo).build();
    try (FileStore store = FileStore.open(options)) {
      campaign = store.insertCampaign(TckFixtures.campaign());
      insertOneByOne(store, 0, 200);
      List<Submission> batch = new ArrayList<>();
      for (int i = 200; i < 6_200; i++) {
        batch.add(next(i));
      }
      store.insertAll(batch, Integer.MAX_VALUE);
      batch.forEach(s -> stored.add(s.withVersion(1)));
      insertOneByOne(store, 6_200, 200);
    }
    assertAllThere(options);
  }

  @ParameterizedTest(name = "direct I/O {0}")
  @ValueSource(booleans = {true, false})
  @DisplayName("commits across many segment roll-overs (4 KiB segments) all read back")
  void acrossSegmentRollOvers(boolean directIo) throws IOException {
    FileStoreOptions options = options(dir, directIo).segmentBytes(4096).build();
    try (FileStore store = FileStore.open(options)) {
      campaign = store.insertCampaign(TckFixtures.campaign());
      insertOneByOne(store, 0, 300);
    }
    assertThat(StoreFiles.segments(dir)).hasSizeGreaterThan(20);
    assertAllThere(options);
  }

  @ParameterizedTest(name = "direct I/O {0}")
  @ValueSource(booleans = {true, false})
  @DisplayName(
      "a segment reopened with its end in the middle of a block keeps its bytes when more is"
          + " appended; each reopen's commits add to it")
  void reopenedMidBlock(boolean directIo) throws IOException {
    FileStoreOptions options = options(dir, directIo).build();
    try (FileStore store = FileStore.open(options)) {
      campaign = store.insertCampaign(TckFixtures.campaign());
      insertOneByOne(store, 0, 5);
    }
    for (int round = 1; round <= 3; round++) {
      Path segment = StoreFiles.lastSegment(dir);
      byte[] before = Files.readAllBytes(segment);
      assertThat(before.length % 4096).as("closed mid-block").isNotZero();
      try (FileStore store = FileStore.open(options)) {
        insertOneByOne(store, round * 5, 5);
      }
      byte[] after = Files.readAllBytes(segment);
      assertThat(after.length).isGreaterThan(before.length);
      assertThat(Arrays.copyOf(after, before.length)).isEqualTo(before);
    }
    assertAllThere(options);
  }

  @Test
  @DisplayName(
      "where the file system accepts O_DIRECT, the log is written with it by default and not"
          + " with directIo(false)")
  void directIoWhereOffered() throws IOException {
    Path probe = dir.resolve("probe");
    boolean offered;
    try (FileChannel c =
        FileChannel.open(
            probe,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            com.sun.nio.file.ExtendedOpenOption.DIRECT)) {
      offered = c.isOpen();
    } catch (IOException | UnsupportedOperationException e) {
      offered = false;
    }
    assumeTrue(offered, "the file system of " + dir + " does not offer O_DIRECT");
    try (FileStore store = FileStore.open(dir.resolve("default"))) {
      assertThat(store.writesDirect()).isTrue();
    }
    try (FileStore store = FileStore.open(options(dir.resolve("off"), false).build())) {
      assertThat(store.writesDirect()).isFalse();
    }
  }
}
