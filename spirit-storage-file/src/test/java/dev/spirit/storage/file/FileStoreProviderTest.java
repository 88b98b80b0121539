package dev.spirit.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.error.InvalidInputException;
import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.SpiritStores;
import dev.spirit.storage.tck.TckFixtures;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The file: store URI")
class FileStoreProviderTest {
  @TempDir Path dir;

  @Test
  @DisplayName("SpiritStores.open finds the file backend through the service loader")
  void serviceLoader() {
    try (SpiritStore store = SpiritStores.open("file:" + dir.resolve("s"))) {
      assertThat(store).isInstanceOf(FileStore.class);
      store.insertCampaign(TckFixtures.campaign());
    }
    try (SpiritStore store = SpiritStores.open("file:" + dir.resolve("s"))) {
      assertThat(store.listCampaigns()).hasSize(1);
    }
  }

  @Test
  @DisplayName("options in the query string are applied; file:/// paths are absolute")
  void options() {
    FileStoreOptions o =
        FileStoreProvider.parse(
            "file:///var/lib/spirit?durability=async&asyncWindowMs=50&segmentBytes=1048576"
                + "&createIfMissing=false&directIo=false&yieldWhileWaiting=false");
    assertThat(o.directory()).isEqualTo(Path.of("/var/lib/spirit"));
    assertThat(o.durability()).isEqualTo(Durability.ASYNC);
    assertThat(o.asyncWindow()).isEqualTo(Duration.ofMillis(50));
    assertThat(o.segmentBytes()).isEqualTo(1 << 20);
    assertThat(o.createIfMissing()).isFalse();
    assertThat(o.directIo()).isFalse();
    assertThat(o.yieldWhileWaiting()).isFalse();
    FileStoreOptions defaults = FileStoreProvider.parse("file:./data");
    assertThat(defaults.durability()).isEqualTo(Durability.SYNC);
    assertThat(defaults.directIo()).isTrue();
    assertThat(defaults.yieldWhileWaiting()).isTrue();
  }

  @Test
  @DisplayName("unknown options and bad values are refused, naming them")
  void badOptions() {
    assertThatThrownBy(() -> FileStoreProvider.parse("file:./d?fsync=yes"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("fsync");
    assertThatThrownBy(() -> FileStoreProvider.parse("file:./d?durability=maybe"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("maybe");
    assertThatThrownBy(() -> FileStoreProvider.parse("file:./d?segmentBytes=12"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("segmentBytes");
    assertThatThrownBy(() -> FileStoreProvider.parse("file:./d?directIo=yes"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("directIo must be true or false, was 'yes'");
    assertThatThrownBy(() -> FileStoreProvider.parse("file:./d?yieldWhileWaiting=no"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("yieldWhileWaiting must be true or false, was 'no'");
    assertThatThrownBy(() -> FileStoreProvider.parse("file:./d?createIfMissing=1"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("createIfMissing");
    assertThatThrownBy(() -> FileStoreProvider.parse("file:"))
        .isInstanceOf(InvalidInputException.class);
  }
}
