package dev.spirit.storage.memory;

import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.StoreProvider;

/**
 * Opens a new, empty {@link InMemoryStore} for the URI {@code mem:} (anything after is a label).
 */
public final class InMemoryStoreProvider implements StoreProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public InMemoryStoreProvider() {}

  @Override
  public boolean supports(String uri) {
    return uri.startsWith("mem:");
  }

  @Override
  public String uriPattern() {
    return "mem:[label]";
  }

  @Override
  public SpiritStore open(String uri) {
    return new InMemoryStore();
  }

  /** A {@code mem:} store is new and empty each time it is opened: none exists beforehand. */
  @Override
  public boolean exists(String uri) {
    return false;
  }
}
