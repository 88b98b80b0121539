package dev.spirit.storage.jdbc;

import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.SpiritStores;
import dev.spirit.storage.tck.SpiritStoreContract;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;

@DisplayName("JdbcStore on H2 keeps the storage contract")
class H2StoreContractTest extends SpiritStoreContract {
  @Override
  protected SpiritStore createStore() {
    // A fresh in-memory database per test, opened the way applications do: by store URI.
    return SpiritStores.open("jdbc:h2:mem:tck-" + UUID.randomUUID());
  }
}
