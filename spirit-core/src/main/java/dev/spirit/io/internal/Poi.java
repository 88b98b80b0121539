package dev.spirit.io.internal;

import dev.spirit.io.UnreadableInputException;

/** Whether Apache POI, spirit-core's optional dependency for .xlsx, is on the class path. */
public final class Poi {
  private static final boolean PRESENT = present();

  private Poi() {}

  private static boolean present() {
    try {
      Class.forName(
          "org.apache.poi.xssf.streaming.SXSSFWorkbook", false, Poi.class.getClassLoader());
      Class.forName(
          "org.apache.poi.xssf.eventusermodel.XSSFReader", false, Poi.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * Fails unless POI is there.
   *
   * @param what {@code read} or {@code write}
   * @param source the file's name, for the message
   * @throws UnreadableInputException if POI is missing
   */
  static void require(String what, String source) {
    if (!PRESENT) {
      throw new UnreadableInputException(source, 0, missing(what));
    }
  }

  /**
   * Whether POI is there.
   *
   * @return true if .xlsx can be read and written
   */
  public static boolean available() {
    return PRESENT;
  }

  /**
   * The message for a missing POI.
   *
   * @param what {@code read} or {@code write}
   * @return the message
   */
  public static String missing(String what) {
    return "cannot "
        + what
        + " .xlsx: add org.apache.poi:poi-ooxml (5.5.1) to the application's dependencies";
  }
}
