package dev.spirit.error;

/**
 * A value given to Spirit was malformed: missing, empty, too long, or containing characters that
 * are not allowed. The message names the field and the limit that was broken.
 */
public class InvalidInputException extends SpiritException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * Creates the exception.
   *
   * @param field the name of the offending field, e.g. {@code "text"} or {@code "district"}
   * @param problem what is wrong with it, e.g. {@code "must not be empty"}
   */
  public InvalidInputException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  /**
   * The field that was invalid.
   *
   * @return the field name
   */
  public String field() {
    return field;
  }
}
