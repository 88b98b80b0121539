package dev.spirit.error;

/** The caller may not do this to this record, e.g. withdraw someone else's submission. */
public class NotPermittedException extends SpiritException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was refused and why
   */
  public NotPermittedException(String message) {
    super(message);
  }
}
