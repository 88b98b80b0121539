package dev.spirit.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Test helpers that look at a store directory's files the way an operator would. */
final class StoreFiles {
  private StoreFiles() {}

  /**
   * Asserts that opening the store in {@code dir} is refused with {@link CorruptStoreException}
   * naming {@code file} and {@code offset}, in its fields and in its message.
   */
  static void assertOpenRefused(Path dir, Path file, long offset) {
    assertThatThrownBy(() -> FileStore.open(dir))
        .isInstanceOfSatisfying(
            CorruptStoreException.class,
            e -> {
              assertThat(e.file()).isEqualTo(file.toString());
              assertThat(e.offset()).isEqualTo(offset);
              assertThat(e.getMessage()).contains(file + " at byte offset " + offset);
            });
  }

  static List<Path> segments(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().matches("segment-\\d{16}\\.log"))
          .sorted()
          .toList();
    }
  }

  static Path lastSegment(Path dir) throws IOException {
    List<Path> all = segments(dir);
    return all.get(all.size() - 1);
  }

  /** Byte offsets where the frames of a segment start, found by walking the length fields. */
  static List<Integer> frameStarts(byte[] segment) {
    return frameStarts(segment, SegmentFile.SEGMENT_HEADER.length);
  }

  static List<Integer> frameStarts(byte[] segment, int headerLength) {
    List<Integer> starts = new ArrayList<>();
    int pos = headerLength;
    while (pos + Frames.OVERHEAD <= segment.length) {
      starts.add(pos);
      int n =
          ((segment[pos] & 0xff) << 24)
              | ((segment[pos + 1] & 0xff) << 16)
              | ((segment[pos + 2] & 0xff) << 8)
              | (segment[pos + 3] & 0xff);
      pos += n + Frames.OVERHEAD;
    }
    return starts;
  }

  /** Whether a byte sequence occurs anywhere in any file of the directory. */
  static boolean anyFileContains(Path dir, byte[] needle) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        byte[] content = Files.readAllBytes(f);
        outer:
        for (int i = 0; i + needle.length <= content.length; i++) {
          for (int j = 0; j < needle.length; j++) {
            if (content[i + j] != needle[j]) {
              continue outer;
            }
          }
          return true;
        }
      }
    }
    return false;
  }
}
