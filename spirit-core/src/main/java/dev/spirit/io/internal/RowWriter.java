package dev.spirit.io.internal;

import java.io.IOException;
import java.util.List;

/** Writes the rows of one export format. */
public interface RowWriter extends AutoCloseable {
  /**
   * Writes the header (formats without one ignore it, except to name the values of {@link #row}).
   *
   * @param columns the column names
   * @throws IOException if writing fails
   */
  void header(List<String> columns) throws IOException;

  /**
   * Writes one row of values, in header order.
   *
   * @param values the values
   * @throws IOException if writing fails
   */
  void row(List<String> values) throws IOException;

  /**
   * Writes one ready-made JSON record (JSON lines only).
   *
   * @param json the record, on one line
   * @throws IOException if writing fails
   */
  default void record(String json) throws IOException {
    throw new UnsupportedOperationException("only JSON lines take whole records");
  }

  /**
   * Completes the output and flushes it, without closing the stream.
   *
   * @throws IOException if writing fails
   */
  void finish() throws IOException;

  /**
   * Releases what the writer holds (temporary files); does not close the stream.
   *
   * @throws IOException if releasing fails
   */
  @Override
  void close() throws IOException;
}
