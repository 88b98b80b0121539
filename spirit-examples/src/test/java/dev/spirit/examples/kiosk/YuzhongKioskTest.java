package dev.spirit.examples.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.examples.report.ReportData;
import dev.spirit.submission.SubmissionStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The Yuzhong kiosk example")
class YuzhongKioskTest {
  @Test
  @DisplayName("takes the passers-by's words, keeps spam off the wall and prints the figures")
  void runs() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    ReportData figures =
        YuzhongKiosk.run("mem:", new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String out = buffer.toString(StandardCharsets.UTF_8);
    assertThat(figures.total()).isEqualTo(7);
    assertThat(figures.byStatus())
        .containsEntry(SubmissionStatus.APPROVED, 6L)
        .containsEntry(SubmissionStatus.REJECTED, 1L);
    assertThat(figures.topTerms(1)).containsExactly(new ReportData.TermCount("耿直", 2));
    assertThat(out)
        .contains("耿直 → APPROVED", "best casino in town → REJECTED")
        .contains("top words: [TermCount[term=耿直, count=2]");
  }

  @Test
  @DisplayName("its main method runs on the default in-memory store")
  void main() {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
      YuzhongKiosk.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("submissions: 7");
  }
}
