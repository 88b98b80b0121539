package dev.spirit.storage.file;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The names the fast readers ({@link SubmissionDecoder}, {@link ModerationDecoder}) look for, taken
 * from the format's one definition: {@link dev.spirit.storage.SpiritCodec} writes a record's
 * components under their own names, in component order, and enum constants by name. A name is
 * looked up among the record's components when the reader's class is initialised, so renaming a
 * component fails there (and in every test) instead of silently sending every record to the slow
 * path.
 */
final class CodecFields {
  private CodecFields() {}

  /**
   * The bytes {@code "name":} of a record component's field.
   *
   * @throws IllegalStateException if the record has no such component
   */
  static byte[] field(Class<? extends Record> type, String component) {
    boolean known =
        Arrays.stream(type.getRecordComponents()).anyMatch(c -> c.getName().equals(component));
    if (!known) {
      throw new IllegalStateException(
          type.getSimpleName() + " has no component " + component + "; update the fast reader");
    }
    return ascii("\"" + component + "\":");
  }

  /** The quoted names of the constants, index for index. */
  static byte[][] constants(Enum<?>[] values) {
    byte[][] names = new byte[values.length][];
    for (int i = 0; i < values.length; i++) {
      names[i] = ascii("\"" + values[i].name() + "\"");
    }
    return names;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
