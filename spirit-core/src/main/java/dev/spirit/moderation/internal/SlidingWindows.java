package dev.spirit.moderation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bounded in-memory history of recent events per key (a participant, a collection point): at most
 * {@code maxPerKey} events per key and {@code maxKeys} keys, the least recently used key evicted
 * first. Thread-safe.
 *
 * <p>Concurrency: with {@code maxKeys} of at least {@value #STRIPING_FROM} the keys are spread by
 * hash over {@value #STRIPES} stripes, each with its own lock and its own least-recently-used order
 * over an equal share of {@code maxKeys} (so two threads working on different participants rarely
 * wait for each other; eviction is least-recently-used within a stripe, and the total stays at most
 * {@code maxKeys} rounded up to a multiple of the stripe count). Smaller histories keep one lock
 * and one exact order. Either way, every operation on one key is atomic.
 *
 * <p>Events are kept per key in a ring of primitive timestamps (epoch second and nanosecond) and
 * values, not as objects per event: the history of 100,000 participants is mostly cold in the CPU
 * caches, and each object on the way to a timestamp would be one more cache miss.
 *
 * @param <K> the key type (a value with equals and hashCode)
 * @param <T> what is remembered per event
 */
public final class SlidingWindows<K, T> {
  /** From this many keys on, the history is striped. */
  public static final int STRIPING_FROM = 4_096;

  /** Number of stripes of a striped history. */
  public static final int STRIPES = 16;

  private final int maxPerKey;
  private final Stripe<K>[] stripes;

  /** One lock and one least-recently-used map of a share of the keys. */
  private static final class Stripe<K> {
    final Map<K, Ring> windows;

    Stripe(int maxKeys) {
      this.windows =
          new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Ring> eldest) {
              return size() > maxKeys;
            }
          };
    }
  }

  /**
   * The events of one key, oldest first, in a circular buffer that grows up to the cap it is given.
   */
  private static final class Ring {
    long[] seconds = new long[4];
    int[] nanos = new int[4];
    Object[] values = new Object[4];
    int head;
    int size;
    // Whether the timestamps are in non-decreasing order (events usually arrive in time order);
    // then nothing before the window can hide behind the first event, and no scan is needed.
    boolean ordered = true;

    private int slot(int i) {
      return (head + i) & (seconds.length - 1);
    }

    /** Whether event {@code i} happened before the instant (seconds, nanos). */
    boolean before(int i, long second, int nano) {
      int s = slot(i);
      return seconds[s] < second || seconds[s] == second && nanos[s] < nano;
    }

    /** Whether event {@code i} happened after the instant (seconds, nanos). */
    boolean after(int i, long second, int nano) {
      int s = slot(i);
      return seconds[s] > second || seconds[s] == second && nanos[s] > nano;
    }

    Object value(int i) {
      return values[slot(i)];
    }

    void removeFirst() {
      values[head] = null;
      head = (head + 1) & (seconds.length - 1);
      size--;
    }

    /** Removes the events before the instant wherever they are, keeping the order of the rest. */
    void removeBefore(long second, int nano) {
      if (ordered && (size == 0 || !before(0, second, nano))) {
        return; // in order and the first is not before: none is
      }
      int kept = 0;
      for (int i = 0; i < size; i++) {
        if (!before(i, second, nano)) {
          if (kept != i) {
            int from = slot(i);
            int to = slot(kept);
            seconds[to] = seconds[from];
            nanos[to] = nanos[from];
            values[to] = values[from];
          }
          kept++;
        }
      }
      for (int i = kept; i < size; i++) {
        values[slot(i)] = null;
      }
      size = kept;
    }

    void addLast(long second, int nano, Object value, int cap) {
      if (size > 0 && after(size - 1, second, nano)) {
        ordered = false;
      }
      if (size == seconds.length && size < cap) {
        grow();
      }
      if (size == seconds.length) {
        removeFirst();
      }
      int s = slot(size);
      seconds[s] = second;
      nanos[s] = nano;
      values[s] = value;
      size++;
      while (size > cap) {
        removeFirst();
      }
    }

    private void grow() {
      int capacity = seconds.length * 2;
      long[] s = new long[capacity];
      int[] n = new int[capacity];
      Object[] v = new Object[capacity];
      for (int i = 0; i < size; i++) {
        int from = slot(i);
        s[i] = seconds[from];
        n[i] = nanos[from];
        v[i] = values[from];
      }
      seconds = s;
      nanos = n;
      values = v;
      head = 0;
    }
  }

  /**
   * Creates an empty history.
   *
   * @param maxKeys how many keys to remember
   * @param maxPerKey how many events per key
   */
  @SuppressWarnings("unchecked")
  public SlidingWindows(int maxKeys, int maxPerKey) {
    this.maxPerKey = maxPerKey;
    int count = maxKeys >= STRIPING_FROM ? STRIPES : 1;
    int share = (maxKeys + count - 1) / count;
    this.stripes = new Stripe[count];
    for (int i = 0; i < count; i++) {
      stripes[i] = new Stripe<>(share);
    }
  }

  private Stripe<K> stripe(K key) {
    if (stripes.length == 1) {
      return stripes[0];
    }
    int h = key.hashCode();
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return stripes[h & (stripes.length - 1)];
  }

  /**
   * The key's events, created if it has none, with the leading ones older than the window start
   * dropped; called holding the stripe's lock.
   */
  private static <K> Ring withoutExpiredHead(
      Stripe<K> stripe, K key, long fromSecond, int fromNano) {
    Ring events = stripe.windows.computeIfAbsent(key, k -> new Ring());
    while (events.size > 0 && events.before(0, fromSecond, fromNano)) {
      events.removeFirst();
    }
    return events;
  }

  /**
   * Returns the events of a key within {@code window} before {@code now}, then records a new one.
   *
   * @param key the key
   * @param now the new event's time
   * @param window how far back to look
   * @param value the new event
   * @return earlier events within the window, oldest first
   */
  @SuppressWarnings("unchecked")
  public List<T> recentThenAdd(K key, Instant now, Duration window, T value) {
    Instant from = now.minus(window);
    long fromSecond = from.getEpochSecond();
    int fromNano = from.getNano();
    long nowSecond = now.getEpochSecond();
    int nowNano = now.getNano();
    Stripe<K> stripe = stripe(key);
    synchronized (stripe) {
      Ring events = withoutExpiredHead(stripe, key, fromSecond, fromNano);
      events.removeBefore(fromSecond, fromNano);
      List<T> recent = new ArrayList<>(events.size);
      for (int i = 0; i < events.size; i++) {
        if (!events.after(i, nowSecond, nowNano)) {
          recent.add((T) events.value(i));
        }
      }
      events.addLast(nowSecond, nowNano, value, maxPerKey);
      return recent;
    }
  }

  /**
   * Counts the events of a key within {@code window} before {@code now}, then records a new one,
   * keeping at most {@code keep} events for the key (enough to tell whether a limit of {@code keep}
   * is reached).
   *
   * @param key the key
   * @param now the new event's time
   * @param window how far back to look
   * @param keep how many events to keep for this key, at least 1
   * @param value the new event
   * @return how many earlier events lie within the window
   */
  public int countThenAdd(K key, Instant now, Duration window, int keep, T value) {
    Instant from = now.minus(window);
    long fromSecond = from.getEpochSecond();
    int fromNano = from.getNano();
    long nowSecond = now.getEpochSecond();
    int nowNano = now.getNano();
    Stripe<K> stripe = stripe(key);
    synchronized (stripe) {
      Ring events = withoutExpiredHead(stripe, key, fromSecond, fromNano);
      int count;
      if (events.size == 0 || !events.after(events.size - 1, nowSecond, nowNano)) {
        count = events.size; // in time order (the usual case): everything left is in the window
      } else {
        count = 0;
        for (int i = 0; i < events.size; i++) {
          if (!events.before(i, fromSecond, fromNano) && !events.after(i, nowSecond, nowNano)) {
            count++;
          }
        }
      }
      events.addLast(nowSecond, nowNano, value, Math.min(keep, maxPerKey));
      return count;
    }
  }

  /**
   * How many keys are remembered.
   *
   * @return the count
   */
  public int keys() {
    int total = 0;
    for (Stripe<K> stripe : stripes) {
      synchronized (stripe) {
        total += stripe.windows.size();
      }
    }
    return total;
  }
}
