package dev.spirit.submission;

import dev.spirit.error.InvalidInputException;

/**
 * A range of a submission's original text, in UTF-16 indices as used by {@link String#substring}.
 *
 * @param start first index, inclusive
 * @param end last index, exclusive
 */
public record TextSpan(int start, int end) {
  public TextSpan {
    if (start < 0 || end < start) {
      throw new InvalidInputException("span", "invalid range [" + start + ", " + end + ")");
    }
  }

  /**
   * The text this span covers.
   *
   * @param text the original text
   * @return the covered substring
   */
  public String of(String text) {
    return text.substring(start, end);
  }
}
