package dev.spirit.aggregation;

import dev.spirit.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

/** Helpers for the immutable, sorted, mergeable maps inside the statistics values. */
final class Values {
  private Values() {}

  /** An immutable sorted copy of positive counts; zero counts are dropped, negatives refused. */
  static <K extends Comparable<? super K>> SortedMap<K, Long> counts(
      String field, @org.jspecify.annotations.Nullable Map<K, Long> in) {
    if (in == null) {
      throw new InvalidInputException(field, "must not be null");
    }
    if (in instanceof SortedArrayMap<K, Long> built && built.allPositiveCounts()) {
      // Already immutable and sorted (built by a snapshot): kept as is, not copied again.
      return built;
    }
    TreeMap<K, Long> out = new TreeMap<>();
    for (Map.Entry<K, Long> e : in.entrySet()) {
      long v = e.getValue();
      if (v < 0) {
        throw new InvalidInputException(field, "count of " + e.getKey() + " is negative: " + v);
      }
      if (v > 0) {
        out.put(e.getKey(), v);
      }
    }
    return Collections.unmodifiableSortedMap(out);
  }

  /** Whether nested counts are immutable all the way down, positive and without empty maps. */
  private static boolean keptAsIs(Map<?, ? extends Map<String, Long>> in) {
    for (Map<String, Long> inner : in.values()) {
      if (!(inner instanceof SortedArrayMap<String, Long> built)
          || built.isEmpty()
          || !built.allPositiveCounts()) {
        return false;
      }
    }
    return true;
  }

  /** An immutable sorted copy of nested counts; empty inner maps are dropped. */
  static <K extends Comparable<? super K>> SortedMap<K, SortedMap<String, Long>> nested(
      String field, @org.jspecify.annotations.Nullable Map<K, ? extends Map<String, Long>> in) {
    if (in == null) {
      throw new InvalidInputException(field, "must not be null");
    }
    if (in instanceof SortedArrayMap && keptAsIs(in)) {
      @SuppressWarnings("unchecked")
      SortedMap<K, SortedMap<String, Long>> built = (SortedMap<K, SortedMap<String, Long>>) in;
      return built;
    }
    TreeMap<K, SortedMap<String, Long>> out = new TreeMap<>();
    for (Map.Entry<K, ? extends Map<String, Long>> e : in.entrySet()) {
      SortedMap<String, Long> inner = counts(field + "." + e.getKey(), e.getValue());
      if (!inner.isEmpty()) {
        out.put(e.getKey(), inner);
      }
    }
    return Collections.unmodifiableSortedMap(out);
  }

  /** An immutable sorted copy of a map of values. */
  static <K extends Comparable<? super K>, V> SortedMap<K, V> values(
      String field, @org.jspecify.annotations.Nullable Map<K, V> in) {
    if (in == null) {
      throw new InvalidInputException(field, "must not be null");
    }
    if (in instanceof SortedArrayMap<K, V> built) {
      return built;
    }
    return Collections.unmodifiableSortedMap(new TreeMap<>(in));
  }

  /** The key-wise sum of two count maps. */
  static <K extends Comparable<? super K>> SortedMap<K, Long> sum(Map<K, Long> a, Map<K, Long> b) {
    TreeMap<K, Long> out = new TreeMap<>(a);
    b.forEach((k, v) -> out.merge(k, v, Long::sum));
    return out;
  }

  /** The key-wise sum of two nested count maps. */
  static <K extends Comparable<? super K>> SortedMap<K, SortedMap<String, Long>> sumNested(
      Map<K, SortedMap<String, Long>> a, Map<K, SortedMap<String, Long>> b) {
    TreeMap<K, SortedMap<String, Long>> out = new TreeMap<>(a);
    b.forEach((k, v) -> out.merge(k, v, Values::sum));
    return out;
  }

  /** The key-wise merge of two maps of values. */
  static <K extends Comparable<? super K>, V> SortedMap<K, V> mergeValues(
      Map<K, V> a, Map<K, V> b, BinaryOperator<V> merge) {
    TreeMap<K, V> out = new TreeMap<>(a);
    b.forEach((k, v) -> out.merge(k, v, merge));
    return out;
  }

  /** The {@code k} largest counts, largest first, ties by term. */
  static List<TermCount> top(Map<String, Long> counts, int k) {
    if (k < 0) {
      throw new InvalidInputException("k", "must not be negative, was " + k);
    }
    Comparator<TermCount> order = TermCount.ORDER;
    PriorityQueue<TermCount> heap = new PriorityQueue<>(order.reversed());
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      TermCount tc = new TermCount(e.getKey(), e.getValue());
      if (heap.size() < k) {
        heap.add(tc);
      } else if (k > 0 && order.compare(tc, heap.peek()) < 0) {
        heap.poll();
        heap.add(tc);
      }
    }
    List<TermCount> out = new ArrayList<>(heap);
    out.sort(order);
    return List.copyOf(out);
  }
}
