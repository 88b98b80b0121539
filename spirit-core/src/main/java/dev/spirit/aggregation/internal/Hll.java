package dev.spirit.aggregation.internal;

/**
 * HyperLogLog registers over 64-bit hashes, with Ertl's improved raw estimator ("New cardinality
 * estimation algorithms for HyperLogLog sketches", 2017), which needs no empirical bias tables and
 * is unbiased from small to large cardinalities. With precision {@code p} there are {@code 2^p}
 * one-byte registers and the relative standard error is about {@code 1.04 / sqrt(2^p)} (0.81% at p
 * = 14).
 */
public final class Hll {
  /** Smallest supported precision. */
  public static final int MIN_PRECISION = 4;

  /** Largest supported precision. */
  public static final int MAX_PRECISION = 18;

  private Hll() {}

  /**
   * Creates empty registers.
   *
   * @param precision p, between {@link #MIN_PRECISION} and {@link #MAX_PRECISION}
   * @return {@code 2^p} zero registers
   */
  public static byte[] registers(int precision) {
    return new byte[1 << precision];
  }

  /**
   * Adds a hash to the registers.
   *
   * @param registers the registers, {@code 2^p} long
   * @param precision p
   * @param hash a well-mixed 64-bit hash
   */
  public static void add(byte[] registers, int precision, long hash) {
    int index = (int) (hash >>> (64 - precision));
    long rest = hash << precision;
    int q = 64 - precision;
    int rank = Math.min(Long.numberOfLeadingZeros(rest), q) + 1;
    if (rank > registers[index]) {
      registers[index] = (byte) rank;
    }
  }

  /**
   * Merges {@code other} into {@code target}: the registers of the union of both sets.
   *
   * @param target registers to update
   * @param other registers of the same precision
   */
  public static void mergeInto(byte[] target, byte[] other) {
    for (int i = 0; i < target.length; i++) {
      if (other[i] > target[i]) {
        target[i] = other[i];
      }
    }
  }

  /**
   * Estimates the number of distinct hashes added.
   *
   * @param registers the registers
   * @param precision p
   * @return the estimate, rounded to the nearest integer
   */
  public static long estimate(byte[] registers, int precision) {
    int m = 1 << precision;
    int q = 64 - precision;
    int[] histogram = new int[q + 2];
    for (byte r : registers) {
      histogram[r]++;
    }
    if (histogram[0] == m) {
      return 0;
    }
    double z = m * tau(1.0 - (double) histogram[q + 1] / m);
    for (int k = q; k >= 1; k--) {
      z = 0.5 * (z + histogram[k]);
    }
    z += m * sigma((double) histogram[0] / m);
    double alphaInfinity = 1.0 / (2.0 * Math.log(2.0));
    return Math.round(alphaInfinity * m * (m / z));
  }

  /**
   * The relative standard error of an estimate at a precision.
   *
   * @param precision p
   * @return {@code 1.04 / sqrt(2^p)}
   */
  public static double relativeStandardError(int precision) {
    return 1.04 / Math.sqrt(1 << precision);
  }

  private static double sigma(double x) {
    if (x == 1.0) {
      return Double.POSITIVE_INFINITY;
    }
    double y = 1.0;
    double z = x;
    double previous;
    do {
      x *= x;
      previous = z;
      z += x * y;
      y += y;
    } while (z != previous);
    return z;
  }

  private static double tau(double x) {
    if (x == 0.0 || x == 1.0) {
      return 0.0;
    }
    double y = 1.0;
    double z = 1.0 - x;
    double previous;
    do {
      x = Math.sqrt(x);
      previous = z;
      y *= 0.5;
      z -= (1.0 - x) * (1.0 - x) * y;
    } while (z != previous);
    return z / 3.0;
  }
}
