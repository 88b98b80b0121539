package dev.spirit.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.campaign.Campaign;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.storage.tck.TckFixtures;
import dev.spirit.submission.Submission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Torn and corrupt files: a torn tail is cut off and reported, other damage refused")
class TornAndCorruptFilesTest {
  @TempDir Path dir;

  private Campaign campaign;
  private final List<Submission> stored = new ArrayList<>();

  private void writeSubmissions(FileStoreOptions options, int n) {
    try (FileStore store = FileStore.open(options)) {
      campaign =
          store.listCampaigns().isEmpty()
              ? store.insertCampaign(TckFixtures.campaign())
              : store.listCampaigns().get(0);
      for (int i = 0; i < n; i++) {
        Submission s = TckFixtures.submission(campaign.id(), "p" + (i % 7)).build();
        store.insert(s, 1000);
        stored.add(s.withVersion(1));
      }
    }
  }

  private void assertHolds(FileStore store, List<Submission> expected) {
    for (Submission s : expected) {
      assertThat(store.find(s.id())).contains(s);
    }
    assertThat(store.count(SubmissionFilter.all(campaign.id()))).isEqualTo(expected.size());
  }

  @Test
  @DisplayName(
      "cutting the newest segment at every byte offset of its last record keeps every earlier"
          + " record, reports the cut, and the store goes on working")
  void truncateAtEveryOffsetOfTheLastRecord() throws Exception {
    writeSubmissions(FileStoreOptions.of(dir), 5);
    Path segment = StoreFiles.lastSegment(dir);
    int before = (int) Files.size(segment);
    List<Submission> earlier = List.copyOf(stored);
    writeSubmissions(FileStoreOptions.of(dir), 1);
    byte[] whole = Files.readAllBytes(segment);
    assertThat(whole.length).isGreaterThan(before + Frames.OVERHEAD);

    for (int cut = before; cut < whole.length; cut++) {
      Files.write(segment, Arrays.copyOf(whole, cut));
      try (FileStore store = FileStore.open(dir)) {
        assertHolds(store, earlier);
        if (cut == before) {
          assertThat(store.recoveryReport().clean()).isTrue();
        } else {
          RecoveryReport.TornTail torn = store.recoveryReport().tornTail().orElseThrow();
          assertThat(torn.offset()).as("cut at %d", cut).isEqualTo(before);
          assertThat(torn.bytesRemoved()).isEqualTo(cut - before);
          assertThat(torn.file()).isEqualTo(segment.toString());
        }
        assertThat(Files.size(segment)).isEqualTo(before);
      }
    }
    // After the last cut the store accepts and keeps new writes.
    List<Submission> expected = new ArrayList<>(earlier);
    stored.clear();
    writeSubmissions(FileStoreOptions.of(dir), 2);
    expected.addAll(stored);
    try (FileStore store = FileStore.open(dir)) {
      assertThat(store.recoveryReport().clean()).isTrue();
      assertHolds(store, expected);
    }
  }

  @ParameterizedTest(name = "{0} garbage bytes")
  @ValueSource(ints = {1, 9, 10, 100, 5000})
  @DisplayName("garbage appended to the newest segment is cut off and every record kept")
  void appendedGarbage(int bytes) throws Exception {
    writeSubmissions(FileStoreOptions.of(dir), 20);
    Path segment = StoreFiles.lastSegment(dir);
    long size = Files.size(segment);
    byte[] garbage = new byte[bytes];
    new Random(bytes).nextBytes(garbage);
    for (int i = 0; i < bytes; i += 37) {
      garbage[i] = '\n';
    }
    Files.write(segment, garbage, java.nio.file.StandardOpenOption.APPEND);
    try (FileStore store = FileStore.open(dir)) {
      assertHolds(store, stored);
      assertThat(store.recoveryReport().tornTail().orElseThrow().offset()).isEqualTo(size);
    }
  }

  @Test
  @DisplayName("a zero-filled tail (space allocated, data never written) is cut off")
  void zeroFilledTail() throws Exception {
    writeSubmissions(FileStoreOptions.of(dir), 10);
    Path segment = StoreFiles.lastSegment(dir);
    long size = Files.size(segment);
    Files.write(segment, new byte[4096], java.nio.file.StandardOpenOption.APPEND);
    try (FileStore store = FileStore.open(dir)) {
      assertHolds(store, stored);
      assertThat(store.recoveryReport().tornTail().orElseThrow().bytesRemoved()).isEqualTo(4096);
    }
    assertThat(Files.size(segment)).isEqualTo(size);
  }

  @ParameterizedTest(name = "byte {0} of the frame")
  @ValueSource(ints = {0, 2, 5, 8, 20})
  @DisplayName(
      "a flipped bit in a record in the middle of the newest segment (length, checksum, type or"
          + " JSON) is refused, naming the file and the record's offset, and the file is left"
          + " unchanged")
  void bitFlipInTheMiddle(int byteInFrame) throws Exception {
    writeSubmissions(FileStoreOptions.of(dir), 40);
    Path segment = StoreFiles.lastSegment(dir);
    byte[] content = Files.readAllBytes(segment);
    List<Integer> starts = StoreFiles.frameStarts(content);
    int victim = starts.get(starts.size() / 2);
    content[victim + byteInFrame] ^= 0x10;
    Files.write(segment, content);

    StoreFiles.assertOpenRefused(dir, segment, victim);
    assertThat(Files.readAllBytes(segment)).isEqualTo(content);
    // The lock was released: a repaired directory opens again.
    content[victim + byteInFrame] ^= 0x10;
    Files.write(segment, content);
    try (FileStore store = FileStore.open(dir)) {
      assertHolds(store, stored);
    }
  }

  @Test
  @DisplayName("damage in an older, complete segment is refused even at its end")
  void damageInAnOlderSegment() throws Exception {
    writeSubmissions(FileStoreOptions.builder(dir).segmentBytes(4096).build(), 120);
    List<Path> segments = StoreFiles.segments(dir);
    assertThat(segments).hasSizeGreaterThan(2);
    Path older = segments.get(1);
    byte[] content = Files.readAllBytes(older);
    List<Integer> starts = StoreFiles.frameStarts(content);
    int last = starts.get(starts.size() - 1);
    content[content.length - 3] ^= 0x01;
    Files.write(older, content);
    StoreFiles.assertOpenRefused(dir, older, last);
  }

  @Test
  @DisplayName("a damaged snapshot is refused, naming it")
  void damagedSnapshot() throws Exception {
    writeSubmissions(FileStoreOptions.of(dir), 30);
    try (FileStore store = FileStore.open(dir)) {
      store.compact();
    }
    Path snapshot;
    try (var files = Files.list(dir)) {
      snapshot =
          files.filter(f -> f.getFileName().toString().endsWith(".snap")).findFirst().orElseThrow();
    }
    byte[] content = Files.readAllBytes(snapshot);
    content[content.length / 2] ^= 0x04;
    Files.write(snapshot, content);
    assertThatThrownBy(() -> FileStore.open(dir))
        .isInstanceOf(CorruptStoreException.class)
        .hasMessageContaining(snapshot.toString());
  }

  @Test
  @DisplayName("a snapshot cut short (which an atomic rename never leaves) is refused")
  void truncatedSnapshot() throws Exception {
    writeSubmissions(FileStoreOptions.of(dir), 30);
    try (FileStore store = FileStore.open(dir)) {
      store.compact();
    }
    Path snapshot;
    try (var files = Files.list(dir)) {
      snapshot =
          files.filter(f -> f.getFileName().toString().endsWith(".snap")).findFirst().orElseThrow();
    }
    byte[] content = Files.readAllBytes(snapshot);
    List<Integer> starts = StoreFiles.frameStarts(content, Snapshots.HEADER.length);
    Files.write(snapshot, Arrays.copyOf(content, starts.get(starts.size() - 1)));
    assertThatThrownBy(() -> FileStore.open(dir))
        .isInstanceOf(CorruptStoreException.class)
        .hasMessageContaining("incomplete");
  }

  @Test
  @DisplayName("a missing segment in the middle of the log is refused")
  void missingSegment() throws Exception {
    writeSubmissions(FileStoreOptions.builder(dir).segmentBytes(4096).build(), 120);
    List<Path> segments = StoreFiles.segments(dir);
    Files.delete(segments.get(1));
    assertThatThrownBy(() -> FileStore.open(dir))
        .isInstanceOf(CorruptStoreException.class)
        .hasMessageContaining("missing");
  }
}
