package dev.spirit.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.campaign.Campaign;
import dev.spirit.participant.ParticipantId;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.storage.tck.TckFixtures;
import dev.spirit.submission.Reaction;
import dev.spirit.submission.ReactionType;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Compaction: a snapshot replaces old segments; erased data leaves the disk")
class CompactionTest {
  @TempDir Path dir;

  private static final String SECRET_TEXT = "我的电话是13800138000";
  private static final String SECRET_ID = "erase-me-4711";

  @Test
  @DisplayName(
      "an erased participant's text and id are in no file once eraseParticipant returns, nor after"
          + " compact() and reopening")
  void erasedDataPhysicallyRemoved() throws Exception {
    byte[] text = SECRET_TEXT.getBytes(StandardCharsets.UTF_8);
    byte[] id = SECRET_ID.getBytes(StandardCharsets.UTF_8);
    Submission keep;
    try (FileStore store =
        FileStore.open(FileStoreOptions.builder(dir).segmentBytes(4096).build())) {
      Campaign campaign = store.insertCampaign(TckFixtures.campaign());
      for (int i = 0; i < 30; i++) {
        store.insert(TckFixtures.submission(campaign.id(), "other-" + i).build(), 10);
      }
      Submission secret =
          TckFixtures.submission(campaign.id(), SECRET_ID).text(SECRET_TEXT).build();
      store.insert(secret, 10);
      keep = TckFixtures.submission(campaign.id(), "keeper").build();
      store.insert(keep, 10);
      store.addReaction(
          new Reaction(
              keep.id(),
              campaign.id(),
              ParticipantId.of(SECRET_ID),
              ReactionType.ENDORSE,
              Optional.empty(),
              TckFixtures.T0));
      store.update(store.find(secret.id()).orElseThrow().withStatus(SubmissionStatus.APPROVED));

      assertThat(store.eraseParticipant(ParticipantId.of(SECRET_ID))).isEqualTo(1);
      assertThat(store.find(secret.id())).isEmpty();
      assertThat(StoreFiles.anyFileContains(dir, text))
          .as("erasure rewrote the files before returning")
          .isFalse();
      assertThat(StoreFiles.anyFileContains(dir, id)).isFalse();

      store.compact();

      assertThat(StoreFiles.anyFileContains(dir, text)).isFalse();
      assertThat(StoreFiles.anyFileContains(dir, id)).isFalse();
      assertThat(store.countReactions(keep.id(), ReactionType.ENDORSE)).isZero();
    }
    assertThat(StoreFiles.anyFileContains(dir, text)).isFalse();
    try (FileStore store = FileStore.open(dir)) {
      assertThat(store.recoveryReport().snapshot()).isPresent();
      assertThat(store.find(keep.id())).contains(keep.withVersion(1));
      assertThat(store.count(SubmissionFilter.all(keep.campaignId()))).isEqualTo(31);
    }
  }

  @Test
  @DisplayName(
      "after compaction only the snapshot and the new segment remain, and reopening replays the"
          + " snapshot plus later writes")
  void snapshotPlusTail() throws Exception {
    Campaign campaign;
    Submission later;
    try (FileStore store =
        FileStore.open(FileStoreOptions.builder(dir).segmentBytes(4096).build())) {
      campaign = store.insertCampaign(TckFixtures.campaign());
      for (int i = 0; i < 100; i++) {
        store.insert(TckFixtures.submission(campaign.id(), "p" + i).build(), 10);
      }
      assertThat(StoreFiles.segments(dir)).hasSizeGreaterThan(3);
      store.compact();
      assertThat(StoreFiles.segments(dir)).hasSize(1);
      later = TckFixtures.submission(campaign.id(), "later").build();
      store.insert(later, 10);
      store.updateCampaign(store.findCampaign(campaign.id()).orElseThrow());
      store.compact();
    }
    try (var files = Files.list(dir)) {
      // the moderation state keeps its own journal and key beside the segments
      assertThat(
              files
                  .map(f -> f.getFileName().toString())
                  .filter(n -> !n.startsWith("moderation-state."))
                  .sorted())
          .hasSize(3)
          .anyMatch(n -> n.endsWith(".snap"))
          .anyMatch(n -> n.endsWith(".log"))
          .contains(DirectoryLock.FILE_NAME);
    }
    try (FileStore store = FileStore.open(dir)) {
      assertThat(store.count(SubmissionFilter.all(campaign.id()))).isEqualTo(101);
      assertThat(store.find(later.id())).isPresent();
      assertThat(store.findCampaign(campaign.id()).orElseThrow().version()).isEqualTo(2);
    }
  }

  @Test
  @DisplayName(
      "leftovers of a compaction interrupted before the old files were deleted are removed at"
          + " open, without losing anything")
  void interruptedCompaction() throws Exception {
    Campaign campaign;
    try (FileStore store =
        FileStore.open(FileStoreOptions.builder(dir).segmentBytes(4096).build())) {
      campaign = store.insertCampaign(TckFixtures.campaign());
      for (int i = 0; i < 60; i++) {
        store.insert(TckFixtures.submission(campaign.id(), "p" + i).build(), 10);
      }
    }
    // Simulate a crash after the snapshot rename but before deletion: keep copies of old segments.
    Path saved = Files.createTempDirectory(dir.getParent(), "saved");
    for (Path s : StoreFiles.segments(dir)) {
      Files.copy(s, saved.resolve(s.getFileName()));
    }
    try (FileStore store = FileStore.open(dir)) {
      store.compact();
    }
    try (var old = Files.list(saved)) {
      for (Path s : (Iterable<Path>) old::iterator) {
        if (!Files.exists(dir.resolve(s.getFileName()))) {
          Files.copy(s, dir.resolve(s.getFileName()));
        }
      }
    }
    Files.writeString(dir.resolve("snapshot-0000000000000099.snap.tmp"), "half a snapshot");
    try (FileStore store = FileStore.open(dir)) {
      assertThat(store.recoveryReport().removedLeftovers()).isGreaterThan(1);
      assertThat(store.count(SubmissionFilter.all(campaign.id()))).isEqualTo(60);
    }
    assertThat(StoreFiles.segments(dir)).hasSize(1);
  }
}
