package dev.spirit.moderation.internal;

/**
 * PRC resident identity card numbers: 18 characters, 17 digits then a check character computed by
 * ISO 7064 MOD 11-2 ({@code 0-9} or {@code X}), with a birth date in characters 7 to 14.
 */
public final class ResidentIds {
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";

  private ResidentIds() {}

  /**
   * The ISO 7064 MOD 11-2 check character of the first 17 digits.
   *
   * @param first17 17 ASCII digits
   * @return {@code 0}–{@code 9} or {@code X}
   * @throws IllegalArgumentException if the input is not 17 digits
   */
  public static char checkCharacter(CharSequence first17) {
    if (first17.length() < 17) {
      throw new IllegalArgumentException("need 17 digits, got " + first17.length());
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = first17.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not a digit at " + i + ": " + c);
      }
      sum += (c - '0') * WEIGHTS[i];
    }
    return CHECK.charAt(sum % 11);
  }

  /**
   * Whether a string is a well-formed resident id: 17 digits, a plausible birth date (years
   * 1900–2099) and the right check character ({@code x} accepted for {@code X}).
   *
   * @param id the candidate
   * @return true if valid
   */
  public static boolean isValid(CharSequence id) {
    if (id.length() != 18) {
      return false;
    }
    for (int i = 0; i < 17; i++) {
      if (id.charAt(i) < '0' || id.charAt(i) > '9') {
        return false;
      }
    }
    int year = Integer.parseInt(id.subSequence(6, 10).toString());
    int month = Integer.parseInt(id.subSequence(10, 12).toString());
    int day = Integer.parseInt(id.subSequence(12, 14).toString());
    if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1 || day > 31) {
      return false;
    }
    char last = Character.toUpperCase(id.charAt(17));
    return last == checkCharacter(id);
  }
}
