package dev.spirit.moderation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bounded in-memory history of recent events per key (a participant, a collection point): at most
 * {@code maxPerKey} events per key and {@code maxKeys} keys, the least recently used key evicted
 * first. Thread-safe (one lock; the work under it is a few array operations).
 *
 * @param <K> the key type (a value with equals and hashCode)
 * @param <T> what is remembered per event
 */
public final class SlidingWindows<K, T> {
  private final int maxKeys;
  private final int maxPerKey;
  private final Map<K, ArrayDeque<Stamped<T>>> windows;

  private record Stamped<T>(Instant at, T value) {}

  /**
   * Creates an empty history.
   *
   * @param maxKeys how many keys to remember
   * @param maxPerKey how many events per key
   */
  public SlidingWindows(int maxKeys, int maxPerKey) {
    this.maxKeys = maxKeys;
    this.maxPerKey = maxPerKey;
    this.windows =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<K, ArrayDeque<Stamped<T>>> eldest) {
            return size() > SlidingWindows.this.maxKeys;
          }
        };
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
  public synchronized List<T> recentThenAdd(K key, Instant now, Duration window, T value) {
    ArrayDeque<Stamped<T>> events = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
    Instant from = now.minus(window);
    while (!events.isEmpty() && events.peekFirst().at().isBefore(from)) {
      events.removeFirst();
    }
    List<T> recent = new ArrayList<>(events.size());
    for (Iterator<Stamped<T>> it = events.iterator(); it.hasNext(); ) {
      Stamped<T> e = it.next();
      if (e.at().isBefore(from)) {
        it.remove();
      } else if (!e.at().isAfter(now)) {
        recent.add(e.value());
      }
    }
    events.addLast(new Stamped<>(now, value));
    while (events.size() > maxPerKey) {
      events.removeFirst();
    }
    return recent;
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
  public synchronized int countThenAdd(K key, Instant now, Duration window, int keep, T value) {
    ArrayDeque<Stamped<T>> events = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
    Instant from = now.minus(window);
    while (!events.isEmpty() && events.peekFirst().at().isBefore(from)) {
      events.removeFirst();
    }
    int count;
    Stamped<T> newest = events.peekLast();
    if (newest == null || !newest.at().isAfter(now)) {
      count = events.size(); // in time order (the usual case): everything left is in the window
    } else {
      count = 0;
      for (Stamped<T> e : events) {
        if (!e.at().isBefore(from) && !e.at().isAfter(now)) {
          count++;
        }
      }
    }
    events.addLast(new Stamped<>(now, value));
    while (events.size() > Math.min(keep, maxPerKey)) {
      events.removeFirst();
    }
    return count;
  }

  /**
   * How many keys are remembered.
   *
   * @return the count
   */
  public synchronized int keys() {
    return windows.size();
  }
}
