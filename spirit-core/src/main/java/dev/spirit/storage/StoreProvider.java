package dev.spirit.storage;

import dev.spirit.error.StorageException;

/**
 * Opens a {@link SpiritStore} from a URI. Backends register an implementation under {@code
 * META-INF/services/dev.spirit.storage.StoreProvider} so that {@link SpiritStores#open(String)}
 * finds them.
 */
public interface StoreProvider {

  /**
   * The URI prefix this provider handles, e.g. {@code file:} or {@code jdbc:h2:}.
   *
   * @param uri a store URI
   * @return true if this provider opens it
   */
  boolean supports(String uri);

  /**
   * A short description of the URIs this provider takes, for error messages.
   *
   * @return e.g. {@code file:<directory>}
   */
  String uriPattern();

  /**
   * Opens (creating if needed) the store at {@code uri}.
   *
   * @param uri a URI this provider supports
   * @return the open store
   * @throws StorageException if it cannot be opened
   */
  SpiritStore open(String uri);
}
