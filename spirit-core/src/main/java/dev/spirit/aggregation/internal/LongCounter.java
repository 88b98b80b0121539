package dev.spirit.aggregation.internal;

import java.util.Arrays;

/**
 * A map from 64-bit keys (participant hashes) to positive counts, with open addressing in two
 * primitive arrays: about 12 bytes per entry at most 2/3 load instead of the ~70 of a {@code
 * HashMap<Long, Integer>}. A count that drops to zero removes its key. Not thread-safe.
 */
public final class LongCounter {
  private static final long EMPTY = 0L;
  // Key 0 is the empty-slot marker; a real key 0 is kept aside.
  private long[] keys;
  private int[] counts;
  private int size;
  private int zeroKeyCount;

  /** Creates an empty counter. */
  public LongCounter() {
    keys = new long[4];
    counts = new int[4];
  }

  /**
   * Adds {@code delta} to a key's count, removing the key when its count reaches zero or below.
   *
   * @param key the key
   * @param delta the change
   * @return the key's count before the change (0 if absent)
   */
  public int add(long key, int delta) {
    if (key == EMPTY) {
      int before = zeroKeyCount;
      zeroKeyCount = Math.max(0, zeroKeyCount + delta);
      return before;
    }
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (keys[i] != EMPTY) {
      if (keys[i] == key) {
        int before = counts[i];
        int next = before + delta;
        if (next <= 0) {
          removeAt(i);
        } else {
          counts[i] = next;
        }
        return before;
      }
      i = (i + 1) & mask;
    }
    if (delta <= 0) {
      return 0;
    }
    keys[i] = key;
    counts[i] = delta;
    size++;
    if (size * 3 > keys.length * 2) {
      grow();
    }
    return 0;
  }

  /** Receives a key and its count. */
  @FunctionalInterface
  public interface KeyCount {
    /**
     * Receives one entry.
     *
     * @param key the key
     * @param count its positive count
     */
    void accept(long key, int count);
  }

  /**
   * Calls {@code action} with every key of positive count, in no particular order.
   *
   * @param action what to do
   */
  public void forEach(KeyCount action) {
    if (zeroKeyCount > 0) {
      action.accept(0L, zeroKeyCount);
    }
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        action.accept(keys[i], counts[i]);
      }
    }
  }

  /**
   * The count of a key.
   *
   * @param key the key
   * @return its count, 0 if absent
   */
  public int get(long key) {
    if (key == EMPTY) {
      return zeroKeyCount;
    }
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (keys[i] != EMPTY) {
      if (keys[i] == key) {
        return counts[i];
      }
      i = (i + 1) & mask;
    }
    return 0;
  }

  /**
   * The number of keys with a positive count.
   *
   * @return distinct keys
   */
  public int size() {
    return size + (zeroKeyCount > 0 ? 1 : 0);
  }

  /**
   * Whether no key has a positive count.
   *
   * @return true if empty
   */
  public boolean isEmpty() {
    return size() == 0;
  }

  /**
   * The keys with a positive count, sorted ascending.
   *
   * @return a new sorted array
   */
  public long[] sortedKeys() {
    long[] out = new long[size()];
    int n = 0;
    if (zeroKeyCount > 0) {
      out[n++] = 0L;
    }
    for (long k : keys) {
      if (k != EMPTY) {
        out[n++] = k;
      }
    }
    Arrays.sort(out);
    return out;
  }

  /**
   * Approximate heap held by the arrays, for capacity reports.
   *
   * @return bytes
   */
  public long arrayBytes() {
    return 8L * keys.length + 4L * counts.length;
  }

  private void removeAt(int slot) {
    // Backward-shift deletion keeps probe chains intact without tombstones.
    int mask = keys.length - 1;
    int hole = slot;
    int i = (slot + 1) & mask;
    while (keys[i] != EMPTY) {
      int home = mix(keys[i]) & mask;
      boolean movable = hole <= i ? (home <= hole || home > i) : (home <= hole && home > i);
      if (movable) {
        keys[hole] = keys[i];
        counts[hole] = counts[i];
        hole = i;
      }
      i = (i + 1) & mask;
    }
    keys[hole] = EMPTY;
    counts[hole] = 0;
    size--;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldCounts = counts;
    keys = new long[oldKeys.length * 2];
    counts = new int[oldKeys.length * 2];
    size = 0;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != EMPTY) {
        add(oldKeys[j], oldCounts[j]);
      }
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
