package dev.spirit.submission;

import dev.spirit.error.InvalidInputException;
import dev.spirit.text.Texts;

/**
 * A submission's text exactly as given, with its normalized form (see {@link Texts#normalize}).
 *
 * @param original the text as given, byte for byte
 * @param normalized the normalized form, used for limits, comparison and search
 */
public record SubmissionText(String original, String normalized) {
  public SubmissionText {
    Texts.requireWellFormed("text", original);
    if (normalized == null) {
      throw new InvalidInputException("text.normalized", "must not be null");
    }
  }

  /**
   * Validates and normalizes text.
   *
   * @param original the text as given
   * @return the text with its normalized form
   * @throws InvalidInputException if the text is empty, too long or holds forbidden characters
   */
  public static SubmissionText of(String original) {
    Texts.requireWellFormed("text", original);
    return new SubmissionText(original, Texts.normalize(original));
  }

  /**
   * Length of the normalized form in code points: what length limits are checked against.
   *
   * @return code points
   */
  public int length() {
    return Texts.codePoints(normalized);
  }
}
