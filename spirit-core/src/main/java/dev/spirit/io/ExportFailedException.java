package dev.spirit.io;

import dev.spirit.error.SpiritException;

/**
 * An export could not be written: the output failed, or the format needs a library that is not on
 * the class path (POI for xlsx). What was written before is incomplete and should be discarded.
 */
public class ExportFailedException extends SpiritException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong
   */
  public ExportFailedException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public ExportFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
