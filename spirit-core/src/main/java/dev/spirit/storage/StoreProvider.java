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

  /**
   * Whether a store already exists at {@code uri}, found without creating one: a command line
   * refuses a mistyped location instead of silently starting an empty store there. A provider that
   * cannot tell answers true, so that its stores open as before.
   *
   * @param uri a URI this provider supports
   * @return true if opening {@code uri} would find data written earlier
   * @throws StorageException if the location cannot be examined (a database that does not answer)
   */
  default boolean exists(String uri) {
    return true;
  }
}
