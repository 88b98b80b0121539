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

  /**
   * The sketch of a text in one array, as the near-duplicate history keeps it (one object per
   * remembered text is one cache miss, not three): its {@link #signature} in the first {@link
   * #SIGNATURE_SIZE} positions, then its {@link #of shingles}.
   *
   * @param folded the folded text
   * @return signature then sorted distinct shingles
   */
  public static int[] sketch(String folded) {
    int n = folded.length();
    int[] out;
    int distinct;
    if (n < 2) {
      out = new int[SIGNATURE_SIZE + n];
      if (n == 1) {
        out[SIGNATURE_SIZE] = folded.charAt(0);
      }
      distinct = n;
    } else {
      out = new int[SIGNATURE_SIZE + (n - 1) + Math.max(0, n - 2)];
      int k = SIGNATURE_SIZE;
      for (int i = 0; i + 1 < n; i++) {
        int pair = folded.charAt(i) * 31 + folded.charAt(i + 1);
        out[k++] = mix(pair);
        if (i + 2 < n) {
          out[k++] = mix(pair * 31 + folded.charAt(i + 2) + 0x5bd1e995);
        }
      }
      Arrays.sort(out, SIGNATURE_SIZE, k);
      int w = SIGNATURE_SIZE;
      for (int i = SIGNATURE_SIZE; i < k; i++) {
        if (i == SIGNATURE_SIZE || out[i] != out[i - 1]) {
          out[w++] = out[i];
        }
      }
      distinct = w - SIGNATURE_SIZE;
      if (w < out.length) {
        out = Arrays.copyOf(out, w);
      }
    }
    for (int j = 0; j < SIGNATURE_SIZE; j++) {
      int seed = SEEDS[j];
      int min = Integer.MAX_VALUE;
      for (int i = SIGNATURE_SIZE; i < SIGNATURE_SIZE + distinct; i++) {
        min = Math.min(min, mix(out[i] ^ seed));
      }
      out[j] = min;
    }
    return out;
  }

  /**
   * How many shingles a {@link #sketch} holds.
   *
   * @param sketch a sketch
   * @return its shingle count
   */
  public static int shingleCount(int[] sketch) {
    return sketch.length - SIGNATURE_SIZE;
  }

  /**
   * Jaccard similarity of the shingle sets of two {@link #sketch}es.
   *
   * @param a a sketch
   * @param b another
   * @return as {@link #jaccard(int[], int[])} on their shingles
   */
  public static double sketchJaccard(int[] a, int[] b) {
    if (a.length == SIGNATURE_SIZE && b.length == SIGNATURE_SIZE) {
      return 1;
    }
    int i = SIGNATURE_SIZE;
    int j = SIGNATURE_SIZE;
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
    return (double) common / (shingleCount(a) + shingleCount(b) - common);
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
