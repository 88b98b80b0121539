package dev.spirit.storage.file;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The segment files of the log, as the writing side sees them: the open tail segment, which a batch
 * of frames is appended to and forced in ({@link #writeAndForce}), rolled over to the next segment
 * when full or on request ({@link #roll}), trimmed and closed at the end. It knows nothing of
 * writers or batching; {@link GroupCommit} decides when to write, and calls it from one thread at a
 * time.
 *
 * <p><b>Aligned writes.</b> A batch is written in whole blocks, starting with the partial block the
 * previous batch ended in, whose bytes are kept in memory, and padded with zeros (the preallocated
 * space holds zeros there anyway). That is what direct I/O ({@code O_DIRECT}) needs, and with it
 * the data goes straight to the device instead of through the page cache, so the {@code fdatasync}
 * that follows has only the device cache to flush: on the machines Spirit is measured on, commits
 * are markedly cheaper (see "Run with direct I/O" in {@code
 * docs/notes/2026-11-benchmark-notebook.md}). Where the file system refuses {@code O_DIRECT} (or
 * {@link FileStoreOptions#directIo()} is off) the same aligned writes go through the page cache.
 *
 * <p><b>Interrupts.</b> Writes and forces go through a {@link FileChannel}, which an interrupt
 * closes, and a writer thread may flush; so each operation holds the interrupt back and, should the
 * channel still be closed by one, reopens the file and repeats the operation, which is idempotent
 * (see {@link #onChannel}). An application that interrupts its threads cannot stop the store.
 *
 * <p><b>Preallocation.</b> A segment grows in {@link #PREALLOCATION_CHUNK}-sized chunks of zeros,
 * written and forced together with the batch that first needs them, so most commits overwrite
 * blocks that are already allocated and inside the file size: their {@code fdatasync} has no file
 * size or block map to update, only the data. A closed (or rolled) segment is trimmed back to its
 * last record. After a crash, the unused zeros of a segment whose length is a whole number of
 * chunks are recognised as preallocated space, not as a torn write (see {@link #unusedSpaceStart}).
 */
final class SegmentFile implements GroupCommit.Target {
  private static final Logger LOG = LoggerFactory.getLogger(FileStore.class);

  /** The first bytes of every segment. */
  static final byte[] SEGMENT_HEADER = "SPIRIT-LOG 1\n".getBytes(StandardCharsets.US_ASCII);

  /** Segments are extended by this many zero bytes at a time, to a multiple of it. */
  static final int PREALLOCATION_CHUNK = 256 << 10;

  /** Size of the aligned buffer a batch is written through (a bigger batch takes several). */
  private static final int WRITE_BUFFER = 1 << 20;

  /** Block alignment of the writes; a multiple of the file system's block size if direct. */
  private static final int DEFAULT_ALIGNMENT = 4096;

  /** Largest block size direct I/O is used with; the padding of a write is shorter. */
  private static final int MAX_ALIGNMENT = 64 << 10;

  private static final byte[] PADDING = new byte[MAX_ALIGNMENT];

  private final Path directory;
  private final long segmentBytes;
  private final boolean direct;
  private final int alignment;
  // aligned; holds the segment's bytes from blockStart to size, the last partial block
  private final ByteBuffer block;
  private @Nullable ByteBuffer zeros;
  private FileChannel channel;
  private long segmentNumber;
  private long blockStart;
  private long size;
  private long allocated;

  /**
   * Takes over the open tail segment.
   *
   * @param directory the store directory, where the segments are
   * @param segmentBytes a segment is rolled over once it holds at least this many bytes
   * @param segmentNumber the tail segment's number
   * @param file the tail segment, read for its last partial block and then closed
   * @param size where the tail segment's last intact frame ends
   * @param directIo whether to try direct I/O
   */
  SegmentFile(
      Path directory,
      long segmentBytes,
      long segmentNumber,
      RandomAccessFile file,
      long size,
      boolean directIo)
      throws IOException {
    this.directory = directory;
    this.segmentBytes = segmentBytes;
    this.segmentNumber = segmentNumber;
    this.size = size;
    Path path = directory.resolve(segmentName(segmentNumber));
    int directAlignment = directIo ? directAlignment(path) : 0;
    FileChannel opened = directAlignment > 0 ? openDirect(path) : null;
    this.direct = opened != null;
    this.alignment = opened != null ? directAlignment : DEFAULT_ALIGNMENT;
    this.block = ByteBuffer.allocateDirect(WRITE_BUFFER + alignment).alignedSlice(alignment);
    this.blockStart = size - size % alignment;
    try (file) {
      this.allocated = Math.max(size, file.length());
      byte[] tail = new byte[(int) (size - blockStart)];
      file.seek(blockStart);
      file.readFully(tail);
      block.put(0, tail);
      this.channel = opened != null ? opened : openChannel(path, false);
    } catch (IOException | RuntimeException e) {
      if (opened != null) {
        opened.close();
      }
      throw e;
    }
  }

  /** Whether the segments are written with direct I/O (the file system accepted it). */
  boolean writesDirect() {
    return direct;
  }

  /** The file name of segment {@code number}. */
  static String segmentName(long number) {
    return String.format(Locale.ROOT, "segment-%016d.log", number);
  }

  /** Creates a new segment durably: header written and forced, directory entry forced. */
  static RandomAccessFile createSegment(Path directory, long number) throws IOException {
    Path path = directory.resolve(segmentName(number));
    if (Files.exists(path)) {
      throw new FileAlreadyExistsException(path.toString());
    }
    RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw");
    try {
      file.write(SEGMENT_HEADER);
      file.getFD().sync();
      FileSupport.forceDirectory(directory);
      return file;
    } catch (IOException | RuntimeException e) {
      file.close();
      throw e;
    }
  }

  /**
   * Where the unused, preallocated space at the end of a segment starts, for recovery: a segment
   * whose length is a whole number of {@link #PREALLOCATION_CHUNK}s was preallocated by an open
   * store that did not get to trim it, so the zero bytes at its end were never written. Any other
   * length means the file was trimmed (closed cleanly) or never preallocated; then every byte
   * counts.
   *
   * @param buf the whole segment in its first {@code length} bytes
   * @param from where the intact frames end
   * @param length the segment's length
   * @return the offset after the last non-zero byte at or after {@code from} if the segment is
   *     preallocated, otherwise {@code length}
   */
  static int unusedSpaceStart(byte[] buf, int from, int length) {
    if (length % PREALLOCATION_CHUNK != 0) {
      return length;
    }
    int end = length;
    while (end > from && buf[end - 1] == 0) {
      end--;
    }
    return end;
  }

  /**
   * Writes a batch after the last record and forces it: rolls over first if the segment is full,
   * preallocates what the batch needs, then writes it in whole aligned blocks, the partial block it
   * starts in included (its bytes are kept in {@link #block}). The padding past the batch is zeros,
   * which the preallocated space holds there anyway. An empty batch writes nothing.
   */
  @Override
  public void writeAndForce(byte[] batch, int length) throws IOException {
    if (length == 0) {
      return;
    }
    if (size >= segmentBytes) {
      roll();
    }
    long end = size + length;
    if (roundUp(end) > allocated) {
      preallocate(end);
    }
    int offset = 0;
    while (offset < length) {
      int kept = (int) (size - blockStart);
      int n = Math.min(length - offset, block.capacity() - kept);
      block.put(kept, batch, offset, n);
      int used = kept + n;
      int padded = (int) roundUp(used);
      block.put(used, PADDING, 0, padded - used);
      ByteBuffer whole = block.duplicate().position(0).limit(padded);
      long at = blockStart;
      onChannel(c -> FileSupport.writeFully(c, whole.duplicate(), at));
      size += n;
      offset += n;
      long nextBlockStart = size - size % alignment;
      int carry = (int) (size - nextBlockStart);
      if (nextBlockStart != blockStart) {
        block.put(0, block, (int) (nextBlockStart - blockStart), carry);
        blockStart = nextBlockStart;
      }
    }
    onChannel(c -> c.force(false));
  }

  /**
   * Starts the next segment (created durably) and trims the current one; every later write goes to
   * the new one.
   *
   * @return the new segment's number
   */
  @Override
  public long roll() throws IOException {
    Path next = directory.resolve(segmentName(segmentNumber + 1));
    createSegment(directory, segmentNumber + 1).close();
    trim();
    FileChannel opened = openChannel(next, direct);
    FileChannel previous = channel;
    channel = opened;
    segmentNumber++;
    size = SEGMENT_HEADER.length;
    allocated = size;
    blockStart = 0;
    block.put(0, SEGMENT_HEADER);
    previous.close();
    return segmentNumber;
  }

  /**
   * Closes the tail segment, trimmed back to its last record unless the log failed (then the file
   * is left as it is, for recovery to judge).
   */
  @Override
  public void close(boolean trim) throws IOException {
    try {
      if (trim) {
        trim();
      }
    } finally {
      channel.close();
    }
  }

  private long roundUp(long position) {
    return (position + alignment - 1) / alignment * alignment;
  }

  /**
   * Extends the segment with zeros to the next chunk boundary past {@code end}; the force of the
   * batch that follows makes them durable with it. The zeros start at the first whole block not yet
   * allocated (the batch's own padded write covers a partial one). If the disk is full, the zeros
   * written so far are cut off again before the failure is reported.
   */
  private void preallocate(long end) throws IOException {
    long target = (end / PREALLOCATION_CHUNK + 1) * PREALLOCATION_CHUNK;
    ByteBuffer source = zeros;
    if (source == null) {
      source = ByteBuffer.allocateDirect(PREALLOCATION_CHUNK + alignment).alignedSlice(alignment);
      source.limit(PREALLOCATION_CHUNK);
      zeros = source;
    }
    ByteBuffer chunk = source;
    try {
      for (long from = roundUp(allocated); from < target; ) {
        long at = from;
        int n = (int) Math.min(PREALLOCATION_CHUNK, target - at);
        onChannel(c -> FileSupport.writeFully(c, chunk.duplicate().position(0).limit(n), at));
        from += n;
      }
    } catch (IOException e) {
      try {
        onChannel(c -> c.truncate(size));
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    allocated = target;
  }

  /** Cuts the unused preallocated zeros off the segment (a crash before this is harmless). */
  private void trim() throws IOException {
    if (allocated > size) {
      onChannel(c -> c.truncate(size));
      onChannel(c -> c.force(false));
      allocated = size;
    }
  }

  /** One operation on the segment's channel; see {@link #onChannel}. */
  private interface ChannelOperation {
    void apply(FileChannel channel) throws IOException;
  }

  /**
   * Runs an operation on the segment's channel so that an interrupt cannot stop it. Only a {@link
   * FileChannel} offers {@code fdatasync} and direct I/O, and an interrupt that reaches a thread
   * blocked in one closes it. A writer thread may flush, so the interrupt is held back meanwhile;
   * if one still closes the channel, it is reopened and the operation repeated (every operation
   * here is idempotent: a write of the same bytes to the same place, a force, a truncate; {@code
   * fdatasync} covers every write to the file, through whichever descriptor).
   */
  private void onChannel(ChannelOperation operation) throws IOException {
    boolean interrupted = Thread.interrupted();
    try {
      while (true) {
        try {
          operation.apply(channel);
          return;
        } catch (ClosedByInterruptException e) {
          interrupted |= Thread.interrupted();
          channel = openChannel(directory.resolve(segmentName(segmentNumber)), direct);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static FileChannel openChannel(Path path, boolean direct) throws IOException {
    OpenOption[] options =
        direct
            ? new OpenOption[] {StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT}
            : new OpenOption[] {StandardOpenOption.WRITE};
    return FileChannel.open(path, options);
  }

  /**
   * Opens a segment for direct I/O (no copy through the page cache, so a force has only the device
   * cache to flush), or returns null where the file system does not offer it.
   */
  private static @Nullable FileChannel openDirect(Path path) {
    try {
      return openChannel(path, true);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.debug("no direct I/O for {}, writing through the page cache: {}", path, e.toString());
      return null;
    }
  }

  /** The alignment direct I/O needs on the file system of {@code path}, or 0 if unknown. */
  private static int directAlignment(Path path) {
    try {
      long blockSize = Files.getFileStore(path).getBlockSize();
      if (blockSize <= 0 || blockSize > MAX_ALIGNMENT || Long.bitCount(blockSize) != 1) {
        return 0;
      }
      return (int) Math.max(blockSize, DEFAULT_ALIGNMENT);
    } catch (IOException | UnsupportedOperationException e) {
      return 0;
    }
  }
}
