package dev.spirit.campaign;

import dev.spirit.error.InvalidInputException;
import java.util.regex.Pattern;

/**
 * A district (or any area) a campaign runs in, by its code: lowercase ASCII letters, digits and
 * dashes, e.g. {@code yuzhong}, {@code jiangbei}.
 *
 * @param code the code
 */
public record District(String code) implements Comparable<District> {
  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,63}");

  public District {
    if (code == null) {
      throw new InvalidInputException("district", "must not be null");
    }
    if (!CODE.matcher(code).matches()) {
      throw new InvalidInputException(
          "district",
          "'"
              + code
              + "' is not a district code (lowercase letters, digits and dashes, 1-64 characters,"
              + " starting with a letter)");
    }
  }

  /**
   * Shorthand for the constructor.
   *
   * @param code the district code
   * @return the district
   */
  public static District of(String code) {
    return new District(code);
  }

  @Override
  public int compareTo(District other) {
    return code.compareTo(other.code);
  }

  @Override
  public String toString() {
    return code;
  }
}
