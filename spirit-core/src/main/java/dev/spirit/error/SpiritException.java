package dev.spirit.error;

/**
 * Root of every exception Spirit throws on purpose. Catch this to handle any Spirit failure, or one
 * of its subclasses to handle a specific one.
 */
public class SpiritException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, in words a caller can show or log
   */
  public SpiritException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public SpiritException(String message, Throwable cause) {
    super(message, cause);
  }
}
