package dev.spirit.error;

/**
 * The storage backend failed: an I/O error, a lost connection, a corrupt file. Data already
 * acknowledged is not affected unless the subclass says so.
 */
public class StorageException extends SpiritException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   */
  public StorageException(String message) {
    super(message);
  }

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param cause the underlying failure
   */
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
