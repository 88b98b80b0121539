package dev.spirit.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.campaign.Campaign;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.storage.tck.ErasureProbe;
import dev.spirit.storage.tck.TckFixtures;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.Submission;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Erasure and purges read at the level of the bytes on disk: once the call returns, no file of the
 * store directory (segments, snapshots, temporary files) holds any marker of the erased data; a
 * process killed with {@code kill -9} in the middle of an erasure completes it when the store is
 * opened again.
 */
@DisplayName("File store erasure: the bytes are gone from every file once erase returns")
class ErasureTest {
  @TempDir Path dir;

  /** Small segments and a snapshot, so the data is spread over several segments and a snapshot. */
  private ErasureProbe plantSpread(FileStore store) {
    ErasureProbe probe = ErasureProbe.plant(store, 40);
    store.compact();
    // more writes after the snapshot, so the data is in the snapshot and in later segments
    Campaign campaign = probe.campaigns().get(0);
    for (int i = 0; i < 20; i++) {
      store.insert(TckFixtures.submission(campaign.id(), "late-" + i).build(), 10);
    }
    return probe;
  }

  private static FileStoreOptions options(Path dir, Durability durability) {
    return FileStoreOptions.builder(dir).segmentBytes(4096).durability(durability).build();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Durability.class)
  @DisplayName(
      "after eraseParticipant returns no file holds their text, masked text, id, keys, reaction"
          + " reasons or appeal; others' data and the scrubbed audit entry stay")
  void eraseParticipantLeavesNoBytes(Durability durability) throws IOException {
    ErasureProbe probe;
    try (FileStore store = FileStore.open(options(dir, durability))) {
      probe = plantSpread(store);
      assertThat(markersOnDisk(probe)).as("planted data is on disk first").hasSize(10);
      assertThat(StoreFiles.segments(dir)).isNotEmpty();
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files).anyMatch(f -> f.getFileName().toString().endsWith(".snap"));
      }

      assertThat(store.eraseParticipant(probe.participant())).isEqualTo(2);

      assertThat(markersOnDisk(probe)).isEmpty();
      assertOthersIntact(store, probe);
    }
    try (FileStore store = FileStore.open(dir)) {
      assertThat(markersOnDisk(probe)).isEmpty();
      assertOthersIntact(store, probe);
    }
  }

  @Test
  @DisplayName("after eraseSubmissions returns no file holds any of the purged campaigns' data")
  void purgeLeavesNoBytes() throws IOException {
    ErasureProbe probe;
    try (FileStore store = FileStore.open(options(dir, Durability.SYNC))) {
      probe = plantSpread(store);
      assertThat(markersOnDisk(probe)).hasSize(10);
      for (Campaign c : probe.campaigns()) {
        assertThat(store.eraseSubmissions(c.id())).isPositive();
      }
      assertThat(markersOnDisk(probe)).isEmpty();
      for (Campaign c : probe.campaigns()) {
        assertThat(store.findCampaign(c.id())).isPresent();
        assertThat(store.count(SubmissionFilter.all(c.id()))).isZero();
      }
    }
    try (FileStore store = FileStore.open(dir)) {
      assertThat(markersOnDisk(probe)).isEmpty();
      assertThat(store.listCampaigns()).hasSize(2);
    }
  }

  @ParameterizedTest(name = "killed {0}")
  @ValueSource(strings = {FileStore.CRASH_AFTER_ERASURE_RECORD, FileStore.CRASH_AFTER_SNAPSHOT})
  @DisplayName(
      "a process killed with kill -9 in the middle of an erasure leaves a consistent store, and"
          + " opening it completes the erasure")
  void killedMidErasure(String point) throws Exception {
    ErasureProbe probe;
    try (FileStore store = FileStore.open(options(dir, Durability.SYNC))) {
      probe = plantSpread(store);
    }
    Process child = Children.start("erase", dir, probe.participant().value(), point);
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("AT " + point);
      child.destroyForcibly(); // SIGKILL, while the child waits at that point
      assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(markersOnDisk(probe))
        .as("the kill came before the old files were deleted: the data is still on disk")
        .isNotEmpty();

    try (FileStore store = FileStore.open(dir)) {
      assertThat(markersOnDisk(probe)).as("opening completed the erasure").isEmpty();
      assertOthersIntact(store, probe);
      for (Campaign c : probe.campaigns()) {
        try (Stream<Submission> all = store.stream(SubmissionFilter.all(c.id()))) {
          assertThat(all).noneMatch(s -> s.participant().id().equals(probe.participant()));
        }
      }
      assertThat(store.eraseParticipant(probe.participant())).isZero();
    }
    try (FileStore store = FileStore.open(dir)) {
      assertThat(store.recoveryReport().clean()).isTrue();
      assertOthersIntact(store, probe);
    }
  }

  /** Labels of the markers found in any file of the directory, with the file they are in. */
  private Map<String, List<String>> markersOnDisk(ErasureProbe probe) throws IOException {
    Map<String, List<String>> found = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        for (String label : probe.foundIn(Files.readAllBytes(f))) {
          found.computeIfAbsent(label, l -> new ArrayList<>()).add(f.getFileName().toString());
        }
      }
    }
    return found;
  }

  private static void assertOthersIntact(FileStore store, ErasureProbe probe) {
    for (Submission s : probe.kept()) {
      assertThat(store.find(s.id())).contains(s);
    }
    try (Stream<AuditEntry> audit = store.streamAudit(probe.campaigns().get(0).id())) {
      assertThat(audit)
          .singleElement()
          .satisfies(a -> assertThat(a.reason()).isEqualTo(AuditEntry.REASON_ERASED));
    }
  }
}
