package dev.spirit.benchmarks.file;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The physical limit of one writer on this disk: append a record-sized block (500 bytes) and force
 * it, in the same directory the store benchmarks use. Measured three ways: {@code FileChannel.write
 * + force(false)} (fdatasync) and {@code RandomAccessFile.write + FileDescriptor.sync()} (fsync),
 * both growing the file, and {@code FileChannel.write + force(false)} into a file preallocated with
 * zeros (what the file store did before it wrote directly), and {@code FileChannel.write +
 * force(false)} of whole 4 KiB blocks with direct I/O ({@code O_DIRECT}) into a preallocated file,
 * rewriting the block the last record ended in as the store does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(1)
public class RawFsyncBenchmark {
  private static final int PREALLOCATED_BYTES = 64 << 20;
  private final byte[] record = new byte[500];
  private Path dir;
  private FileChannel channel;
  private RandomAccessFile file;
  private FileChannel preallocated;
  private FileChannel direct;
  private ByteBuffer block;
  private long directPosition;
  private long position;
  private long filePosition;
  private long preallocatedPosition;

  /** Opens fresh files: two growing, two preallocated (one for direct I/O). */
  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = BenchData.tempDir("raw-fsync");
    channel =
        FileChannel.open(
            dir.resolve("channel.bin"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    file = new RandomAccessFile(dir.resolve("raf.bin").toFile(), "rw");
    preallocated =
        FileChannel.open(
            dir.resolve("preallocated.bin"),
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE);
    preallocate(preallocated);
    preallocated.force(true);
    Path directFile = dir.resolve("direct.bin");
    try (FileChannel zeros =
        FileChannel.open(directFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      preallocate(zeros);
      zeros.force(true);
    }
    direct = FileChannel.open(directFile, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
    int alignment = (int) Math.max(4096, Files.getFileStore(directFile).getBlockSize());
    block = ByteBuffer.allocateDirect(2 * alignment).alignedSlice(alignment);
    block.limit(alignment);
    java.util.Arrays.fill(record, (byte) 'x');
  }

  private static void preallocate(FileChannel channel) throws IOException {
    ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
    for (long at = 0; at < PREALLOCATED_BYTES; at += zeros.capacity()) {
      zeros.clear();
      while (zeros.hasRemaining()) {
        channel.write(zeros, at + zeros.position());
      }
    }
  }

  /** Closes and deletes them. */
  @TearDown(Level.Trial)
  public void close() throws IOException {
    channel.close();
    file.close();
    preallocated.close();
    direct.close();
    BenchData.delete(dir);
  }

  /**
   * Append and fdatasync through a FileChannel.
   *
   * @throws IOException if the disk fails
   */
  @Benchmark
  public void channelWriteForce() throws IOException {
    ByteBuffer b = ByteBuffer.wrap(record);
    while (b.hasRemaining()) {
      position += channel.write(b, position);
    }
    channel.force(false);
  }

  /**
   * Append and fsync through a RandomAccessFile.
   *
   * @throws IOException if the disk fails
   */
  @Benchmark
  public void randomAccessWriteSync() throws IOException {
    file.seek(filePosition);
    file.write(record);
    filePosition += record.length;
    file.getFD().sync();
  }

  /**
   * Overwrite zeros preallocated in a 64 MiB file and fdatasync (wraps around at the end).
   *
   * @throws IOException if the disk fails
   */
  @Benchmark
  public void preallocatedWriteForce() throws IOException {
    if (preallocatedPosition + record.length > PREALLOCATED_BYTES) {
      preallocatedPosition = 0;
    }
    ByteBuffer b = ByteBuffer.wrap(record);
    while (b.hasRemaining()) {
      preallocatedPosition += preallocated.write(b, preallocatedPosition);
    }
    preallocated.force(false);
  }

  /**
   * Rewrite the 4 KiB block a 500-byte record ends in with direct I/O and fdatasync, 500 bytes
   * further each time, in a preallocated 64 MiB file (wraps around at the end): what the file
   * store's log does for a lone writer.
   *
   * @throws IOException if the disk fails
   */
  @Benchmark
  public void directBlockWriteForce() throws IOException {
    int alignment = block.limit();
    if (directPosition + record.length > PREALLOCATED_BYTES) {
      directPosition = 0;
    }
    long blockStart = directPosition - directPosition % alignment;
    directPosition += record.length;
    ByteBuffer b = block.duplicate().position(0).limit(alignment);
    long at = blockStart;
    while (b.hasRemaining()) {
      at += direct.write(b, at);
    }
    direct.force(false);
  }
}
