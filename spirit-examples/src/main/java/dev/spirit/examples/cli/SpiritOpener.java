package dev.spirit.examples.cli;

import dev.spirit.Spirit;
import dev.spirit.examples.Wiring;

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
   * Releases an instance this opener returned; by default closes it (and its store).
   *
   * @param spirit the instance
   */
  default void release(Spirit spirit) {
    spirit.close();
  }

  /**
   * The standard opener: a new instance per command, with the examples' moderator.
   *
   * @return the opener
   */
  static SpiritOpener standard() {
    return uri -> Spirit.builder().storeUri(uri).moderator(Wiring.defaultModerator()).build();
  }
}
