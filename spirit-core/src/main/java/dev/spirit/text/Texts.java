package dev.spirit.text;

import dev.spirit.error.InvalidInputException;
import java.text.Normalizer;

/**
 * Validation and normalization of free text given by people.
 *
 * <p>Validation ({@link #requireWellFormed}) refuses what can never be a legitimate submission:
 * lone surrogates, NUL and other control characters except tab, line feed and carriage return, and
 * text longer than {@link #MAX_CODE_POINTS}. It never alters the text: what is stored is exactly
 * what was given.
 *
 * <p>Normalization ({@link #normalize}) produces the form used for length limits, comparisons and
 * search: Unicode NFKC (so full-width letters become ASCII and compatibility forms fold), with
 * invisible format characters (zero-width spaces and joiners, word joiners, byte-order marks, soft
 * hyphens) and bidirectional controls removed, every run of whitespace folded to one space, and
 * leading and trailing whitespace trimmed.
 */
public final class Texts {
  /** Hard upper bound on any text, in code points, whatever a campaign allows. */
  public static final int MAX_CODE_POINTS = 20_000;

  private Texts() {}

  /**
   * Checks that {@code text} is acceptable raw input.
   *
   * @param field the field name to report in errors
   * @param text the text to check
   * @return the same text, unchanged
   * @throws InvalidInputException if the text is empty, too long, or holds forbidden characters
   */
  public static String requireWellFormed(String field, String text) {
    if (text == null) {
      throw new InvalidInputException(field, "must not be null");
    }
    if (text.isEmpty()) {
      throw new InvalidInputException(field, "must not be empty");
    }
    // Check the length on chars first so a megabyte of input is refused without a full scan.
    if (text.length() > MAX_CODE_POINTS * 2) {
      throw new InvalidInputException(
          field, "is longer than the limit of " + MAX_CODE_POINTS + " code points");
    }
    int codePoints = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          throw new InvalidInputException(
              field, "contains an unpaired surrogate at index " + i + " (not valid Unicode)");
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        throw new InvalidInputException(
            field, "contains an unpaired surrogate at index " + i + " (not valid Unicode)");
      } else if (c == 0) {
        throw new InvalidInputException(field, "contains a NUL character at index " + i);
      } else if (isForbiddenControl(c)) {
        throw new InvalidInputException(
            field, String.format("contains the control character U+%04X at index %d", (int) c, i));
      }
      codePoints++;
    }
    if (codePoints > MAX_CODE_POINTS) {
      throw new InvalidInputException(
          field, "is longer than the limit of " + MAX_CODE_POINTS + " code points");
    }
    return text;
  }

  /**
   * Checks a short single-line label such as a name or an identifier.
   *
   * @param field the field name to report in errors
   * @param value the value
   * @param maxLength maximum length in code points
   * @return the value, unchanged
   * @throws InvalidInputException if the value is blank, too long, or holds control characters
   */
  public static String requireLabel(String field, String value, int maxLength) {
    if (value == null) {
      throw new InvalidInputException(field, "must not be null");
    }
    if (value.isBlank()) {
      throw new InvalidInputException(field, "must not be blank");
    }
    requireWellFormed(field, value);
    if (value.codePointCount(0, value.length()) > maxLength) {
      throw new InvalidInputException(
          field, "is longer than the limit of " + maxLength + " code points");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new InvalidInputException(field, "must be a single line without control characters");
      }
    }
    return value;
  }

  /**
   * Checks an opaque token chosen by a client, such as a pseudonymous participant id or an
   * idempotency key: 1 to {@code maxLength} visible ASCII characters, no spaces.
   *
   * @param field the field name to report in errors
   * @param value the token
   * @param maxLength maximum length in characters
   * @return the token, unchanged
   * @throws InvalidInputException if it is null, empty, too long, or holds another character
   */
  public static String requireToken(String field, String value, int maxLength) {
    if (value == null) {
      throw new InvalidInputException(field, "must not be null");
    }
    if (value.isEmpty() || value.length() > maxLength) {
      throw new InvalidInputException(
          field, "must be 1-" + maxLength + " characters, was " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= 0x20 || c >= 0x7F) {
        throw new InvalidInputException(
            field,
            "must be visible ASCII without spaces; found "
                + String.format("U+%04X", (int) c)
                + " at index "
                + i);
      }
    }
    return value;
  }

  private static boolean isForbiddenControl(char c) {
    if (c == '\t' || c == '\n' || c == '\r') {
      return false;
    }
    return Character.isISOControl(c);
  }

  /**
   * Returns the canonical normalized form of {@code text} described in the class documentation.
   *
   * @param text any text
   * @return its normalized form, possibly empty
   */
  public static String normalize(String text) {
    String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(nfkc.length());
    boolean pendingSpace = false;
    for (int i = 0; i < nfkc.length(); ) {
      int cp = nfkc.codePointAt(i);
      i += Character.charCount(cp);
      if (isInvisible(cp)) {
        continue;
      }
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)) {
        pendingSpace = out.length() > 0;
        continue;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.appendCodePoint(cp);
    }
    String result = out.toString();
    // Removing an invisible character can bring a letter next to its combining mark
    // (e, U+200B, U+0301): compose again so the result is NFKC too.
    return Normalizer.isNormalized(result, Normalizer.Form.NFKC)
        ? result
        : Normalizer.normalize(result, Normalizer.Form.NFKC);
  }

  /**
   * Whether a code point is an invisible format or bidirectional control character that
   * normalization removes.
   *
   * @param codePoint the code point
   * @return true for zero-width, joiner, word-joiner, BOM, soft hyphen and bidi control characters
   */
  public static boolean isInvisible(int codePoint) {
    return switch (codePoint) {
      case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x3164, 0xFEFF, 0xFFA0 ->
          true;
      default ->
          (codePoint >= 0x200B && codePoint <= 0x200F)
              || (codePoint >= 0x202A && codePoint <= 0x202E)
              || (codePoint >= 0x2060 && codePoint <= 0x206F)
              || (codePoint >= 0xFE00 && codePoint <= 0xFE0F);
    };
  }

  /**
   * Counts the code points of a string.
   *
   * @param text any text
   * @return the number of Unicode code points
   */
  public static int codePoints(String text) {
    return text.codePointCount(0, text.length());
  }
}
