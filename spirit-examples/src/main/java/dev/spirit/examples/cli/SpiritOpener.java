package dev.spirit.examples.cli;

import dev.spirit.Spirit;
import dev.spirit.error.NotFoundException;
import dev.spirit.examples.Wiring;
import dev.spirit.storage.SpiritStores;

/**
 * How the CLI gets a {@link Spirit} for a store URI. Every command opens one at its start and
 * releases it at its end. Tests substitute an opener that shares one in-memory instance across
 * invocations, because a {@code mem:} store vanishes when it is closed.
 */
public interface SpiritOpener {

  /**
   * Opens Spirit on a store.
   *
   * @param storeUri the store URI
   * @return an open instance
   */
  Spirit open(String storeUri);

  /**
   * Opens Spirit on a store, refusing (if this opener checks) a store that does not exist yet
   * unless {@code create} is set. By default it does not check: tests' openers share instances.
   *
   * @param storeUri the store URI
   * @param create whether a missing store may be created
   * @return an open instance
   * @throws NotFoundException if the store does not exist and {@code create} is false
   */
  default Spirit open(String storeUri, boolean create) {
    return open(storeUri);
  }

  /**
   * Releases an instance this opener returned; by default closes it (and its store).
   *
   * @param spirit the instance
   */
  default void release(Spirit spirit) {
    spirit.close();
  }

  /**
   * The standard opener: a new instance per command, with the examples' moderator; a store that
   * does not exist is refused unless the command says {@code --create}.
   *
   * @return the opener
   */
  static SpiritOpener standard() {
    return new SpiritOpener() {
      @Override
      public Spirit open(String storeUri) {
        return Spirit.builder().storeUri(storeUri).moderator(Wiring.defaultModerator()).build();
      }

      @Override
      public Spirit open(String storeUri, boolean create) {
        if (!create && !SpiritStores.exists(storeUri)) {
          throw new NotFoundException(
              "store " + SpiritStores.redacted(storeUri),
              "check --store (or $SPIRIT_STORE), or add --create to start a new store there");
        }
        return open(storeUri);
      }
    };
  }
}
