package dev.spirit.error;

/** Something was created with an id or unique name that is already taken. */
public class AlreadyExistsException extends SpiritException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param what kind and key of the existing thing, e.g. {@code "campaign slug 'spirit-2026'"}
   */
  public AlreadyExistsException(String what) {
    super(what + " already exists");
  }
}
