package dev.spirit.examples.report;

import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.examples.report.ReportData.TermCount;
import dev.spirit.submission.SubmissionStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints {@link ReportData} compactly for a terminal: words per district, channels, outcomes. */
public final class TerminalSummary {
  private TerminalSummary() {}

  /**
   * Prints the summary.
   *
   * @param data the figures
   * @param out where to print
   */
  public static void print(ReportData data, PrintWriter out) {
    out.println(
        data.campaign().title().zh()
            + " · "
            + data.campaign().title().en()
            + " — "
            + data.total()
            + " submissions over "
            + data.daily().size()
            + " days");
    out.println();
    out.println("Top words per district");
    for (Map.Entry<District, List<TermCount>> e : data.topTermsByDistrict(5).entrySet()) {
      out.println(
          "  "
              + pad(Labels.district(e.getKey()), 16)
              + e.getValue().stream()
                  .map(t -> t.term() + " (" + t.count() + ")")
                  .collect(Collectors.joining(" · ")));
    }
    out.println();
    out.println("Channel mix");
    long total = Math.max(1, data.total());
    long max =
        Math.max(1, data.byChannel().values().stream().mapToLong(Long::longValue).max().orElse(1));
    for (Map.Entry<Channel, Long> e : data.byChannel().entrySet()) {
      int filled = (int) Math.round(20.0 * e.getValue() / max);
      out.println(
          "  "
              + pad(e.getKey().key(), 15)
              + "█".repeat(filled)
              + "░".repeat(20 - filled)
              + String.format(" %6d %3.0f%%", e.getValue(), 100.0 * e.getValue() / total));
    }
    out.println();
    out.println(
        "Moderation  "
            + data.byStatus().entrySet().stream()
                .filter(e -> e.getValue() > 0 || e.getKey() != SubmissionStatus.WITHDRAWN)
                .map(e -> e.getKey().name().toLowerCase(java.util.Locale.ROOT) + " " + e.getValue())
                .collect(Collectors.joining(" · ")));
    if (!data.moderationReasons().isEmpty()) {
      out.println(
          "Reasons     "
              + data.moderationReasons().entrySet().stream()
                  .map(e -> e.getKey() + " " + e.getValue())
                  .collect(Collectors.joining(" · ")));
    }
  }

  /**
   * Pads text to a terminal display width, counting wide (Han) characters as two columns.
   *
   * @param text the text
   * @param width the column width
   * @return the padded text
   */
  public static String pad(String text, int width) {
    int columns = displayWidth(text);
    return columns >= width ? text + " " : text + " ".repeat(width - columns);
  }

  /**
   * The number of terminal columns a text takes.
   *
   * @param text the text
   * @return columns, two per wide character
   */
  public static int displayWidth(String text) {
    int columns = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      columns += (Character.isIdeographic(cp) || (cp >= 0x3000 && cp <= 0xFFEF)) ? 2 : 1;
    }
    return columns;
  }
}
