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

  /** Number of hash functions of a MinHash signature. */
  public static final int SIGNATURE_SIZE = 16;

  private static final int[] SEEDS = new int[SIGNATURE_SIZE];

  static {
    int x = 0x9E3779B9;
    for (int i = 0; i < SIGNATURE_SIZE; i++) {
      x = x * 0x5DEECE6D + 0x2545F491;
      SEEDS[i] = x;
    }
  }

  /**
   * The MinHash signature of a shingle set: for each of {@link #SIGNATURE_SIZE} hash functions, the
   * minimum over the shingles. Two sets agree at each position with probability equal to their
   * Jaccard similarity.
   *
   * @param shingles sorted distinct hashes
   * @return the signature
   */
  public static int[] signature(int[] shingles) {
    int[] sig = new int[SIGNATURE_SIZE];
    // One hash function at a time over all shingles: a plain minimum over an array, which the JIT
    // compiles to vector instructions.
    for (int k = 0; k < SIGNATURE_SIZE; k++) {
      int seed = SEEDS[k];
      int min = Integer.MAX_VALUE;
      for (int h : shingles) {
        min = Math.min(min, mix(h ^ seed));
      }
      sig[k] = min;
    }
    return sig;
  }

  /**
   * How many positions of two signatures agree.
   *
   * @param a a signature
   * @param b another
   * @return 0 to {@link #SIGNATURE_SIZE}
   */
  public static int agreement(int[] a, int[] b) {
    int same = 0;
    for (int k = 0; k < SIGNATURE_SIZE; k++) {
      same += a[k] == b[k] ? 1 : 0;
    }
    return same;
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
