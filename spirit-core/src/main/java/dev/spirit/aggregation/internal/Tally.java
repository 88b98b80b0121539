package dev.spirit.aggregation.internal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * A mutable count per key that forgets keys whose count drops to zero, so that a state built by
 * adding and removing the same contributions equals one built from the survivors alone. Not
 * thread-safe.
 *
 * @param <K> key type
 */
public final class Tally<K> {
  private final HashMap<K, long[]> counts = new HashMap<>();

  /** Creates an empty tally. */
  public Tally() {}

  /**
   * Adds {@code delta} to a key.
   *
   * @param key the key
   * @param delta the change; a count reaching zero or below removes the key
   */
  public void add(K key, long delta) {
    long[] cell = counts.get(key);
    if (cell == null) {
      if (delta > 0) {
        counts.put(key, new long[] {delta});
      }
      return;
    }
    cell[0] += delta;
    if (cell[0] <= 0) {
      counts.remove(key);
    }
  }

  /**
   * A key's count.
   *
   * @param key the key
   * @return the count, 0 if absent
   */
  public long get(K key) {
    long[] cell = counts.get(key);
    return cell == null ? 0 : cell[0];
  }

  /**
   * The number of keys with a positive count.
   *
   * @return keys
   */
  public int size() {
    return counts.size();
  }

  /**
   * Whether no key has a positive count.
   *
   * @return true if empty
   */
  public boolean isEmpty() {
    return counts.isEmpty();
  }

  /**
   * Calls {@code action} with every key and its count.
   *
   * @param action what to do
   */
  public void forEach(BiConsumer<K, Long> action) {
    for (Map.Entry<K, long[]> e : counts.entrySet()) {
      action.accept(e.getKey(), e.getValue()[0]);
    }
  }

  /**
   * A sorted copy.
   *
   * @param order the key order
   * @return a new sorted map of every key to its count
   */
  public SortedMap<K, Long> toSortedMap(Comparator<? super K> order) {
    TreeMap<K, Long> out = new TreeMap<>(order);
    for (Map.Entry<K, long[]> e : counts.entrySet()) {
      out.put(e.getKey(), e.getValue()[0]);
    }
    return out;
  }
}
