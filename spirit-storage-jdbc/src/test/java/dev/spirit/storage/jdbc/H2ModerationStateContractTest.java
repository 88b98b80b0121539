package dev.spirit.storage.jdbc;

import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.SpiritStores;
import dev.spirit.storage.tck.ModerationStateContract;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;

@DisplayName("JdbcStore on H2 keeps the moderation-state contract")
class H2ModerationStateContractTest extends ModerationStateContract {
  private String url = "";

  @Override
  protected SpiritStore createStore() {
    // Kept alive after the store closes, so that reopening and a second store find the same data.
    url = "jdbc:h2:mem:state-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    return SpiritStores.open(url);
  }

  @Override
  protected Optional<SpiritStore> reopen(SpiritStore closed) {
    return Optional.of(SpiritStores.open(url));
  }

  @Override
  protected Optional<SpiritStore> openSecond() {
    return Optional.of(SpiritStores.open(url));
  }
}
