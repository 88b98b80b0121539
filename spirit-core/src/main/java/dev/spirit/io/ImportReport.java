package dev.spirit.io;

import dev.spirit.error.InvalidInputException;
import java.util.List;
import java.util.Optional;

/**
 * What an import did: one result per row, in file order, and the encoding it read the file in.
 *
 * @param source the input's name
 * @param format the format it was read as
 * @param encoding the character encoding text was decoded with (e.g. {@code UTF-8}, {@code
 *     GB18030}); empty for xlsx, whose encoding is fixed by the format
 * @param encodingDetected true if the encoding was detected rather than given
 * @param lines one result per row
 */
public record ImportReport(
    String source,
    DataFormat format,
    Optional<String> encoding,
    boolean encodingDetected,
    List<LineResult> lines) {
  public ImportReport {
    if (source == null || format == null || encoding == null || lines == null) {
      throw new InvalidInputException("importReport", "fields must not be null");
    }
    lines = List.copyOf(lines);
  }

  /**
   * How many rows the input held.
   *
   * @return the number of rows (header not counted)
   */
  public int rows() {
    return lines.size();
  }

  /**
   * How many rows were stored now.
   *
   * @return the count of {@link LineResult.Outcome#IMPORTED}
   */
  public long imported() {
    return count(LineResult.Outcome.IMPORTED);
  }

  /**
   * How many rows were already stored (by an earlier import or an earlier row).
   *
   * @return the count of {@link LineResult.Outcome#ALREADY_PRESENT}
   */
  public long alreadyPresent() {
    return count(LineResult.Outcome.ALREADY_PRESENT);
  }

  /**
   * How many rows were refused.
   *
   * @return the count of {@link LineResult.Outcome#REFUSED}
   */
  public long refused() {
    return count(LineResult.Outcome.REFUSED);
  }

  /**
   * The refused rows.
   *
   * @return their results, in file order
   */
  public List<LineResult> refusals() {
    return lines.stream().filter(l -> l.outcome() == LineResult.Outcome.REFUSED).toList();
  }

  private long count(LineResult.Outcome outcome) {
    return lines.stream().filter(l -> l.outcome() == outcome).count();
  }
}
