package dev.spirit.examples.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** Small inline-SVG charts for the HTML report: horizontal bars and a daily time series. */
public final class Charts {
  private Charts() {}

  /**
   * A horizontal bar chart, one bar per entry in map order.
   *
   * @param values label to value
   * @param width chart width in pixels
   * @param color bar colour
   * @param label accessible label
   * @return SVG markup, all text escaped
   */
  public static String bars(Map<String, Long> values, int width, String color, String label) {
    int row = 28;
    int labelWidth = 168;
    int height = Math.max(row, values.size() * row) + 6;
    long max = Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
    long sum = values.values().stream().mapToLong(Long::longValue).sum();
    double barSpace = width - labelWidth - 92;
    StringBuilder out = new StringBuilder();
    out.append(open(width, height, label, "bars"));
    int y = 4;
    for (Map.Entry<String, Long> e : values.entrySet()) {
      double w = Math.max(e.getValue() > 0 ? 2 : 0, barSpace * e.getValue() / max);
      String pct = sum == 0 ? "0%" : String.format("%.0f%%", 100.0 * e.getValue() / sum);
      out.append("<text x=\"")
          .append(labelWidth - 8)
          .append("\" y=\"")
          .append(y + 18)
          .append("\" text-anchor=\"end\" class=\"lbl\">")
          .append(Html.escape(e.getKey()))
          .append("</text>")
          .append("<rect x=\"")
          .append(labelWidth)
          .append("\" y=\"")
          .append(y + 4)
          .append("\" width=\"")
          .append(String.format("%.1f", w))
          .append("\" height=\"")
          .append(row - 8)
          .append("\" rx=\"4\" fill=\"")
          .append(color)
          .append("\"/>")
          .append("<text x=\"")
          .append(String.format("%.1f", labelWidth + w + 6))
          .append("\" y=\"")
          .append(y + 18)
          .append("\" class=\"val\">")
          .append(e.getValue())
          .append(" · ")
          .append(pct)
          .append("</text>");
      y += row;
    }
    return out.append("</svg>").toString();
  }

  /**
   * A daily time series as an area with a line, gridlines and date ticks.
   *
   * @param daily count per day, without gaps
   * @param width chart width
   * @param height chart height
   * @param label accessible label
   * @return SVG markup
   */
  public static String timeSeries(
      SortedMap<LocalDate, Long> daily, int width, int height, String label) {
    StringBuilder out = new StringBuilder(open(width, height, label, "series"));
    if (daily.isEmpty()) {
      return out.append("</svg>").toString();
    }
    int left = 44;
    int right = 12;
    int top = 12;
    int bottom = 28;
    double plotW = width - left - right;
    double plotH = height - top - bottom;
    long max = Math.max(1, daily.values().stream().mapToLong(Long::longValue).max().orElse(1));
    long niceMax = niceCeiling(max);
    for (int i = 0; i <= 4; i++) {
      double y = top + plotH - plotH * i / 4;
      out.append(
              String.format(
                  "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>",
                  left, y, width - right, y))
          .append(
              String.format(
                  "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" class=\"tick\">%d</text>",
                  left - 6, y + 4, niceMax * i / 4));
    }
    List<LocalDate> days = new ArrayList<>(daily.keySet());
    int n = days.size();
    double step = n > 1 ? plotW / (n - 1) : 0;
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < n; i++) {
      double x = left + (n > 1 ? step * i : plotW / 2);
      double y = top + plotH - plotH * daily.getOrDefault(days.get(i), 0L) / niceMax;
      line.append(i == 0 ? "M" : "L").append(String.format("%.1f,%.1f ", x, y));
    }
    double lastX = left + (n > 1 ? plotW : plotW / 2);
    double firstX = left + (n > 1 ? 0 : plotW / 2);
    out.append("<path class=\"area\" d=\"")
        .append(line)
        .append(String.format("L%.1f,%.1f L%.1f,%.1f Z", lastX, top + plotH, firstX, top + plotH))
        .append("\"/>")
        .append("<path class=\"line\" d=\"")
        .append(line)
        .append("\"/>");
    DateTimeFormatter fmt = DateTimeFormatter.ofPattern("MM-dd");
    int every = Math.max(1, (int) Math.ceil(n / 8.0));
    for (int i = 0; i < n; i += every) {
      double x = left + (n > 1 ? step * i : plotW / 2);
      out.append(
          String.format(
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" class=\"tick\">%s</text>",
              x, height - 8, days.get(i).format(fmt)));
    }
    return out.append("</svg>").toString();
  }

  private static long niceCeiling(long max) {
    long magnitude = 1;
    while (magnitude * 10 <= max) {
      magnitude *= 10;
    }
    for (long m : new long[] {1, 2, 4, 5, 10}) {
      if (m * magnitude >= max && (m * magnitude) % 4 == 0) {
        return m * magnitude;
      }
    }
    return ((max + 3) / 4) * 4;
  }

  private static String open(int width, int height, String label, String cssClass) {
    return "<svg class=\""
        + cssClass
        + "\" viewBox=\"0 0 "
        + width
        + " "
        + height
        + "\" width=\"100%\" role=\"img\" aria-label=\""
        + Html.escape(label)
        + "\" xmlns=\"http://www.w3.org/2000/svg\">";
  }
}
