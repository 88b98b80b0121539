package dev.spirit.text;

import dev.spirit.error.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The user-facing names of Spirit's enums: lowercase with dashes ({@code message-board}), parsed
 * case-insensitively with dashes or underscores, and refused with a message that lists the accepted
 * names.
 */
public final class EnumNames {
  private EnumNames() {}

  /**
   * Parses a user-facing name.
   *
   * @param type the enum type
   * @param field the field name for errors
   * @param text the name, e.g. {@code message-board}, {@code MESSAGE_BOARD}
   * @param <E> the enum type
   * @return the constant
   * @throws InvalidInputException naming the accepted values if the name is null or unknown
   */
  public static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
    if (text == null) {
      throw new InvalidInputException(field, "must not be null");
    }
    String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(key)) {
        return constant;
      }
    }
    throw new InvalidInputException(
        field,
        "unknown "
            + field
            + " '"
            + text
            + "'; expected one of "
            + Arrays.stream(type.getEnumConstants())
                .map(EnumNames::key)
                .collect(Collectors.joining(", ")));
  }

  /**
   * The user-facing name of a constant.
   *
   * @param constant the constant
   * @return its name in lowercase with dashes
   */
  public static String key(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
