package dev.spirit.io.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Map;

/**
 * How long a cell and a line of import input may be. No submission text comes near these (a
 * campaign's longest kind allows a few thousand characters); they exist so that a pasted 50 MB
 * cell, a binary file named {@code .jsonl} or a line without end is refused with its line instead
 * of filling the heap.
 */
public final class RowLimits {
  /** The longest cell a row may have; a longer one refuses the row. */
  public static final int MAX_CELL_CHARS = 100_000;

  /** The longest JSON line; a longer one refuses its row, and reading goes on after it. */
  public static final int MAX_LINE_CHARS = 1 << 20;

  /** {@link #readLine} found no more input. */
  static final int END = -1;

  /** {@link #readLine} skipped a line longer than {@link #MAX_LINE_CHARS}. */
  static final int TOO_LONG = -2;

  private RowLimits() {}

  /**
   * The row, or a refusal naming the first cell longer than {@link #MAX_CELL_CHARS}.
   *
   * @param line the row's line
   * @param cells its cells
   * @return the row
   */
  public static RawRow checked(long line, Map<String, String> cells) {
    for (Map.Entry<String, String> cell : cells.entrySet()) {
      if (cell.getValue().length() > MAX_CELL_CHARS) {
        return RawRow.unreadable(
            line,
            "column '"
                + cell.getKey()
                + "' has "
                + cell.getValue().length()
                + " characters, more than the "
                + MAX_CELL_CHARS
                + " a cell may have");
      }
    }
    return RawRow.of(line, cells);
  }

  /**
   * Reads one line (ended by {@code \n}, {@code \r\n} or {@code \r}, as {@link
   * java.io.BufferedReader#readLine} does) into {@code into}, never holding more than {@link
   * #MAX_LINE_CHARS}: the rest of a longer line is read and dropped.
   *
   * @param in the input (buffered; read one character at a time)
   * @param into cleared, then filled with the line without its end
   * @return the line's length, {@link #END} at the end of input, or {@link #TOO_LONG}
   * @throws IOException if reading fails
   */
  static int readLine(BufferedReader in, StringBuilder into) throws IOException {
    into.setLength(0);
    boolean tooLong = false;
    boolean any = false;
    while (true) {
      int c = in.read();
      if (c < 0) {
        if (!any) {
          return END;
        }
        break;
      }
      any = true;
      if (c == '\n') {
        break;
      }
      if (c == '\r') {
        in.mark(1);
        if (in.read() != '\n') {
          in.reset();
        }
        break;
      }
      if (tooLong) {
        continue;
      }
      if (into.length() >= MAX_LINE_CHARS) {
        tooLong = true;
        into.setLength(0);
        continue;
      }
      into.append((char) c);
    }
    return tooLong ? TOO_LONG : into.length();
  }
}
