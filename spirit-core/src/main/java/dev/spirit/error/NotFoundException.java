package dev.spirit.error;

/** The campaign or submission an operation names does not exist (or was erased). */
public class NotFoundException extends SpiritException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param what kind and id of the missing thing, e.g. {@code "submission 0193..."}
   */
  public NotFoundException(String what) {
    super(what + " does not exist");
  }

  /**
   * Creates the exception with advice on what to do instead.
   *
   * @param what kind and id of the missing thing, e.g. {@code "store file:./data"}
   * @param advice what the caller can do, e.g. {@code "add --create to start a new one"}
   */
  public NotFoundException(String what, String advice) {
    super(what + " does not exist; " + advice);
  }
}
