package dev.spirit.io;

import dev.spirit.error.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.Callable;

/**
 * Where an import reads from: a name (for messages and the submissions' import batch) and a way to
 * open the bytes, which the importer may call more than once. It reads the whole input once to
 * check it (encoding, structure, row count) before it submits anything, so that a corrupt file is
 * refused before a single row of it is stored; then it reads it again to import.
 *
 * @param name the file name, e.g. {@code mailbox-cards.csv}; not part of any idempotency key
 * @param opener opens a fresh stream over the same bytes on every call (a {@link Callable}, so that
 *     {@code () -> Files.newInputStream(path)} fits; the importer closes the stream)
 */
public record ImportSource(String name, Callable<InputStream> opener) {
  public ImportSource {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("source.name", "must not be blank");
    }
    if (opener == null) {
      throw new InvalidInputException("source.opener", "must not be null");
    }
  }

  /**
   * A source that opens the same stream each time, e.g. {@code () -> Files.newInputStream(path)}.
   *
   * @param name the file name
   * @param opener opens the bytes
   * @return the source
   */
  public static ImportSource of(String name, Callable<InputStream> opener) {
    return new ImportSource(name, opener);
  }

  /**
   * A source over bytes in memory.
   *
   * @param name the file name
   * @param bytes the content (not copied; do not change it during the import)
   * @return the source
   */
  public static ImportSource ofBytes(String name, byte[] bytes) {
    return new ImportSource(name, () -> new ByteArrayInputStream(bytes));
  }
}
