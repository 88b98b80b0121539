package dev.spirit.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The segment files on their own, with real files and real forces. */
@DisplayName("Segment files append, preallocate, roll over and trim")
class SegmentFileTest {
  private static final int CHUNK = SegmentFile.PREALLOCATION_CHUNK;
  private static final int HEADER = SegmentFile.SEGMENT_HEADER.length;

  @TempDir Path dir;

  private SegmentFile openNew(long segmentBytes, boolean directIo) throws IOException {
    RandomAccessFile file = SegmentFile.createSegment(dir, 1);
    return new SegmentFile(dir, segmentBytes, 1, file, HEADER, directIo);
  }

  private Path segment(long number) {
    return dir.resolve(SegmentFile.segmentName(number));
  }

  private static byte[] bytes(int length, int seed) {
    byte[] b = new byte[length];
    for (int i = 0; i < length; i++) {
      b[i] = (byte) (1 + (seed + i) % 251); // never zero, so no byte is mistaken for padding
    }
    return b;
  }

  private static byte[] concat(byte[]... parts) {
    int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
    byte[] all = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }

  @ParameterizedTest(name = "direct I/O {0}")
  @ValueSource(booleans = {true, false})
  @DisplayName(
      "batches land one after another, the file is preallocated in whole chunks while open and"
          + " trimmed to the last byte on close")
  void appendsPreallocatesAndTrims(boolean directIo) throws IOException {
    byte[] a = bytes(100, 1);
    byte[] b = bytes(5_000, 2); // crosses a block boundary
    byte[] c = bytes(CHUNK + 3, 3); // needs a second chunk
    SegmentFile segments = openNew(1L << 30, directIo);

    segments.writeAndForce(a, a.length);
    assertThat(Files.size(segment(1))).isEqualTo(CHUNK);
    segments.writeAndForce(b, b.length);
    segments.writeAndForce(c, c.length);
    assertThat(Files.size(segment(1)) % CHUNK).isZero();
    segments.close(true);

    assertThat(Files.readAllBytes(segment(1)))
        .isEqualTo(concat(SegmentFile.SEGMENT_HEADER, a, b, c));
  }

  @Test
  @DisplayName("only the first length bytes of a batch are written; an empty batch writes nothing")
  void writesOnlyTheGivenLength() throws IOException {
    SegmentFile segments = openNew(1L << 30, false);
    byte[] batch = bytes(64, 7);

    segments.writeAndForce(batch, 10);
    segments.writeAndForce(batch, 0);
    segments.close(true);

    assertThat(Files.readAllBytes(segment(1)))
        .isEqualTo(concat(SegmentFile.SEGMENT_HEADER, Arrays.copyOf(batch, 10)));
  }

  @Test
  @DisplayName("a failed log leaves the preallocated zeros for recovery to recognise")
  void closeWithoutTrimKeepsThePreallocation() throws IOException {
    SegmentFile segments = openNew(1L << 30, false);
    byte[] a = bytes(100, 1);
    segments.writeAndForce(a, a.length);

    segments.close(false);

    byte[] file = Files.readAllBytes(segment(1));
    assertThat(file).hasSize(CHUNK);
    assertThat(SegmentFile.unusedSpaceStart(file, HEADER, file.length)).isEqualTo(HEADER + 100);
  }

  @ParameterizedTest(name = "direct I/O {0}")
  @ValueSource(booleans = {true, false})
  @DisplayName(
      "a segment that reached its size rolls over before the next batch; the full one is trimmed")
  void rollsOverWhenFull(boolean directIo) throws IOException {
    byte[] a = bytes(3_000, 1);
    byte[] b = bytes(10, 2);
    SegmentFile segments = openNew(2_000, directIo);

    segments.writeAndForce(a, a.length); // the segment may grow past its size by one batch
    segments.writeAndForce(b, b.length);
    segments.close(true);

    assertThat(Files.readAllBytes(segment(1))).isEqualTo(concat(SegmentFile.SEGMENT_HEADER, a));
    assertThat(Files.readAllBytes(segment(2))).isEqualTo(concat(SegmentFile.SEGMENT_HEADER, b));
  }

  @Test
  @DisplayName("roll starts the next segment on request and returns its number")
  void rollOnRequest() throws IOException {
    SegmentFile segments = openNew(1L << 30, true);
    byte[] a = bytes(10, 1);
    segments.writeAndForce(a, a.length);

    assertThat(segments.roll()).isEqualTo(2);
    segments.writeAndForce(a, a.length);
    segments.close(true);

    assertThat(Files.readAllBytes(segment(1))).isEqualTo(concat(SegmentFile.SEGMENT_HEADER, a));
    assertThat(Files.readAllBytes(segment(2))).isEqualTo(concat(SegmentFile.SEGMENT_HEADER, a));
  }

  @Test
  @DisplayName("a reopened tail that ends inside a block keeps every byte before its end")
  void reopensInsideABlock() throws IOException {
    byte[] a = bytes(777, 1);
    SegmentFile first = openNew(1L << 30, true);
    first.writeAndForce(a, a.length);
    first.close(true);

    byte[] b = bytes(5_555, 2);
    RandomAccessFile tail = new RandomAccessFile(segment(1).toFile(), "rw");
    SegmentFile reopened = new SegmentFile(dir, 1L << 30, 1, tail, HEADER + a.length, true);
    reopened.writeAndForce(b, b.length);
    reopened.close(true);

    assertThat(Files.readAllBytes(segment(1))).isEqualTo(concat(SegmentFile.SEGMENT_HEADER, a, b));
  }

  @Test
  @DisplayName("a segment is never created over an existing file")
  void createRefusesAnExistingFile() throws IOException {
    SegmentFile.createSegment(dir, 5).close();

    assertThat(Files.readAllBytes(segment(5))).isEqualTo(SegmentFile.SEGMENT_HEADER);
    assertThatThrownBy(() -> SegmentFile.createSegment(dir, 5))
        .isInstanceOf(FileAlreadyExistsException.class);
  }

  @ParameterizedTest(name = "length {0}, frames end at {1}, last non-zero byte before {2}: {3}")
  @CsvSource({
    // a trimmed (or never preallocated) segment: every byte counts
    "1000, 100, 1000, 1000",
    // a whole number of chunks: the zeros at the end are unused space
    CHUNK + ", 100, 500, 500",
    CHUNK + ", 100, 100, 100",
    // the last byte is not zero: nothing is unused
    CHUNK + ", 100, " + CHUNK + ", " + CHUNK,
  })
  void unusedSpace(int length, int framesEnd, int nonZeroEnd, int expected) {
    byte[] buf = new byte[length];
    Arrays.fill(buf, 0, nonZeroEnd, (byte) 7);

    assertThat(SegmentFile.unusedSpaceStart(buf, framesEnd, length)).isEqualTo(expected);
  }
}
