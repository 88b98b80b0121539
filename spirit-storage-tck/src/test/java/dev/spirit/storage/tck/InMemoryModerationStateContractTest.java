package dev.spirit.storage.tck;

import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.memory.InMemoryStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("InMemoryStore keeps the moderation-state contract")
class InMemoryModerationStateContractTest extends ModerationStateContract {
  @Override
  protected SpiritStore createStore() {
    return new InMemoryStore();
  }
}
