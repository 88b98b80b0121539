package dev.spirit.spring.boot;

import dev.spirit.error.SpiritException;

/**
 * A {@code spirit.*} property has a value Spirit cannot start with: an unknown store URI scheme, a
 * lexicon location that cannot be read or parsed, an unknown time zone, a threshold out of range.
 * Thrown while the application context starts, so the application fails fast; the message names the
 * property and its value.
 */
public class SpiritConfigurationException extends SpiritException {
  private static final long serialVersionUID = 1L;

  private final String property;

  /**
   * Creates the exception.
   *
   * @param property the full property name, e.g. {@code spirit.store-uri}
   * @param problem what is wrong with its value
   * @param cause the error that showed it
   */
  public SpiritConfigurationException(String property, String problem, Throwable cause) {
    super(property + ": " + problem, cause);
    this.property = property;
  }

  /**
   * Creates the exception.
   *
   * @param property the full property name, e.g. {@code spirit.time-zone}
   * @param problem what is wrong with its value
   */
  public SpiritConfigurationException(String property, String problem) {
    super(property + ": " + problem);
    this.property = property;
  }

  /**
   * The property whose value is wrong.
   *
   * @return its full name
   */
  public String property() {
    return property;
  }
}
