package dev.spirit.moderation.internal;

/**
 * PRC resident identity card numbers: 18 characters, 17 digits then a check character computed by
 * ISO 7064 MOD 11-2 ({@code 0-9} or {@code X}), with a province code in characters 1 and 2 and a
 * birth date in characters 7 to 14.
 */
public final class ResidentIds {
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";

  /**
   * The two-digit codes of mainland provinces, autonomous regions and municipalities (GB/T 2260),
   * Taiwan (71, also 83 on residence permits), Hong Kong (81) and Macao (82).
   */
  private static final String PROVINCES =
      "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65"
          + " 71 81 82 83";

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

  /**
   * Whether a string has the shape of a resident id whatever its check character: 17 digits, a
   * digit or {@code X} last, a real province code and a real calendar date of birth in 1900–2099.
   * Someone who mistypes one digit of their id, or changes the last one on purpose, still gives
   * away an id number; these are the numbers to mask as possible ids.
   *
   * @param id the candidate
   * @return true if it looks like a resident id
   */
  public static boolean isPlausible(CharSequence id) {
    if (id.length() != 18) {
      return false;
    }
    for (int i = 0; i < 17; i++) {
      if (id.charAt(i) < '0' || id.charAt(i) > '9') {
        return false;
      }
    }
    char last = Character.toUpperCase(id.charAt(17));
    if ((last < '0' || last > '9') && last != 'X') {
      return false;
    }
    int province = number(id, 0, 2);
    if (province < 11 || PROVINCES.indexOf(String.valueOf(province)) < 0) {
      return false;
    }
    int year = number(id, 6, 10);
    int month = number(id, 10, 12);
    int day = number(id, 12, 14);
    return year >= 1900
        && year <= 2099
        && month >= 1
        && month <= 12
        && day >= 1
        && day <= daysIn(year, month);
  }

  private static int number(CharSequence s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n = n * 10 + (s.charAt(i) - '0');
    }
    return n;
  }

  private static int daysIn(int year, int month) {
    return switch (month) {
      case 2 -> year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }
}
