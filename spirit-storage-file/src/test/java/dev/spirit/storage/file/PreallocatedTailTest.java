package dev.spirit.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.campaign.Campaign;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.storage.tck.TckFixtures;
import dev.spirit.submission.Submission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segments are preallocated with zeros in whole chunks while a store is open and trimmed when it
 * closes; a crash leaves the zeros. Recovery must tell them from a torn record and from damage.
 */
@DisplayName("Preallocated space at the end of a segment after a crash")
class PreallocatedTailTest {
  private static final int CHUNK = SegmentFile.PREALLOCATION_CHUNK;

  @TempDir Path dir;
  @TempDir Path copy;

  private Campaign campaign;
  private final List<Submission> stored = new ArrayList<>();

  private FileStore openWith(FileStoreOptions options, int n) {
    FileStore store = FileStore.open(options);
    campaign = store.insertCampaign(TckFixtures.campaign());
    for (int i = 0; i < n; i++) {
      Submission s = TckFixtures.submission(campaign.id(), "p" + (i % 7)).build();
      store.insert(s, 1000);
      stored.add(s.withVersion(1));
    }
    return store;
  }

  private void assertHolds(FileStore store) {
    for (Submission s : stored) {
      assertThat(store.find(s.id())).contains(s);
    }
    assertThat(store.count(SubmissionFilter.all(campaign.id()))).isEqualTo(stored.size());
  }

  /** The segment as a crash leaves it: forced records, then zeros up to a chunk boundary. */
  private static byte[] withPreallocatedTail(byte[] records) {
    int length = (records.length / CHUNK + 1) * CHUNK;
    return Arrays.copyOf(records, length);
  }

  @Test
  @DisplayName(
      "an open store's segment is preallocated to whole chunks; a copy of it as a crash leaves it"
          + " opens with every record, reports no torn write and is trimmed to its last record")
  void liveSegmentCopiedAsACrashLeavesIt() throws Exception {
    Path segment;
    long trimmed;
    try (FileStore store = openWith(FileStoreOptions.of(dir), 20)) {
      segment = StoreFiles.lastSegment(dir);
      assertThat(Files.size(segment) % CHUNK).as("preallocated while open").isZero();
      Files.copy(segment, copy.resolve(segment.getFileName()));
    }
    trimmed = Files.size(segment);
    assertThat(trimmed % CHUNK).as("trimmed by close").isNotZero();

    try (FileStore store = FileStore.open(copy)) {
      assertHolds(store);
      assertThat(store.recoveryReport().clean()).isTrue();
    }
    assertThat(Files.readAllBytes(copy.resolve(segment.getFileName())))
        .isEqualTo(Files.readAllBytes(segment));
  }

  @Test
  @DisplayName(
      "a record torn inside the preallocated space is cut off and reported with its own length,"
          + " not the zeros after it")
  void tornRecordInsidePreallocatedSpace() throws Exception {
    openWith(FileStoreOptions.of(dir), 10).close();
    Path segment = StoreFiles.lastSegment(dir);
    byte[] records = Files.readAllBytes(segment);
    List<Integer> starts = StoreFiles.frameStarts(records);
    int last = starts.get(starts.size() - 1);
    byte[] lastFrame = Arrays.copyOfRange(records, last, records.length);
    byte[] crashed = withPreallocatedTail(records);
    // A copy of the last record, torn after 60 bytes (inside its JSON, so its last byte is not 0).
    System.arraycopy(lastFrame, 0, crashed, records.length, 60);
    Files.write(segment, crashed);

    try (FileStore store = FileStore.open(dir)) {
      assertHolds(store);
      RecoveryReport.TornTail torn = store.recoveryReport().tornTail().orElseThrow();
      assertThat(torn.offset()).isEqualTo(records.length);
      assertThat(torn.bytesRemoved()).isEqualTo(60);
    }
    assertThat(Files.size(segment)).isEqualTo(records.length);
  }

  @Test
  @DisplayName(
      "a flipped bit in the middle of a preallocated segment is still refused, naming the file"
          + " and offset")
  void damageBeforePreallocatedSpace() throws Exception {
    openWith(FileStoreOptions.of(dir), 30).close();
    Path segment = StoreFiles.lastSegment(dir);
    byte[] records = Files.readAllBytes(segment);
    List<Integer> starts = StoreFiles.frameStarts(records);
    int victim = starts.get(starts.size() / 2);
    byte[] crashed = withPreallocatedTail(records);
    crashed[victim + 20] ^= 0x10;
    Files.write(segment, crashed);

    StoreFiles.assertOpenRefused(dir, segment, victim);
  }

  @Test
  @DisplayName(
      "an older segment that still has its preallocated zeros (a crash right after a roll) is"
          + " trimmed, not refused")
  void preallocatedOlderSegment() throws Exception {
    openWith(FileStoreOptions.builder(dir).segmentBytes(4096).build(), 60).close();
    List<Path> segments = StoreFiles.segments(dir);
    assertThat(segments).hasSizeGreaterThan(2);
    Path older = segments.get(1);
    byte[] records = Files.readAllBytes(older);
    Files.write(older, withPreallocatedTail(records));

    try (FileStore store = FileStore.open(dir)) {
      assertHolds(store);
      assertThat(store.recoveryReport().clean()).isTrue();
    }
    assertThat(Files.size(older)).isEqualTo(records.length);
  }

  @Test
  @DisplayName(
      "zeros that do not end on a chunk boundary were not preallocated by the store: still cut"
          + " off and reported as a torn write")
  void unalignedZerosAreReported() throws Exception {
    openWith(FileStoreOptions.of(dir), 10).close();
    Path segment = StoreFiles.lastSegment(dir);
    byte[] records = Files.readAllBytes(segment);
    Files.write(segment, Arrays.copyOf(records, (records.length / CHUNK + 1) * CHUNK - 1));

    try (FileStore store = FileStore.open(dir)) {
      assertHolds(store);
      RecoveryReport.TornTail torn = store.recoveryReport().tornTail().orElseThrow();
      assertThat(torn.offset()).isEqualTo(records.length);
      assertThat(torn.bytesRemoved()).isEqualTo(CHUNK - 1L - records.length % CHUNK);
    }
  }
}
