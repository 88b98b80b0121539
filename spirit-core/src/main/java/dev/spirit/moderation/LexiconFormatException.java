package dev.spirit.moderation;

import dev.spirit.error.InvalidInputException;

/**
 * A lexicon or allow-list file with a bad row: it is refused whole, nothing of it is loaded. The
 * message names the file and line ({@code lexicon.tsv:12}) and says what is wrong.
 */
public final class LexiconFormatException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;

  /**
   * Creates the exception.
   *
   * @param source the file's name, e.g. {@code lexicon.tsv}
   * @param line the 1-based line number of the bad row
   * @param problem what is wrong with it
   */
  public LexiconFormatException(String source, int line, String problem) {
    super(source + ":" + line, problem);
    this.source = source;
    this.line = line;
  }

  /**
   * The file's name.
   *
   * @return the name given when reading
   */
  public String source() {
    return source;
  }

  /**
   * The line of the bad row.
   *
   * @return the 1-based line number
   */
  public int line() {
    return line;
  }
}
