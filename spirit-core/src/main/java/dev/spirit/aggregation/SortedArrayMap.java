package dev.spirit.aggregation;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;

/**
 * An immutable {@link SortedMap} in natural key order over two arrays, for the large maps a
 * snapshot builds (tens of thousands of terms, per district, channel, role and day): built in
 * linear time from keys already in order, and recognized by {@link Values} as immutable so the
 * statistics records keep it instead of copying it into a tree again. Lookups are binary searches.
 * Every mutator throws {@link UnsupportedOperationException}; equality, hash code and string form
 * are those of any {@link java.util.Map}.
 *
 * @param <K> key type, naturally ordered
 * @param <V> value type
 */
final class SortedArrayMap<K, V> extends AbstractMap<K, V> implements SortedMap<K, V> {
  private final Object[] keys;
  private final Object[] values;
  private final int from;
  private final int to;

  private SortedArrayMap(Object[] keys, Object[] values, int from, int to) {
    this.keys = keys;
    this.values = values;
    this.from = from;
    this.to = to;
  }

  /**
   * A map of the first {@code n} keys and values, copied; the keys must be strictly increasing.
   *
   * @throws IllegalArgumentException if they are not
   */
  static <K, V> SortedArrayMap<K, V> ofSorted(K[] keys, Object[] values, int n) {
    Object[] k = Arrays.copyOf(keys, n, Object[].class);
    Object[] v = Arrays.copyOf(values, n, Object[].class);
    for (int i = 1; i < n; i++) {
      if (compare(k[i - 1], k[i]) >= 0) {
        throw new IllegalArgumentException("keys are not strictly increasing at " + k[i]);
      }
    }
    return new SortedArrayMap<>(k, v, 0, n);
  }

  @SuppressWarnings("unchecked")
  private static int compare(Object a, Object b) {
    return ((Comparable<Object>) a).compareTo(b);
  }

  /** The index of {@code key} in [from, to), or {@code -(insertion point) - 1}. */
  private int search(Object key) {
    return Arrays.binarySearch(keys, from, to, key);
  }

  /** The first index in [from, to) whose key is not below {@code key}. */
  private int lowerBound(Object key) {
    int i = search(key);
    return i >= 0 ? i : -i - 1;
  }

  /** Whether every value is a positive {@code Long}, as a map of counts must hold. */
  boolean allPositiveCounts() {
    for (int i = from; i < to; i++) {
      if (!(values[i] instanceof Long n) || n <= 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int size() {
    return to - from;
  }

  @Override
  public boolean isEmpty() {
    return to == from;
  }

  @Override
  public boolean containsKey(@Nullable Object key) {
    return key != null && search(key) >= 0;
  }

  @Override
  @SuppressWarnings("unchecked")
  public @Nullable V get(@Nullable Object key) {
    if (key == null) {
      return null;
    }
    int i = search(key);
    return i >= 0 ? (V) values[i] : null;
  }

  @Override
  public @Nullable Comparator<? super K> comparator() {
    return null;
  }

  @Override
  public SortedMap<K, V> subMap(K fromKey, K toKey) {
    if (compare(fromKey, toKey) > 0) {
      throw new IllegalArgumentException("fromKey > toKey");
    }
    int a = lowerBound(fromKey);
    int b = lowerBound(toKey);
    return new SortedArrayMap<>(keys, values, a, Math.max(a, b));
  }

  @Override
  public SortedMap<K, V> headMap(K toKey) {
    return new SortedArrayMap<>(keys, values, from, lowerBound(toKey));
  }

  @Override
  public SortedMap<K, V> tailMap(K fromKey) {
    return new SortedArrayMap<>(keys, values, lowerBound(fromKey), to);
  }

  @Override
  @SuppressWarnings("unchecked")
  public K firstKey() {
    if (isEmpty()) {
      throw new NoSuchElementException();
    }
    return (K) keys[from];
  }

  @Override
  @SuppressWarnings("unchecked")
  public K lastKey() {
    if (isEmpty()) {
      throw new NoSuchElementException();
    }
    return (K) keys[to - 1];
  }

  @Override
  public Set<Entry<K, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<K, V>> iterator() {
        return new Iterator<>() {
          private int next = from;

          @Override
          public boolean hasNext() {
            return next < to;
          }

          @Override
          @SuppressWarnings("unchecked")
          public Entry<K, V> next() {
            if (next >= to) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>((K) keys[i], (V) values[i]);
          }
        };
      }

      @Override
      public int size() {
        return to - from;
      }
    };
  }
}
