package dev.spirit.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.campaign.Campaign;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.storage.tck.TckFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("ASYNC mode: the background flusher and close() make queued writes durable")
class AsyncModeTest {
  @TempDir Path dir;

  @Test
  @DisplayName("close() writes and forces everything queued")
  void closeFlushes() {
    FileStoreOptions options = FileStoreOptions.builder(dir).async(Duration.ofSeconds(30)).build();
    Campaign campaign;
    try (FileStore store = FileStore.open(options)) {
      campaign = store.insertCampaign(TckFixtures.campaign());
      for (int i = 0; i < 500; i++) {
        store.insert(TckFixtures.submission(campaign.id(), "p" + i).build(), 10);
      }
    }
    try (FileStore store = FileStore.open(dir)) {
      assertThat(store.count(SubmissionFilter.all(campaign.id()))).isEqualTo(500);
    }
  }

  @Test
  @DisplayName("the background flusher writes queued records within the window without close()")
  void backgroundFlush() throws Exception {
    FileStoreOptions options = FileStoreOptions.builder(dir).async(Duration.ofMillis(10)).build();
    try (FileStore store = FileStore.open(options)) {
      Campaign campaign = store.insertCampaign(TckFixtures.campaign());
      Path segment = StoreFiles.lastSegment(dir);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!StoreFiles.anyFileContains(dir, campaign.slug().getBytes("UTF-8"))
          && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(Files.size(segment)).isGreaterThan(SegmentFile.SEGMENT_HEADER.length);
    }
  }
}
