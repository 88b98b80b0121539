package dev.spirit.moderation;

import java.util.Map;

/** Counting helpers of the corpus tests: per key, hits and total. */
final class CorpusStats {
  private CorpusStats() {}

  static void count(Map<String, int[]> map, String key, boolean hit) {
    int[] c = map.computeIfAbsent(key, k -> new int[2]);
    c[0] += hit ? 1 : 0;
    c[1]++;
  }

  static double rate(int[] c) {
    return (double) c[0] / c[1];
  }

  static void print(String what, Map<String, int[]> map) {
    map.forEach(
        (k, c) ->
            System.out.printf("%s %-20s %3d/%3d = %5.1f%%%n", what, k, c[0], c[1], 100 * rate(c)));
  }
}
