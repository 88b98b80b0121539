package dev.spirit.error;

/**
 * An update was based on a stale copy: someone else changed the record first. Re-read it and decide
 * again.
 */
public class VersionConflictException extends SpiritException {
  private static final long serialVersionUID = 1L;

  private final long expectedVersion;
  private final long actualVersion;

  /**
   * Creates the exception.
   *
   * @param what kind and id of the record
   * @param expectedVersion the version the caller based its change on
   * @param actualVersion the version currently stored
   */
  public VersionConflictException(String what, long expectedVersion, long actualVersion) {
    super(
        what
            + " was changed concurrently: expected version "
            + expectedVersion
            + " but found "
            + actualVersion);
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  /**
   * The version the caller expected.
   *
   * @return expected version
   */
  public long expectedVersion() {
    return expectedVersion;
  }

  /**
   * The version found in the store.
   *
   * @return stored version
   */
  public long actualVersion() {
    return actualVersion;
  }
}
