package dev.spirit.aggregation.internal;

import java.util.Arrays;

/**
 * Dense counts indexed by small integer ids (term ids), growing as ids appear: one 4-byte array
 * slot per id instead of a hash-map entry, so an update is an array increment. A count is at most
 * {@link Integer#MAX_VALUE} (two billion submissions containing one term in one district). Not
 * thread-safe.
 */
public final class IdCounts {
  private int[] counts = new int[16];
  private int nonZero;

  /** Creates empty counts. */
  public IdCounts() {}

  /**
   * Adds {@code delta} to an id's count; counts never go below zero.
   *
   * @param id the id, at least 0
   * @param delta the change
   */
  public void add(int id, long delta) {
    if (id >= counts.length) {
      if (delta <= 0) {
        return;
      }
      counts = Arrays.copyOf(counts, Math.max(id + 1, counts.length * 2));
    }
    int before = counts[id];
    int after = (int) Math.min(Integer.MAX_VALUE, Math.max(0, before + delta));
    counts[id] = after;
    if (before == 0 && after > 0) {
      nonZero++;
    } else if (before > 0 && after == 0) {
      nonZero--;
    }
  }

  /**
   * An id's count.
   *
   * @param id the id
   * @return the count, 0 if never added
   */
  public long get(int id) {
    return id < counts.length ? counts[id] : 0;
  }

  /**
   * One more than the largest id that may have a count.
   *
   * @return the bound for iteration
   */
  public int bound() {
    return counts.length;
  }

  /**
   * Whether every count is zero.
   *
   * @return true if empty
   */
  public boolean isEmpty() {
    return nonZero == 0;
  }

  /**
   * The number of ids with a positive count.
   *
   * @return ids
   */
  public int size() {
    return nonZero;
  }
}
