package dev.spirit.io;

/**
 * Told how an import goes, e.g. to draw a progress bar or print refusals as they happen. Called on
 * the importing thread; every method does nothing by default.
 */
public interface ImportListener {
  /** A listener that ignores everything. */
  ImportListener NONE = new ImportListener() {};

  /**
   * The input was checked and is about to be imported.
   *
   * @param rows how many rows it holds (header not counted)
   */
  default void started(long rows) {}

  /**
   * A row's result is known. Rows are reported in the order of the file.
   *
   * @param result the row's result
   */
  default void line(LineResult result) {}

  /**
   * A batch was handed to intake.
   *
   * @param done rows with a result so far
   * @param total rows in the input
   */
  default void progress(long done, long total) {}
}
