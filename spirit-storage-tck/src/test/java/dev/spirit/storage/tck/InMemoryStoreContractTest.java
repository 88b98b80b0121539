package dev.spirit.storage.tck;

import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.memory.InMemoryStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("InMemoryStore keeps the storage contract")
class InMemoryStoreContractTest extends SpiritStoreContract {
  @Override
  protected SpiritStore createStore() {
    return new InMemoryStore();
  }
}
