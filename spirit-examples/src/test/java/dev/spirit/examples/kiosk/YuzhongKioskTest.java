package dev.spirit.examples.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.examples.report.ReportData;
import dev.spirit.submission.SubmissionStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The Yuzhong kiosk example")
class YuzhongKioskTest {
  @TempDir Path dir;

  static List<String> stores() {
    return List.of("mem:", "jdbc:h2:mem:kiosk-" + System.nanoTime(), "file:");
  }

  @ParameterizedTest(name = "on {0}")
  @MethodSource("stores")
  @DisplayName("takes the passers-by's words, keeps spam off the wall and prints the figures")
  void runs(String store) {
    String uri = store.equals("file:") ? "file:" + dir.resolve("kiosk") : store;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    ReportData figures =
        YuzhongKiosk.run(uri, new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String out = buffer.toString(StandardCharsets.UTF_8);
    assertThat(figures.total()).isEqualTo(7);
    assertThat(figures.byStatus())
        .containsEntry(SubmissionStatus.APPROVED, 6L)
        .containsEntry(SubmissionStatus.REJECTED, 1L);
    // "enthusiasm" counts as 热情 through the campaign's synonym table; ties go by term.
    assertThat(figures.topTerms(2))
        .containsExactly(new ReportData.TermCount("热情", 2), new ReportData.TermCount("耿直", 2));
    assertThat(out)
        .contains("耿直 → APPROVED", "best casino in town → REJECTED")
        .contains("top words: [TermCount[term=热情, count=2], TermCount[term=耿直, count=2]");
  }

  @Test
  @DisplayName("its main method runs on an embedded H2 database file named by its argument")
  void main() {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
      YuzhongKiosk.main(new String[] {"jdbc:h2:file:" + dir.resolve("kiosk-h2")});
    } finally {
      System.setOut(original);
    }
    assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("submissions: 7");
  }
}
