package dev.spirit.io;

import dev.spirit.error.SpiritException;
import java.util.OptionalLong;

/**
 * An import input could not be read as a whole: it cannot be opened, it is not the format it is
 * said to be (an {@code .xlsx} that is not a workbook, a truncated one), its bytes are not valid in
 * its encoding, or it has no header. Thrown before any row of it is stored. Problems of single rows
 * are not thrown but reported per row ({@link LineResult}).
 */
public class UnreadableInputException extends SpiritException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;

  /**
   * Creates the exception.
   *
   * @param source the input's name
   * @param line the 1-based line where reading failed, or 0 if not known
   * @param problem what is wrong
   */
  public UnreadableInputException(String source, long line, String problem) {
    super(message(source, line, problem));
    this.source = source;
    this.line = line;
  }

  /**
   * Creates the exception with its cause.
   *
   * @param source the input's name
   * @param line the 1-based line where reading failed, or 0 if not known
   * @param problem what is wrong
   * @param cause the underlying failure
   */
  public UnreadableInputException(String source, long line, String problem, Throwable cause) {
    super(message(source, line, problem), cause);
    this.source = source;
    this.line = line;
  }

  private static String message(String source, long line, String problem) {
    return source + (line > 0 ? ":" + line : "") + ": " + problem;
  }

  /**
   * The input's name.
   *
   * @return the name given to the import
   */
  public String source() {
    return source;
  }

  /**
   * Where reading failed.
   *
   * @return the 1-based line, if known
   */
  public OptionalLong line() {
    return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
  }
}
