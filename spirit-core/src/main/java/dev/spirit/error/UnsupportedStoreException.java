package dev.spirit.error;

/** No storage backend on the class path accepts the given store URI. */
public class UnsupportedStoreException extends SpiritException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which URI was refused and which schemes are available
   */
  public UnsupportedStoreException(String message) {
    super(message);
  }
}
