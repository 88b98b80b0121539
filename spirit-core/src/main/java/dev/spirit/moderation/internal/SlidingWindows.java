package dev.spirit.moderation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

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
 * <p>Layout: on the intake path most keys are new or long expired (a participant gives one or two
 * texts), so the common operation is insert-one-key-and-evict-the-eldest, and the history of
 * 100,000 participants is cold in the CPU caches. Each key is therefore one object holding its hash
 * chain link, its least-recently-used links and a ring of its events (timestamps as one {@code
 * long} of epoch nanoseconds each; values only when some caller reads them back), growing from one
 * slot, rather than a map node, a key holder, a ring object and three arrays.
 *
 * <p>Timestamps: instants are compared at nanosecond precision between the years 1678 and 2262;
 * instants outside that range compare as its end points.
 *
 * @param <K> the key type (a value with equals and hashCode)
 * @param <T> what is remembered per event
 */
public final class SlidingWindows<K, T> {
  /** From this many keys on, the history is striped. */
  public static final int STRIPING_FROM = 4_096;

  /** Number of stripes of a striped history. */
  public static final int STRIPES = 16;

  private static final long MAX_SECOND = Long.MAX_VALUE / 1_000_000_000L - 1;

  private final int maxPerKey;
  private final Stripe[] stripes;

  /** The events of one key, oldest first, in a ring; also its hash chain and recency links. */
  private static final class Entry {
    final Object key;
    final int hash;
    @Nullable Entry nextInBucket;
    // Recency list: older is towards the eldest (evicted first), newer towards the newest.
    @Nullable Entry older;
    @Nullable Entry newer;
    long[] times = new long[1];
    // Allocated on the first event that carries a value: counting windows never need one.
    Object @Nullable [] values;
    int head;
    int size;
    // Whether the timestamps are in non-decreasing order (events usually arrive in time order);
    // then nothing before the window can hide behind the first event, and no scan is needed.
    boolean ordered = true;

    Entry(Object key, int hash) {
      this.key = key;
      this.hash = hash;
    }

    private int slot(int i) {
      return (head + i) & (times.length - 1);
    }

    long time(int i) {
      return times[slot(i)];
    }

    @Nullable Object value(int i) {
      Object @Nullable [] v = values;
      return v == null ? null : v[slot(i)];
    }

    void removeFirst() {
      Object @Nullable [] v = values;
      if (v != null) {
        v[head] = null;
      }
      head = (head + 1) & (times.length - 1);
      size--;
    }

    /** Drops the leading events before {@code from}. */
    void removeExpiredHead(long from) {
      while (size > 0 && times[head] < from) {
        removeFirst();
      }
    }

    /** Removes the events before {@code from} wherever they are, keeping the order of the rest. */
    void removeBefore(long from) {
      if (ordered && (size == 0 || time(0) >= from)) {
        return; // in order and the first is not before: none is
      }
      int kept = 0;
      for (int i = 0; i < size; i++) {
        if (time(i) >= from) {
          if (kept != i) {
            int src = slot(i);
            int dst = slot(kept);
            times[dst] = times[src];
            Object @Nullable [] v = values;
            if (v != null) {
              v[dst] = v[src];
            }
          }
          kept++;
        }
      }
      Object @Nullable [] v = values;
      if (v != null) {
        for (int i = kept; i < size; i++) {
          v[slot(i)] = null;
        }
      }
      size = kept;
    }

    void addLast(long time, @Nullable Object value, int cap) {
      if (size > 0 && time(size - 1) > time) {
        ordered = false;
      }
      if (value != null && values == null) {
        values = new Object[times.length];
      }
      if (size == times.length && size < cap) {
        grow();
      }
      if (size == times.length) {
        removeFirst();
      }
      int s = slot(size);
      times[s] = time;
      Object @Nullable [] v = values;
      if (v != null) {
        v[s] = value;
      }
      size++;
      while (size > cap) {
        removeFirst();
      }
    }

    /** Removes the events whose value matches, keeping the order of the rest. */
    void removeValues(Predicate<Object> gone) {
      int kept = 0;
      Object @Nullable [] v = values;
      if (v == null) {
        return;
      }
      for (int i = 0; i < size; i++) {
        int src = slot(i);
        Object value = v[src];
        if (value == null || !gone.test(value)) {
          int dst = slot(kept);
          times[dst] = times[src];
          v[dst] = value;
          kept++;
        }
      }
      for (int i = kept; i < size; i++) {
        v[slot(i)] = null;
      }
      size = kept;
    }

    private void grow() {
      int capacity = times.length * 2;
      long[] t = new long[capacity];
      Object @Nullable [] v = values == null ? null : new Object[capacity];
      Object @Nullable [] old = values;
      for (int i = 0; i < size; i++) {
        int from = slot(i);
        t[i] = times[from];
        if (v != null && old != null) {
          v[i] = old[from];
        }
      }
      times = t;
      values = v;
      head = 0;
    }
  }

  /**
   * One lock's share of the keys: a chained hash table whose entries are also linked from the least
   * to the most recently used.
   */
  private static final class Stripe {
    final int maxKeys;
    Entry[] buckets = new Entry[16];
    int count;
    @Nullable Entry eldest;
    @Nullable Entry newest;

    Stripe(int maxKeys) {
      this.maxKeys = maxKeys;
    }

    /** The key's entry, made the most recently used; created (evicting the eldest) if absent. */
    Entry touch(Object key, int hash) {
      Entry[] table = buckets;
      int index = hash & (table.length - 1);
      for (Entry e = table[index]; e != null; e = e.nextInBucket) {
        if (e.hash == hash && e.key.equals(key)) {
          if (e != newest) {
            unlink(e);
            linkNewest(e);
          }
          return e;
        }
      }
      Entry e = new Entry(key, hash);
      e.nextInBucket = table[index];
      table[index] = e;
      linkNewest(e);
      count++;
      if (count > maxKeys) {
        Entry evicted = eldest;
        if (evicted != null) {
          removeFromBucket(evicted);
          unlink(evicted);
          count--;
        }
      } else if (count > table.length - (table.length >>> 2)) {
        resize();
      }
      return e;
    }

    void remove(Entry e) {
      removeFromBucket(e);
      unlink(e);
      count--;
    }

    private void unlink(Entry e) {
      Entry older = e.older;
      Entry newer = e.newer;
      if (older == null) {
        eldest = newer;
      } else {
        older.newer = newer;
      }
      if (newer == null) {
        newest = older;
      } else {
        newer.older = older;
      }
      e.older = null;
      e.newer = null;
    }

    private void linkNewest(Entry e) {
      Entry last = newest;
      e.older = last;
      e.newer = null;
      if (last == null) {
        eldest = e;
      } else {
        last.newer = e;
      }
      newest = e;
    }

    private void removeFromBucket(Entry e) {
      Entry[] table = buckets;
      int index = e.hash & (table.length - 1);
      Entry previous = null;
      for (Entry x = table[index]; x != null; x = x.nextInBucket) {
        if (x == e) {
          if (previous == null) {
            table[index] = x.nextInBucket;
          } else {
            previous.nextInBucket = x.nextInBucket;
          }
          x.nextInBucket = null;
          return;
        }
        previous = x;
      }
    }

    private void resize() {
      Entry[] old = buckets;
      Entry[] table = new Entry[old.length * 2];
      for (Entry head : old) {
        for (Entry e = head; e != null; ) {
          Entry next = e.nextInBucket;
          int index = e.hash & (table.length - 1);
          e.nextInBucket = table[index];
          table[index] = e;
          e = next;
        }
      }
      buckets = table;
    }
  }

  /**
   * Creates an empty history.
   *
   * @param maxKeys how many keys to remember
   * @param maxPerKey how many events per key
   */
  public SlidingWindows(int maxKeys, int maxPerKey) {
    this.maxPerKey = maxPerKey;
    int count = maxKeys >= STRIPING_FROM ? STRIPES : 1;
    int share = (maxKeys + count - 1) / count;
    this.stripes = new Stripe[count];
    for (int i = 0; i < count; i++) {
      stripes[i] = new Stripe(share);
    }
  }

  private static int spread(Object key) {
    int h = key.hashCode();
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h;
  }

  private Stripe stripe(int hash) {
    // The top bits choose the stripe, the low bits the bucket within it.
    return stripes.length == 1 ? stripes[0] : stripes[hash >>> 28];
  }

  /** Epoch nanoseconds, saturated outside the years 1678–2262. */
  static long stamp(Instant t) {
    long s = t.getEpochSecond();
    if (s > MAX_SECOND) {
      return Long.MAX_VALUE;
    }
    if (s < -MAX_SECOND) {
      return Long.MIN_VALUE;
    }
    return s * 1_000_000_000L + t.getNano();
  }

  /** The start of a window ending at {@code now}, saturated. */
  private static long windowStart(long now, Duration window) {
    long nanos = window.getSeconds() > MAX_SECOND ? Long.MAX_VALUE : window.toNanos();
    long from = now - nanos;
    // Overflow only when now is far below zero and the window long: the window then starts at the
    // earliest representable instant.
    return from > now ? Long.MIN_VALUE : from;
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
  public List<T> recentThenAdd(K key, Instant now, Duration window, T value) {
    return recentThenAdd(key, now, window, maxPerKey, value);
  }

  /**
   * Returns the events of a key within {@code window} before {@code now}, then records a new one,
   * keeping at most {@code keep} events for the key (and never more than this history's maximum).
   *
   * @param key the key
   * @param now the new event's time
   * @param window how far back to look
   * @param keep how many events to keep for this key, at least 1
   * @param value the new event
   * @return earlier events within the window, oldest first
   */
  @SuppressWarnings("unchecked")
  public List<T> recentThenAdd(K key, Instant now, Duration window, int keep, T value) {
    long at = stamp(now);
    long from = windowStart(at, window);
    int hash = spread(key);
    Stripe stripe = stripe(hash);
    synchronized (stripe) {
      Entry events = stripe.touch(key, hash);
      events.removeExpiredHead(from);
      events.removeBefore(from);
      List<T> recent = new ArrayList<>(events.size);
      for (int i = 0; i < events.size; i++) {
        Object v = events.value(i);
        // Stamped after this call's instant yet recorded first: a concurrent intake (another
        // thread or instance stamped a moment later and got here first). It counts, or two
        // simultaneous copies of one text would both pass.
        if (v != null) {
          recent.add((T) v);
        }
      }
      events.addLast(at, value, Math.min(keep, maxPerKey));
      return recent;
    }
  }

  /**
   * Counts the events of a key within {@code window} before {@code now}, then records a new one,
   * keeping at most {@code keep} events for the key (enough to tell whether a limit of {@code keep}
   * is reached). Counted events carry no value.
   *
   * @param key the key
   * @param now the new event's time
   * @param window how far back to look
   * @param keep how many events to keep for this key, at least 1
   * @return how many earlier events lie within the window
   */
  public int countThenAdd(K key, Instant now, Duration window, int keep) {
    long at = stamp(now);
    long from = windowStart(at, window);
    int hash = spread(key);
    Stripe stripe = stripe(hash);
    synchronized (stripe) {
      Entry events = stripe.touch(key, hash);
      events.removeExpiredHead(from);
      int count;
      if (events.ordered) {
        count = events.size; // in time order (the usual case): everything left is in the window
      } else {
        // Events stamped after this call's instant count too (see recentThenAdd): only age
        // takes an event out of the window.
        count = 0;
        for (int i = 0; i < events.size; i++) {
          if (events.time(i) >= from) {
            count++;
          }
        }
      }
      events.addLast(at, null, Math.min(keep, maxPerKey));
      return count;
    }
  }

  /**
   * Forgets every key {@code keyGone} accepts and every event whose value {@code valueGone} accepts
   * (erasure; a scan of the whole history).
   *
   * @param keyGone which keys to drop
   * @param valueGone which events to drop from the keys that stay
   */
  @SuppressWarnings("unchecked")
  public void erase(Predicate<? super K> keyGone, Predicate<? super T> valueGone) {
    for (Stripe stripe : stripes) {
      synchronized (stripe) {
        List<Entry> doomed = new ArrayList<>();
        for (Entry e = stripe.eldest; e != null; e = e.newer) {
          if (keyGone.test((K) e.key)) {
            doomed.add(e);
          } else if (e.values != null) {
            e.removeValues(v -> valueGone.test((T) v));
          }
        }
        for (Entry e : doomed) {
          stripe.remove(e);
        }
      }
    }
  }

  /**
   * How many keys are remembered.
   *
   * @return the count
   */
  public int keys() {
    int total = 0;
    for (Stripe stripe : stripes) {
      synchronized (stripe) {
        total += stripe.count;
      }
    }
    return total;
  }
}
