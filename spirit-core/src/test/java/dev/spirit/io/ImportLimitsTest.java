package dev.spirit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.io.LineResult.Outcome;
import dev.spirit.io.internal.RowLimits;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Importer: over-long cells and lines")
class ImportLimitsTest {
  @TempDir Path dir;
  private final IoFixture f = new IoFixture();

  @AfterEach
  void close() {
    f.close();
  }

  /**
   * {@code head}, then {@code size} bytes of {@code fill}, then {@code tail}, never all in memory.
   */
  private static ImportSource generated(
      String name, String head, long size, byte fill, String tail) {
    return ImportSource.of(
        name,
        () ->
            new SequenceInputStream(
                Collections.enumeration(
                    List.of(
                        new ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)),
                        new Filler(size, fill),
                        new ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8))))));
  }

  // Not xlsx: a workbook cell holds at most 32,767 characters (POI refuses to write more), so
  // Excel never produces one over the limit; the same check applies to xlsx rows all the same.
  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = DataFormat.class,
      names = {"CSV", "JSON_LINES"})
  @DisplayName(
      "a cell longer than the limit refuses its row with line and reason; the other rows import")
  void longCellRefusesItsRow(DataFormat format) throws Exception {
    String huge = "长".repeat(RowLimits.MAX_CELL_CHARS + 1);
    Path file =
        IoFixture.write(
            dir,
            "long." + format.key(),
            format,
            List.of(
                List.of("text", "district", "participant"),
                List.of("耿直", "yuzhong", "p1"),
                List.of(huge, "yuzhong", "p2"),
                List.of("热情", "yuzhong", "p3")));

    ImportReport report = f.importer().build().run(IoFixture.source(file));

    assertThat(report.lines())
        .extracting(LineResult::outcome)
        .containsExactly(Outcome.IMPORTED, Outcome.REFUSED, Outcome.IMPORTED);
    LineResult refused = report.lines().get(1);
    assertThat(refused.line()).isEqualTo(format == DataFormat.JSON_LINES ? 2 : 3);
    assertThat(refused.reasons())
        .containsExactly(
            "column 'text' has 100001 characters, more than the 100000 a cell may have");
    assertThat(f.stored()).extracting(s -> s.text().original()).containsExactly("耿直", "热情");
  }

  @Test
  @DisplayName(
      "a 50 MB CSV cell without end makes the file unreadable at its line, read no further than"
          + " the parser's limit, and stores nothing")
  void csvCellWithoutEnd() {
    ImportSource source =
        generated(
            "endless.csv",
            "text,district,participant\n耿直,yuzhong,p1\n\"",
            50L << 20,
            (byte) 'x',
            "\",yuzhong,p2\n");

    assertThatThrownBy(() -> f.importer().build().run(source))
        .isInstanceOf(UnreadableInputException.class)
        .hasMessageStartingWith("endless.csv:3: has a cell longer than 1048576 characters");
    assertThat(f.stored()).isEmpty();
  }

  @Test
  @DisplayName(
      "a JSON line longer than the limit refuses that row only; reading goes on after it without"
          + " holding the line")
  void jsonLineTooLong() {
    ImportSource source =
        generated(
            "long.jsonl",
            "{\"text\":\"耿直\",\"district\":\"yuzhong\",\"participant\":\"p1\"}\n{\"text\":\"",
            RowLimits.MAX_LINE_CHARS + 10L,
            (byte) 'x',
            "\"}\r\n{\"text\":\"热情\",\"district\":\"yuzhong\",\"participant\":\"p3\"}");

    ImportReport report = f.importer().build().run(source);

    assertThat(report.lines())
        .extracting(LineResult::outcome)
        .containsExactly(Outcome.IMPORTED, Outcome.REFUSED, Outcome.IMPORTED);
    assertThat(report.lines().get(1).line()).isEqualTo(2);
    assertThat(report.lines().get(1).reasons())
        .containsExactly("is longer than 1048576 characters; row skipped");
    assertThat(report.lines().get(2).line()).isEqualTo(3);
    assertThat(f.stored()).extracting(s -> s.text().original()).containsExactly("耿直", "热情");
  }

  /** {@code size} copies of one byte. */
  private static final class Filler extends InputStream {
    private long left;
    private final byte fill;

    Filler(long size, byte fill) {
      this.left = size;
      this.fill = fill;
    }

    @Override
    public int read() {
      if (left <= 0) {
        return -1;
      }
      left--;
      return fill;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left <= 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      java.util.Arrays.fill(b, off, off + n, fill);
      left -= n;
      return n;
    }
  }
}
