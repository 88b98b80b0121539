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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
  @DisplayName(
      "exists: a missing or empty directory is no store (and is not created); an opened one is")
  void exists() throws Exception {
    FileStoreProvider provider = new FileStoreProvider();
    String uri = "file:" + dir.resolve("s");
    assertThat(provider.exists(uri)).isFalse();
    assertThat(dir.resolve("s")).doesNotExist();
    java.nio.file.Files.createDirectories(dir.resolve("s"));
    assertThat(SpiritStores.exists(uri)).isFalse();
    provider.open(uri).close();
    assertThat(provider.exists(uri)).isTrue();
    java.nio.file.Files.delete(dir.resolve("s").resolve("spirit.lock"));
    assertThat(provider.exists(uri)).as("segments alone are a store").isTrue();
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

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "file:./d?fsync=yes                 | fsync",
        "file:./d?durability=maybe          | maybe",
        "file:./d?segmentBytes=12           | segmentBytes",
        "file:./d?directIo=yes              | directIo must be true or false, was 'yes'",
        "file:./d?yieldWhileWaiting=no      | yieldWhileWaiting must be true or false, was 'no'",
        "file:./d?createIfMissing=1         | createIfMissing",
        "file:                              | names no directory",
      })
  @DisplayName("unknown options and bad values are refused, naming them")
  void badOptions(String uri, String named) {
    assertThatThrownBy(() -> FileStoreProvider.parse(uri))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(named);
  }
}
