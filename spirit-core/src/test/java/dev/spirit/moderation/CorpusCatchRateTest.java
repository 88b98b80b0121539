package dev.spirit.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The lexicon rule on the shared evasion corpus")
class CorpusCatchRateTest {
  private static TermLexicon lexicon;

  @BeforeAll
  static void load() {
    lexicon = SharedCorpus.lexicon();
  }

  private static boolean caught(SharedCorpus.Evasion row) {
    return lexicon.find(row.text()).stream()
        .anyMatch(m -> m.term().text().equals(row.expectedTerm()));
  }

  @Test
  @DisplayName("catches at least 95% of the basic tier and states the rate per tier and family")
  void catchRate() {
    Map<String, int[]> byTier = new TreeMap<>();
    Map<String, int[]> byFamily = new TreeMap<>();
    List<String> missed = new ArrayList<>();
    for (SharedCorpus.Evasion row : SharedCorpus.evasion()) {
      boolean hit = caught(row);
      count(byTier, row.tier(), hit);
      count(byFamily, row.tier() + "/" + row.family(), hit);
      if (!hit) {
        missed.add(row.tier() + " " + row.family() + " " + row.expectedTerm() + ": " + row.text());
      }
    }
    print("catch rate", byTier);
    print("catch rate", byFamily);
    missed.forEach(m -> System.out.println("  missed " + m));
    assertThat(rate(byTier.get("basic"))).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  @DisplayName("flags no basic clean text and states the false-positive rate per tier")
  void falsePositives() {
    Map<String, int[]> byTier = new TreeMap<>();
    List<String> flagged = new ArrayList<>();
    for (SharedCorpus.Clean row : SharedCorpus.clean()) {
      List<TermMatch> found = lexicon.find(row.text());
      count(byTier, row.tier(), !found.isEmpty());
      if (!found.isEmpty()) {
        flagged.add(row.tier() + ": " + row.text() + " -> " + found);
      }
    }
    print("false-positive rate", byTier);
    flagged.forEach(f -> System.out.println("  flagged " + f));
    assertThat(byTier.get("basic")[0]).as("basic clean texts flagged").isZero();
  }

  private static void count(Map<String, int[]> map, String key, boolean hit) {
    int[] c = map.computeIfAbsent(key, k -> new int[2]);
    c[0] += hit ? 1 : 0;
    c[1]++;
  }

  private static double rate(int[] c) {
    return (double) c[0] / c[1];
  }

  private static void print(String what, Map<String, int[]> map) {
    map.forEach(
        (k, c) ->
            System.out.printf("%s %-20s %3d/%3d = %5.1f%%%n", what, k, c[0], c[1], 100 * rate(c)));
  }
}
