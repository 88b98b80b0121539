package dev.spirit.campaign;

import dev.spirit.error.InvalidInputException;
import dev.spirit.text.Texts;

/**
 * Inclusive bounds on the length of a submission's normalized text, in Unicode code points.
 *
 * @param min minimum, at least 1
 * @param max maximum, at least {@code min} and at most {@link Texts#MAX_CODE_POINTS}
 */
public record LengthLimit(int min, int max) {
  public LengthLimit {
    if (min < 1) {
      throw new InvalidInputException("lengthLimit.min", "must be at least 1, was " + min);
    }
    if (max < min) {
      throw new InvalidInputException(
          "lengthLimit.max", "must be at least min (" + min + "), was " + max);
    }
    if (max > Texts.MAX_CODE_POINTS) {
      throw new InvalidInputException(
          "lengthLimit.max", "must be at most " + Texts.MAX_CODE_POINTS + ", was " + max);
    }
  }

  /**
   * Shorthand for the constructor.
   *
   * @param min minimum code points
   * @param max maximum code points
   * @return the limit
   */
  public static LengthLimit of(int min, int max) {
    return new LengthLimit(min, max);
  }
}
