package dev.spirit.storage.file;

/** When a write to a {@link FileStore} is acknowledged. */
public enum Durability {
  /**
   * A write returns only after the log has been forced to disk ({@code fsync}) past its record.
   * Concurrent writers share one force (group commit). A power loss loses nothing acknowledged.
   */
  SYNC,
  /**
   * A write returns once its record is queued; a background flusher starts a write and force of the
   * queue every {@link FileStoreOptions#asyncWindow()}, and writers wait once 8 MiB are queued. A
   * crash of the process or machine loses the writes acknowledged since the last completed flush:
   * about one window, plus however long that flush takes on a slow disk, at most 8 MiB of records.
   * What is lost is always a suffix of the log, never a half record or a gap.
   */
  ASYNC
}
