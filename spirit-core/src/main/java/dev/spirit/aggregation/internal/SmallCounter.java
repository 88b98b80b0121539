package dev.spirit.aggregation.internal;

import org.jspecify.annotations.Nullable;

/**
 * A {@link LongCounter} for the many small sets of the maintained state (the supporters of one
 * slogan: most have one): a single key and its count are kept inline, and a table is allocated only
 * from the second key on. Not thread-safe.
 */
public final class SmallCounter {
  private long soloKey;
  private int soloCount;
  private @Nullable LongCounter many;

  /** Creates an empty counter. */
  public SmallCounter() {}

  /**
   * Adds {@code delta} to a key's count, removing the key when its count reaches zero or below.
   *
   * @param key the key
   * @param delta the change
   */
  public void add(long key, int delta) {
    LongCounter m = many;
    if (m != null) {
      m.add(key, delta);
    } else if (soloCount == 0) {
      if (delta > 0) {
        soloKey = key;
        soloCount = delta;
      }
    } else if (soloKey == key) {
      soloCount = (int) Math.max(0, Math.min(Integer.MAX_VALUE, (long) soloCount + delta));
    } else if (delta > 0) {
      m = new LongCounter();
      m.add(soloKey, soloCount);
      m.add(key, delta);
      many = m;
      soloCount = 0;
    }
  }

  /**
   * The keys with a positive count, sorted ascending.
   *
   * @return a new sorted array
   */
  public long[] sortedKeys() {
    LongCounter m = many;
    if (m != null) {
      return m.sortedKeys();
    }
    return soloCount > 0 ? new long[] {soloKey} : new long[0];
  }
}
