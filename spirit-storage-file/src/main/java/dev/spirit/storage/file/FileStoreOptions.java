package dev.spirit.storage.file;

import dev.spirit.error.InvalidInputException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How a {@link FileStore} is opened.
 *
 * @param directory the store directory; holds the lock file, log segments and snapshots
 * @param durability when writes are acknowledged
 * @param asyncWindow in {@link Durability#ASYNC} mode, the longest time an acknowledged write may
 *     stay unforced (the loss window); ignored in {@link Durability#SYNC} mode
 * @param segmentBytes the size at which the log rolls over to a new segment file (a segment may
 *     exceed it by one commit batch)
 * @param createIfMissing whether to create the directory (and its parents) if it does not exist
 * @param directIo whether to write the log with direct I/O ({@code O_DIRECT}) where the file system
 *     offers it: the data goes straight to the device instead of through the page cache, which
 *     makes each commit's force cheaper; where the file system refuses it, or when false, the log
 *     is written through the page cache. Durability is the same either way: every commit is forced
 *     with {@code fdatasync}.
 * @param yieldWhileWaiting whether a writer waiting in {@link Durability#SYNC} mode for a quick
 *     force first yields its processor ({@link Thread#yield}) for up to a millisecond instead of
 *     parking at once: many concurrent writers on a fast disk are markedly faster that way (see
 *     {@code docs/performance.md}), but a yielding thread keeps its processor busy while no other
 *     thread wants it, so turn it off where processor time is capped or billed (a container's CPU
 *     quota, say). Writers never yield when forces take longer than about half a millisecond.
 */
public record FileStoreOptions(
    Path directory,
    Durability durability,
    Duration asyncWindow,
    long segmentBytes,
    boolean createIfMissing,
    boolean directIo,
    boolean yieldWhileWaiting) {
  /** Default segment size: 64 MiB. */
  public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;

  /** Default loss window of {@link Durability#ASYNC} mode: 100 ms. */
  public static final Duration DEFAULT_ASYNC_WINDOW = Duration.ofMillis(100);

  /** Smallest segment size accepted: 4 KiB (small segments are for tests). */
  public static final long MIN_SEGMENT_BYTES = 4096;

  /** Largest segment size accepted: 1 GiB. */
  public static final long MAX_SEGMENT_BYTES = 1L << 30;

  public FileStoreOptions {
    if (directory == null) {
      throw new InvalidInputException("directory", "must not be null");
    }
    if (durability == null) {
      throw new InvalidInputException("durability", "must not be null");
    }
    if (asyncWindow == null
        || asyncWindow.isNegative()
        || asyncWindow.isZero()
        || asyncWindow.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new InvalidInputException(
          "asyncWindow", "must be between 1 ms and 1 minute, was " + asyncWindow);
    }
    if (asyncWindow.toMillis() < 1) {
      throw new InvalidInputException("asyncWindow", "must be at least 1 ms, was " + asyncWindow);
    }
    if (segmentBytes < MIN_SEGMENT_BYTES || segmentBytes > MAX_SEGMENT_BYTES) {
      throw new InvalidInputException(
          "segmentBytes",
          "must be between "
              + MIN_SEGMENT_BYTES
              + " and "
              + MAX_SEGMENT_BYTES
              + ", was "
              + segmentBytes);
    }
  }

  /**
   * Options for a durable ({@link Durability#SYNC}) store in {@code directory}, with defaults.
   *
   * @param directory the store directory
   * @return the options
   */
  public static FileStoreOptions of(Path directory) {
    return builder(directory).build();
  }

  /**
   * Starts options for a store in {@code directory}.
   *
   * @param directory the store directory
   * @return a builder with defaults: SYNC, 100 ms async window, 64 MiB segments, create if missing,
   *     direct I/O where available, waiting writers yield while forces are quick
   */
  public static Builder builder(Path directory) {
    return new Builder(directory);
  }

  /** Builds {@link FileStoreOptions}. */
  public static final class Builder {
    private final Path directory;
    private Durability durability = Durability.SYNC;
    private Duration asyncWindow = DEFAULT_ASYNC_WINDOW;
    private long segmentBytes = DEFAULT_SEGMENT_BYTES;
    private boolean createIfMissing = true;
    private boolean directIo = true;
    private boolean yieldWhileWaiting = true;

    private Builder(Path directory) {
      this.directory = directory;
    }

    /**
     * Sets the durability (default {@link Durability#SYNC}).
     *
     * @param value the durability
     * @return this builder
     */
    public Builder durability(Durability value) {
      this.durability = value;
      return this;
    }

    /**
     * Chooses {@link Durability#ASYNC} with the given loss window.
     *
     * @param window the longest time an acknowledged write may stay unforced
     * @return this builder
     */
    public Builder async(Duration window) {
      this.durability = Durability.ASYNC;
      this.asyncWindow = window;
      return this;
    }

    /**
     * Sets the loss window of {@link Durability#ASYNC} mode (default 100 ms) without choosing the
     * mode.
     *
     * @param value the window
     * @return this builder
     */
    public Builder asyncWindow(Duration value) {
      this.asyncWindow = value;
      return this;
    }

    /**
     * Sets the segment size (default 64 MiB).
     *
     * @param value bytes
     * @return this builder
     */
    public Builder segmentBytes(long value) {
      this.segmentBytes = value;
      return this;
    }

    /**
     * Sets whether a missing directory is created (default true).
     *
     * @param value true to create it
     * @return this builder
     */
    public Builder createIfMissing(boolean value) {
      this.createIfMissing = value;
      return this;
    }

    /**
     * Sets whether the log is written with direct I/O where the file system offers it (default
     * true); see {@link FileStoreOptions#directIo()}.
     *
     * @param value false to always write through the page cache
     * @return this builder
     */
    public Builder directIo(boolean value) {
      this.directIo = value;
      return this;
    }

    /**
     * Sets whether a writer waiting for a quick force yields its processor before it parks (default
     * true); see {@link FileStoreOptions#yieldWhileWaiting()}.
     *
     * @param value false to park waiting writers at once
     * @return this builder
     */
    public Builder yieldWhileWaiting(boolean value) {
      this.yieldWhileWaiting = value;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the validated options
     * @throws InvalidInputException naming the first invalid value
     */
    public FileStoreOptions build() {
      return new FileStoreOptions(
          directory,
          durability,
          asyncWindow,
          segmentBytes,
          createIfMissing,
          directIo,
          yieldWhileWaiting);
    }
  }
}
