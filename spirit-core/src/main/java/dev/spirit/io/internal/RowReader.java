package dev.spirit.io.internal;

import dev.spirit.io.UnreadableInputException;
import java.io.IOException;
import java.io.InputStream;

/** Reads the rows of one import format, pushing them to a sink in file order. */
public interface RowReader {
  /** Receives rows. */
  @FunctionalInterface
  interface Sink {
    /**
     * Takes one row.
     *
     * @param row the row
     */
    void accept(RawRow row);
  }

  /**
   * Reads every row of the input.
   *
   * @param in the bytes (not closed here)
   * @param sink receives the rows
   * @return the character encoding used, or empty for formats that fix their own
   * @throws IOException if reading fails
   * @throws UnreadableInputException if the input as a whole is not readable
   */
  java.util.Optional<Decoding.Chosen> read(InputStream in, Sink sink) throws IOException;
}
