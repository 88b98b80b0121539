package dev.spirit.moderation.internal;

import java.util.Arrays;

/**
 * Character 2- and 3-gram shingles of a folded text as a sorted set of hashes, and their Jaccard
 * similarity. Short texts (slogans of a few characters) defeat SimHash; exact sets of small
 * shingles compare them well and cost little at these sizes.
 */
public final class Shingles {
  private Shingles() {}

  /**
   * The shingles of a text.
   *
   * @param folded the folded text (see {@link NormalizedView#toString()})
   * @return sorted distinct hashes of its 2- and 3-grams (or of the text itself if shorter)
   */
  public static int[] of(String folded) {
    int n = folded.length();
    if (n < 2) {
      return n == 0 ? new int[0] : new int[] {folded.charAt(0)};
    }
    int[] out = new int[(n - 1) + Math.max(0, n - 2)];
    int k = 0;
    for (int i = 0; i + 1 < n; i++) {
      out[k++] = mix(folded.charAt(i) * 31 + folded.charAt(i + 1));
      if (i + 2 < n) {
        out[k++] =
            mix(
                (folded.charAt(i) * 31 + folded.charAt(i + 1)) * 31
                    + folded.charAt(i + 2)
                    + 0x5bd1e995);
      }
    }
    Arrays.sort(out, 0, k);
    int distinct = 0;
    for (int i = 0; i < k; i++) {
      if (i == 0 || out[i] != out[i - 1]) {
        out[distinct++] = out[i];
      }
    }
    return Arrays.copyOf(out, distinct);
  }

  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h;
  }

  /**
   * Jaccard similarity of two shingle sets.
   *
   * @param a sorted distinct hashes
   * @param b sorted distinct hashes
   * @return |a ∩ b| / |a ∪ b|, 1 for two empty sets
   */
  public static double jaccard(int[] a, int[] b) {
    if (a.length == 0 && b.length == 0) {
      return 1;
    }
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return (double) common / (a.length + b.length - common);
  }
}
