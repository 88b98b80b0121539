package dev.spirit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.error.InvalidInputException;
import dev.spirit.error.UnsupportedStoreException;
import dev.spirit.storage.memory.InMemoryStore;
import dev.spirit.storage.memory.InMemoryStoreProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Opening stores by URI")
class SpiritStoresTest {

  @Test
  @DisplayName("mem: is found through ServiceLoader and opens a working, empty in-memory store")
  void mem() {
    assertThat(SpiritStores.providers()).hasAtLeastOneElementOfType(InMemoryStoreProvider.class);
    try (SpiritStore a = SpiritStores.open("mem:");
        SpiritStore b = SpiritStores.open("mem:kiosk-tests")) {
      assertThat(a).isInstanceOf(InMemoryStore.class);
      Campaign c =
          a.insertCampaign(
              Campaign.builder("mem-test")
                  .title("测试", "Test")
                  .prompt("说", "Say")
                  .districts("yuzhong")
                  .allChannels()
                  .build());
      assertThat(a.findCampaign(c.id())).contains(c);
      assertThat(b.listCampaigns()).as("each mem: store is its own").isEmpty();
    }
  }

  @Test
  @DisplayName(
      "exists: a mem: store never exists before it is opened; an unknown scheme is refused")
  void exists() {
    assertThat(SpiritStores.exists("mem:")).isFalse();
    assertThatThrownBy(() -> SpiritStores.exists("nosuch:x"))
        .isInstanceOf(UnsupportedStoreException.class);
    assertThatThrownBy(() -> SpiritStores.exists(" "))
        .isInstanceOf(dev.spirit.error.InvalidInputException.class);
  }

  @Test
  @DisplayName(
      "an unknown scheme is refused with UnsupportedStoreException listing what is available")
  void unknownScheme() {
    assertThatThrownBy(() -> SpiritStores.open("nosuch:x"))
        .isInstanceOf(UnsupportedStoreException.class)
        .hasMessageContaining("'nosuch:x'")
        .hasMessageContaining("available: ")
        .hasMessageContaining("mem:[label]");
    assertThatThrownBy(() -> Spirit.builder().storeUri("nosuch:x").build())
        .isInstanceOf(UnsupportedStoreException.class);
  }

  @Test
  @DisplayName("a blank store URI is refused naming the field")
  void blank() {
    assertThatThrownBy(() -> SpiritStores.open("  "))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("storeUri"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "jdbc:mysql://db/spirit?user=app&password=s3cret&ssl=true"
            + " | jdbc:mysql://db/spirit?user=app&password=***&ssl=true",
        "jdbc:sqlserver://db;user=app;Password=s3cret | jdbc:sqlserver://db;user=app;Password=***",
        "redis://app:s3cret@cache:6379/0 | redis://app:***@cache:6379/0",
        "file:./spirit-data | file:./spirit-data"
      })
  @DisplayName("an unsupported URI is refused without showing its password")
  void unsupportedUriHidesPassword(String uri, String shown) {
    assertThat(SpiritStores.redacted(uri)).isEqualTo(shown);
    if (!uri.startsWith("file:")) {
      assertThatThrownBy(() -> SpiritStores.open(uri))
          .isInstanceOf(UnsupportedStoreException.class)
          .hasMessageContaining(shown)
          .hasMessageNotContaining("s3cret");
    }
  }
}
