package dev.spirit.event.internal;

import dev.spirit.event.SpiritListener;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells listeners about an event; a failing listener never fails the operation it hears of. */
public final class Listeners {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

  private Listeners() {}

  /**
   * Delivers an event to every listener, logging and swallowing their failures.
   *
   * @param listeners the listeners
   * @param event what to call on each
   */
  public static void tell(List<SpiritListener> listeners, Consumer<SpiritListener> event) {
    for (SpiritListener listener : listeners) {
      try {
        event.accept(listener);
      } catch (RuntimeException e) {
        LOG.warn("listener {} failed; the operation itself succeeded", listener, e);
      }
    }
  }
}
