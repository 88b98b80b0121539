package dev.spirit.storage.file;

import dev.spirit.error.StorageException;
import java.util.OptionalLong;

/**
 * The store directory is already open in another process (or elsewhere in this one): a file store
 * has a single writer. Close the other store, or wait for the other process to end; for several
 * processes on one store use a database store ({@code jdbc:postgresql:}, {@code jdbc:mariadb:}), or
 * talk to the process that has it open through its API. The message says so ({@link #ADVICE}).
 */
public final class StoreLockedException extends StorageException {
  private static final long serialVersionUID = 1L;

  /** What to do instead, part of the message. */
  public static final String ADVICE =
      "To run several processes on one store, use a database store (jdbc:postgresql:,"
          + " jdbc:mariadb:) for several processes, or the running server's API (spirit serve)"
          + " instead of opening its directory a second time";

  private final String directory;
  private final long holderPid;

  /**
   * Creates the exception.
   *
   * @param directory the store directory
   * @param holderPid the process id written by the holder, or -1 if unknown
   */
  public StoreLockedException(String directory, long holderPid) {
    super(
        "the file store at "
            + directory
            + " is already open in "
            + (holderPid >= 0 ? "process " + holderPid : "another process (pid unknown)")
            + "; a file store allows one process at a time. "
            + ADVICE);
    this.directory = directory;
    this.holderPid = holderPid;
  }

  /**
   * The locked store directory.
   *
   * @return its path as text
   */
  public String directory() {
    return directory;
  }

  /**
   * The process id of the holder, as it wrote it into the lock file.
   *
   * @return the pid, or empty if unknown
   */
  public OptionalLong holderPid() {
    return holderPid >= 0 ? OptionalLong.of(holderPid) : OptionalLong.empty();
  }
}
