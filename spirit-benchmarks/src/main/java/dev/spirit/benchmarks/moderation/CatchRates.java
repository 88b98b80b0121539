package dev.spirit.benchmarks.moderation;

import com.github.houbb.sensitive.word.bs.SensitiveWordBs;
import dev.spirit.moderation.TermLexicon;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Catch rate per tier and family on {@code shared/moderation/evasion.tsv} and false-positive rate
 * per tier on {@code clean.tsv}, for Spirit's lexicon and for sensitive-word 0.25.0 with every
 * folding option on, both over {@code lexicon.tsv} and {@code allow.txt}. A row counts as caught
 * when the filter flags the text at all. Run from the project root: {@code java -cp
 * spirit-benchmarks/target/benchmarks.jar dev.spirit.benchmarks.moderation.CatchRates}.
 */
public final class CatchRates {
  private CatchRates() {}

  /**
   * Prints the table.
   *
   * @param args unused
   * @throws IOException if the corpus cannot be read
   */
  public static void main(String[] args) throws IOException {
    Path dir = sharedDir();
    String lexiconTsv = Files.readString(dir.resolve("lexicon.tsv"), StandardCharsets.UTF_8);
    String allowTxt = Files.readString(dir.resolve("allow.txt"), StandardCharsets.UTF_8);
    TermLexicon spirit = TermLexicon.parse(lexiconTsv, allowTxt);
    List<String> terms = new ArrayList<>();
    for (String line : lexiconTsv.split("\n")) {
      if (!line.isBlank() && !line.startsWith("term\t")) {
        terms.add(line.split("\t")[0]);
      }
    }
    List<String> allow = allowTxt.lines().filter(l -> !l.isBlank()).toList();
    SensitiveWordBs sw = BenchData.sensitiveWord(terms, allow);
    List<String[]> evasion = rows(dir.resolve("evasion.tsv"));
    List<String[]> clean = rows(dir.resolve("clean.tsv"));
    report("Spirit lexicon", spirit::containsAny, evasion, clean);
    report("sensitive-word 0.25.0", sw::contains, evasion, clean);
  }

  private static void report(
      String name, Predicate<String> flags, List<String[]> evasion, List<String[]> clean) {
    Map<String, int[]> tiers = new TreeMap<>();
    Map<String, int[]> families = new TreeMap<>();
    for (String[] r : evasion) {
      boolean hit = flags.test(r[3]);
      count(tiers, r[0], hit);
      count(families, r[0] + "/" + r[1], hit);
    }
    Map<String, int[]> fp = new TreeMap<>();
    for (String[] r : clean) {
      count(fp, r[0], flags.test(r[1]));
    }
    System.out.println("== " + name);
    tiers.forEach(
        (k, c) -> System.out.printf("catch %-22s %3d/%3d %5.1f%%%n", k, c[0], c[1], pct(c)));
    families.forEach(
        (k, c) -> System.out.printf("catch %-22s %3d/%3d %5.1f%%%n", k, c[0], c[1], pct(c)));
    fp.forEach(
        (k, c) ->
            System.out.printf("false positives %-12s %3d/%3d %5.1f%%%n", k, c[0], c[1], pct(c)));
  }

  private static double pct(int[] c) {
    return 100.0 * c[0] / c[1];
  }

  private static void count(Map<String, int[]> map, String key, boolean hit) {
    int[] c = map.computeIfAbsent(key, k -> new int[2]);
    c[0] += hit ? 1 : 0;
    c[1]++;
  }

  private static List<String[]> rows(Path file) throws IOException {
    List<String[]> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isEmpty()) {
        continue;
      }
      String[] cols = lines.get(i).split("\t", -1);
      for (int c = 0; c < cols.length; c++) {
        cols[c] = cols[c].replace("\\t", "\t").replace("\\n", "\n").replace("\\\\", "\\");
      }
      rows.add(cols);
    }
    return rows;
  }

  private static Path sharedDir() {
    for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        p != null;
        p = p.getParent()) {
      if (Files.isDirectory(p.resolve("shared").resolve("moderation"))) {
        return p.resolve("shared").resolve("moderation");
      }
    }
    throw new IllegalStateException("no shared/moderation above " + System.getProperty("user.dir"));
  }
}
