package dev.spirit.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.campaign.CampaignId;
import dev.spirit.moderation.state.StateKey;
import dev.spirit.moderation.state.TextMark;
import dev.spirit.participant.ParticipantId;
import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.tck.ModerationStateContract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("FileStore keeps the moderation-state contract (durable: reopening keeps the windows)")
class FileModerationStateContractTest extends ModerationStateContract {
  @TempDir Path root;
  private Path directory = Path.of(".");

  @Override
  protected SpiritStore createStore() throws Exception {
    directory = Files.createTempDirectory(root, "store");
    return FileStore.open(directory);
  }

  @Override
  protected Optional<SpiritStore> reopen(SpiritStore closed) {
    return Optional.of(FileStore.open(directory));
  }

  private static final Instant T = Instant.parse("2026-06-01T08:00:00Z");

  @Test
  @DisplayName(
      "the journal holds neither participant ids nor texts, and an erasure rewrites it without the"
          + " participant's lines")
  void journalHoldsNoPersonalData() throws Exception {
    CampaignId c = CampaignId.generate(T);
    String who = "phone-13800138000";
    store
        .moderationState()
        .countThenAdd(
            new StateKey(StateKey.Kind.PARTICIPANT_RATE, c, who), T, Duration.ofMinutes(10), 5);
    store
        .moderationState()
        .recentThenAdd(
            new StateKey(StateKey.Kind.COLLECTION_POINT_TEXTS, c, "kiosk-1"),
            T,
            Duration.ofMinutes(10),
            16,
            TextMark.of(ParticipantId.of(who), "我的秘密口号"));
    Path journal = directory.resolve("moderation-state.log");
    String before = Files.readString(journal, StandardCharsets.US_ASCII);
    assertThat(before).hasLineCount(2).doesNotContain(who).doesNotContain("kiosk-1");

    store.eraseParticipant(ParticipantId.of(who));

    assertThat(Files.readString(journal, StandardCharsets.US_ASCII)).isEmpty();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path f : files.toList()) {
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
            .doesNotContain(who);
      }
    }
  }

  @Test
  @DisplayName("a damaged line of the journal is skipped on open, the other lines are replayed")
  void damagedLineIsSkipped() throws Exception {
    CampaignId c = CampaignId.generate(T);
    StateKey k = new StateKey(StateKey.Kind.PARTICIPANT_RATE, c, "p-1");
    for (int i = 0; i < 3; i++) {
      store.moderationState().countThenAdd(k, T.plusSeconds(i), Duration.ofMinutes(10), 10);
    }
    store.close();
    Path journal = directory.resolve("moderation-state.log");
    String text = Files.readString(journal, StandardCharsets.US_ASCII);
    // Corrupt the second line's checksum and append a torn line.
    String[] lines = text.split("\n");
    lines[1] = lines[1].substring(0, lines[1].length() - 1) + (lines[1].endsWith("0") ? "1" : "0");
    Files.writeString(journal, String.join("\n", lines) + "\nc 0 torn", StandardCharsets.US_ASCII);
    store = FileStore.open(directory);
    assertThat(
            store.moderationState().countThenAdd(k, T.plusSeconds(5), Duration.ofMinutes(10), 10))
        .isEqualTo(2);
  }
}
