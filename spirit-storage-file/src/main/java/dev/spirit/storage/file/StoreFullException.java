package dev.spirit.storage.file;

import dev.spirit.error.StorageException;
import java.io.IOException;
import java.util.Locale;

/**
 * The disk (or quota) holding a file store is full, so the store has stopped: the write that hit it
 * and every later call fail with this exception, and nothing that was not forced to disk was
 * acknowledged. Every acknowledged write is safe. Free space, then reopen the store.
 */
public final class StoreFullException extends StorageException {
  private static final long serialVersionUID = 1L;

  private final String directory;

  /**
   * Creates the exception.
   *
   * @param directory the store directory
   * @param cause the failed write
   */
  public StoreFullException(String directory, Throwable cause) {
    super(
        "the disk holding the file store at "
            + directory
            + " is full ("
            + cause.getMessage()
            + "), so the store has stopped and refuses further reads and writes; writes not yet"
            + " acknowledged were not stored, every acknowledged one is safe; free space and"
            + " reopen the store",
        cause);
    this.directory = directory;
  }

  /**
   * The store directory.
   *
   * @return its path as text
   */
  public String directory() {
    return directory;
  }

  /** Whether a write failed because the disk or the quota is full (ENOSPC, EDQUOT). */
  static boolean isDiskFull(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (t instanceof IOException && message != null) {
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("no space left on device") || m.contains("disk quota exceeded")) {
          return true;
        }
      }
    }
    return false;
  }
}
