package dev.spirit.io;

/**
 * Told how an export goes, e.g. to draw a progress bar. Called on the exporting thread; every
 * method does nothing by default. The counterpart of {@link ImportListener}.
 */
public interface ExportListener {
  /** A listener that ignores everything. */
  ExportListener NONE = new ExportListener() {};

  /**
   * The export is about to write its rows.
   *
   * @param total how many submissions the store holds for the export's filter; an open-data export
   *     writes fewer when participants did not allow publication
   */
  default void started(long total) {}

  /**
   * Some submissions were read and written (or, in an open-data export, left out). Called every
   * {@value Exporter#PROGRESS_INTERVAL} submissions and once at the end.
   *
   * @param done submissions read so far
   * @param total the total given to {@link #started}, or {@code done} if more were read
   */
  default void progress(long done, long total) {}

  /**
   * The export is complete and flushed.
   *
   * @param written how many submissions were written
   */
  default void finished(long written) {}
}
