package dev.spirit.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.campaign.Campaign;
import dev.spirit.error.StorageException;
import dev.spirit.moderation.CampaignLexicon;
import dev.spirit.moderation.LexiconLayer;
import dev.spirit.storage.tck.TckFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The file store's campaign lexicons")
class LexiconFilesTest {
  @TempDir Path dir;

  private static CampaignLexicon revision(Campaign c, long n) {
    return new CampaignLexicon(
        c.id(),
        n,
        List.of(new LexiconLayer("city", "赌博\tgambling\tblock\n", "红油火锅\n")),
        "v" + n,
        Instant.parse("2026-06-01T08:00:00.123456789Z"),
        "admin");
  }

  @Test
  @DisplayName(
      "survive a reopen in lexicons/<campaign>.jsonl, and a temporary file left by a crash is"
          + " ignored and overwritten")
  void reopen() throws Exception {
    Campaign c;
    CampaignLexicon second;
    try (FileStore store = FileStore.open(dir)) {
      c = store.insertCampaign(TckFixtures.campaign());
      store.attachLexicon(revision(c, 1));
      second = store.attachLexicon(revision(c, 2));
    }
    Path file = dir.resolve("lexicons").resolve(c.id() + ".jsonl");
    assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(2);
    Files.writeString(dir.resolve("lexicons").resolve(c.id() + ".jsonl.tmp"), "{torn");

    try (FileStore store = FileStore.open(dir)) {
      assertThat(store.findLexicon(c.id())).contains(second);
      assertThat(store.lexiconHistory(c.id())).hasSize(2);
      CampaignLexicon third = store.attachLexicon(revision(c, 3));
      assertThat(store.findLexicon(c.id())).contains(third);
    }
    try (FileStore store = FileStore.open(dir)) {
      assertThat(store.lexiconHistory(c.id()))
          .extracting(h -> h.revision())
          .containsExactly(1L, 2L, 3L);
    }
  }

  @Test
  @DisplayName("a damaged lexicon file is reported as a StorageException naming the file")
  void damaged() throws Exception {
    Campaign c;
    try (FileStore store = FileStore.open(dir)) {
      c = store.insertCampaign(TckFixtures.campaign());
      store.attachLexicon(revision(c, 1));
    }
    Path file = dir.resolve("lexicons").resolve(c.id() + ".jsonl");
    Files.writeString(file, "{\"campaignId\": 7}\n");
    try (FileStore store = FileStore.open(dir)) {
      assertThatThrownBy(() -> store.findLexicon(c.id()))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining(file + ":1")
          .hasMessageContaining("CampaignLexicon");
    }
  }
}
