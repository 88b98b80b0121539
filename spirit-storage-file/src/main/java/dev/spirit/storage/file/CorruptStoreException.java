package dev.spirit.storage.file;

import dev.spirit.error.StorageException;

/**
 * A store file is damaged somewhere other than a torn tail of the newest log segment, so opening it
 * would silently lose acknowledged data. Nothing was changed on disk. Restore the named file from a
 * backup, or move it aside knowingly.
 */
public final class CorruptStoreException extends StorageException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long offset;

  /**
   * Creates the exception.
   *
   * @param file the damaged file
   * @param offset byte offset of the first bad record in it
   * @param detail what is wrong there
   */
  public CorruptStoreException(String file, long offset, String detail) {
    super("the file store is corrupt: " + file + " at byte offset " + offset + ": " + detail);
    this.file = file;
    this.offset = offset;
  }

  /**
   * The damaged file.
   *
   * @return its path as text
   */
  public String file() {
    return file;
  }

  /**
   * Byte offset of the first bad record in {@link #file()}.
   *
   * @return the offset
   */
  public long offset() {
    return offset;
  }
}
