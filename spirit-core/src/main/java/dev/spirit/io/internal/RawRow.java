package dev.spirit.io.internal;

import java.util.Map;
import java.util.Optional;

/**
 * One row as a reader found it.
 *
 * @param line the 1-based line (or sheet row) where it starts
 * @param cells normalised column name to raw value; empty if the row could not be read
 * @param problem why the row could not be read, if it could not
 */
public record RawRow(long line, Map<String, String> cells, Optional<String> problem) {
  public RawRow {
    cells = Map.copyOf(cells);
  }

  /**
   * A row that was read.
   *
   * @param line its line
   * @param cells its values
   * @return the row
   */
  public static RawRow of(long line, Map<String, String> cells) {
    return new RawRow(line, cells, Optional.empty());
  }

  /**
   * A row that could not be read.
   *
   * @param line its line
   * @param problem why
   * @return the row
   */
  public static RawRow unreadable(long line, String problem) {
    return new RawRow(line, Map.of(), Optional.of(problem));
  }
}
