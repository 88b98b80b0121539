package dev.spirit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The progress bar")
class ProgressBarTest {
  @Test
  @DisplayName("redraws one line in place on a terminal")
  void terminal() {
    StringWriter out = new StringWriter();
    try (ProgressBar bar = new ProgressBar(new PrintWriter(out), "Ingesting", 200, true)) {
      for (int i = 0; i < 200; i++) {
        bar.step(1);
      }
    }
    String s = out.toString();
    assertThat(s).startsWith("\rIngesting [").contains("  1% 2/200", "100% 200/200").endsWith("\n");
    assertThat(s.split("\n")).hasSize(1);
    assertThat(s.chars().filter(c -> c == '\r').count()).isEqualTo(101);
  }

  @Test
  @DisplayName("prints a plain line per quarter when not on a terminal")
  void plain() {
    StringWriter out = new StringWriter();
    try (ProgressBar bar = new ProgressBar(new PrintWriter(out), "Importing", 8, false)) {
      for (int i = 0; i < 8; i++) {
        bar.step(1);
      }
    }
    assertThat(out.toString().lines())
        .containsExactly(
            "Importing: 25% (2/8)",
            "Importing: 50% (4/8)", "Importing: 75% (6/8)", "Importing: 100% (8/8)");
  }

  @Test
  @DisplayName("finishes with a final line even when nothing was to do")
  void empty() {
    StringWriter out = new StringWriter();
    new ProgressBar(new PrintWriter(out), "Importing", 0, false).close();
    assertThat(out.toString().lines()).containsExactly("Importing: 100% (0/0)");
  }
}
