package dev.spirit.storage.file;

import java.time.Duration;
import java.util.Optional;

/**
 * What a {@link FileStore} found and did when it was opened.
 *
 * @param snapshot the snapshot file it started from, if any
 * @param segmentsReplayed how many log segments it read after the snapshot
 * @param recordsReplayed how many log records it applied (snapshot records included)
 * @param tornTail the torn tail it cut off the newest segment, if there was one
 * @param removedLeftovers files of an interrupted compaction it deleted (temporary snapshot files
 *     and segments already covered by the newest snapshot)
 * @param elapsed how long opening took
 */
public record RecoveryReport(
    Optional<String> snapshot,
    int segmentsReplayed,
    long recordsReplayed,
    Optional<TornTail> tornTail,
    int removedLeftovers,
    Duration elapsed) {

  /**
   * An incomplete last write, cut off at open. Such a write was never acknowledged in {@link
   * Durability#SYNC} mode (it is what a crash during a write leaves behind).
   *
   * @param file the segment file
   * @param offset where the valid records end and the file now ends
   * @param bytesRemoved how many bytes were cut off
   */
  public record TornTail(String file, long offset, long bytesRemoved) {}

  /**
   * Whether the store was closed cleanly, or crashed at a record boundary: nothing was cut off.
   *
   * @return true if no torn tail was found
   */
  public boolean clean() {
    return tornTail.isEmpty();
  }
}
