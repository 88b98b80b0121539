package dev.spirit.storage.file;

/** When a write to a {@link FileStore} is acknowledged. */
public enum Durability {
  /**
   * A write returns only after the log has been forced to disk ({@code fsync}) past its record.
   * Concurrent writers share one force (group commit). A power loss loses nothing acknowledged.
   */
  SYNC,
  /**
   * A write returns once its record is queued; a background flusher writes and forces the queue at
   * least every {@link FileStoreOptions#asyncWindow()}. A crash of the process or machine loses the
   * writes of at most that window (plus the queue bound in bytes), never more, and never leaves a
   * half record.
   */
  ASYNC
}
