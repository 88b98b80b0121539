package dev.spirit.examples.report;

import dev.spirit.campaign.SubmissionKind;
import dev.spirit.examples.report.ReportData.TermCount;
import dev.spirit.submission.Submission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lays out a word cloud deterministically: the most given words first and largest, each placed at
 * the first free spot on a spiral from the centre. Text widths are estimated (a Han character is
 * one em wide, a Latin letter about 0.6 em), which is close enough for SVG text.
 */
public final class WordCloud {
  private static final String[] PALETTE = {
    "#b3261e", "#d9480f", "#7b2cbf", "#1d3557", "#2a9d8f", "#9c2f6f", "#386641", "#e76f51"
  };

  private WordCloud() {}

  /**
   * A word placed in the cloud.
   *
   * @param text the word
   * @param count how often it was given
   * @param x centre x
   * @param y baseline y
   * @param size font size in pixels
   * @param color fill colour
   */
  public record PlacedWord(
      String text, long count, double x, double y, double size, String color) {}

  /**
   * The words a public cloud may show: approved keywords and slogans, each counted once per person
   * who gave it, and only those given by at least {@code minimumPeople} (a word one or two people
   * gave could point at them: k-anonymity), most given first.
   *
   * @param approved approved submissions of one campaign
   * @param minimumPeople how many different people must have given a word, at least 1
   * @param maxWords how many words at most
   * @return the words with their counts of people
   */
  public static List<TermCount> publicTerms(
      List<Submission> approved, int minimumPeople, int maxWords) {
    Map<String, Set<String>> supporters = new HashMap<>();
    for (Submission s : approved) {
      if (s.kind() == SubmissionKind.KEYWORD || s.kind() == SubmissionKind.SLOGAN) {
        supporters
            .computeIfAbsent(s.displayText().toLowerCase(Locale.ROOT), t -> new HashSet<>())
            .add(s.participant().id().value());
      }
    }
    return supporters.entrySet().stream()
        .map(e -> new TermCount(e.getKey(), e.getValue().size()))
        .filter(t -> t.count() >= minimumPeople)
        .sorted(
            Comparator.comparingLong(TermCount::count).reversed().thenComparing(TermCount::term))
        .limit(maxWords)
        .toList();
  }

  /**
   * Places words in a box; words that do not fit are left out.
   *
   * @param terms words with counts, most frequent first
   * @param width box width in pixels
   * @param height box height in pixels
   * @return the placed words
   */
  public static List<PlacedWord> layout(List<TermCount> terms, double width, double height) {
    List<PlacedWord> placed = new ArrayList<>();
    if (terms.isEmpty()) {
      return placed;
    }
    long max = terms.stream().mapToLong(TermCount::count).max().orElse(1);
    long min = terms.stream().mapToLong(TermCount::count).min().orElse(1);
    double maxSize = Math.min(height / 3.2, 54);
    double minSize = Math.max(11, maxSize / 4);
    List<double[]> boxes = new ArrayList<>();
    int index = 0;
    for (TermCount term : terms) {
      double share = max == min ? 1 : Math.sqrt((double) (term.count() - min) / (max - min));
      double size = minSize + (maxSize - minSize) * share;
      double w = estimateWidth(term.term(), size) + 4;
      double h = size * 1.1;
      for (int step = 0; step < 1500; step++) {
        double angle = step * 0.31;
        double radius = 1.6 * angle;
        double cx = width / 2 + radius * Math.cos(angle) * (width / height);
        double cy = height / 2 + radius * Math.sin(angle);
        double[] box = {cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2};
        if (box[0] < 2 || box[1] < 2 || box[2] > width - 2 || box[3] > height - 2) {
          continue;
        }
        if (boxes.stream().noneMatch(b -> overlaps(b, box))) {
          boxes.add(box);
          placed.add(
              new PlacedWord(
                  term.term(),
                  term.count(),
                  round(cx),
                  round(cy + size * 0.35),
                  round(size),
                  PALETTE[index % PALETTE.length]));
          break;
        }
      }
      index++;
    }
    return placed;
  }

  private static boolean overlaps(double[] a, double[] b) {
    return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  /**
   * Estimates the rendered width of a text.
   *
   * @param text the text
   * @param size font size in pixels
   * @return width in pixels
   */
  static double estimateWidth(String text, double size) {
    double em = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isIdeographic(cp) || cp >= 0x3000) {
        em += 1.0;
      } else if (Character.isUpperCase(cp)) {
        em += 0.68;
      } else if (cp == ' ') {
        em += 0.3;
      } else {
        em += 0.56;
      }
    }
    return em * size;
  }

  /**
   * Renders placed words as an SVG element.
   *
   * @param words the placed words
   * @param width the box width
   * @param height the box height
   * @param label accessible label of the cloud
   * @return SVG markup, all text escaped
   */
  public static String svg(List<PlacedWord> words, int width, int height, String label) {
    StringBuilder out = new StringBuilder();
    out.append("<svg class=\"cloud\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" role=\"img\" aria-label=\"")
        .append(Html.escape(label))
        .append("\" xmlns=\"http://www.w3.org/2000/svg\">");
    if (words.isEmpty()) {
      out.append("<text x=\"")
          .append(width / 2)
          .append("\" y=\"")
          .append(height / 2)
          .append("\" text-anchor=\"middle\" fill=\"#999\" font-size=\"14\">—</text>");
    }
    for (PlacedWord w : words) {
      out.append("<text x=\"")
          .append(w.x())
          .append("\" y=\"")
          .append(w.y())
          .append("\" font-size=\"")
          .append(w.size())
          .append("\" fill=\"")
          .append(w.color())
          .append("\" text-anchor=\"middle\"><title>")
          .append(Html.escape(w.text()))
          .append(": ")
          .append(w.count())
          .append("</title>")
          .append(Html.escape(w.text()))
          .append("</text>");
    }
    return out.append("</svg>").toString();
  }
}
