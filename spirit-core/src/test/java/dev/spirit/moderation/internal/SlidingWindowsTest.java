package dev.spirit.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The sliding windows of the flood and rate rules")
class SlidingWindowsTest {
  private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");
  private static final Duration WINDOW = Duration.ofMinutes(10);

  @ParameterizedTest(name = "with {0} keys at most")
  @ValueSource(ints = {100, 100_000})
  @DisplayName("return the earlier events within the window, oldest first, then record the new one")
  void recentInOrder(int maxKeys) {
    SlidingWindows<String, String> windows = new SlidingWindows<>(maxKeys, 4);
    assertThat(windows.recentThenAdd("p1", T0, WINDOW, "a")).isEmpty();
    assertThat(windows.recentThenAdd("p1", T0.plusSeconds(60), WINDOW, "b")).containsExactly("a");
    assertThat(windows.recentThenAdd("p2", T0.plusSeconds(61), WINDOW, "x")).isEmpty();
    assertThat(windows.recentThenAdd("p1", T0.plusSeconds(120), WINDOW, "c"))
        .containsExactly("a", "b");
    // Ten minutes after "b" and one nanosecond more: "a" and "b" have left the window.
    assertThat(windows.recentThenAdd("p1", T0.plus(WINDOW).plusNanos(60_000_000_001L), WINDOW, "d"))
        .containsExactly("c");
    assertThat(windows.keys()).isEqualTo(2);
  }

  @Test
  @DisplayName("keep at most maxPerKey events per key, dropping the oldest")
  void boundedPerKey() {
    SlidingWindows<String, Integer> windows = new SlidingWindows<>(100, 5);
    for (int i = 0; i < 40; i++) {
      windows.recentThenAdd("k", T0.plusMillis(i), WINDOW, i);
    }
    assertThat(windows.recentThenAdd("k", T0.plusMillis(40), WINDOW, 40))
        .containsExactly(35, 36, 37, 38, 39);
  }

  @Test
  @DisplayName("handle events out of time order: later ones are not counted, stale ones leave")
  void outOfOrder() {
    SlidingWindows<String, String> windows = new SlidingWindows<>(100, 8);
    windows.recentThenAdd("k", T0.plusSeconds(300), WINDOW, "late");
    windows.recentThenAdd("k", T0, WINDOW, "early");
    // At T0 + 100 s, "late" (T0 + 300 s) is stamped after now but was recorded first (a
    // concurrent intake): it is returned, in recording order, with "early".
    assertThat(windows.recentThenAdd("k", T0.plusSeconds(100), WINDOW, "mid"))
        .containsExactly("late", "early");
    // At T0 + 12 min, "early" and "mid" are stale although they sit behind "late".
    assertThat(windows.recentThenAdd("k", T0.plusSeconds(720), WINDOW, "last"))
        .containsExactly("late");
  }

  @Test
  @DisplayName("count the events within the window, keeping only as many as the limit needs")
  void counts() {
    SlidingWindows<String, Boolean> windows = new SlidingWindows<>(100, 4_096);
    for (int i = 0; i < 10; i++) {
      assertThat(windows.countThenAdd("k", T0.plusSeconds(i), WINDOW, 3)).isEqualTo(Math.min(i, 3));
    }
    // Out of order: an event stamped before the others still counts them (recorded first).
    assertThat(windows.countThenAdd("k", T0.plusSeconds(7), WINDOW, 3)).isEqualTo(3);
    assertThat(windows.countThenAdd("k", T0.plus(WINDOW).plusSeconds(20), WINDOW, 3)).isZero();
  }

  @ParameterizedTest(name = "at {0}")
  @ValueSource(strings = {"-1000000000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59Z"})
  @DisplayName("accept instants and windows beyond the nanosecond range without failing")
  void extremeInstants(String instant) {
    SlidingWindows<String, String> windows = new SlidingWindows<>(100, 4);
    Instant at = Instant.parse(instant);
    Duration forever = Duration.ofSeconds(Long.MAX_VALUE);
    assertThat(windows.recentThenAdd("k", at, forever, "a")).isEmpty();
    assertThat(windows.recentThenAdd("k", at, forever, "b")).containsExactly("a");
    assertThat(windows.countThenAdd("c", at, WINDOW, 4)).isZero();
    assertThat(windows.countThenAdd("c", at, WINDOW, 4)).isEqualTo(1);
  }

  @Test
  @DisplayName("evict the least recently used key beyond maxKeys")
  void evictsLeastRecentlyUsed() {
    SlidingWindows<String, String> windows = new SlidingWindows<>(2, 4);
    windows.recentThenAdd("a", T0, WINDOW, "a1");
    windows.recentThenAdd("b", T0, WINDOW, "b1");
    windows.recentThenAdd("a", T0.plusSeconds(1), WINDOW, "a2");
    windows.recentThenAdd("c", T0.plusSeconds(2), WINDOW, "c1");
    assertThat(windows.keys()).isEqualTo(2);
    assertThat(windows.recentThenAdd("a", T0.plusSeconds(3), WINDOW, "a3"))
        .containsExactly("a1", "a2");
    assertThat(windows.recentThenAdd("b", T0.plusSeconds(4), WINDOW, "b2")).isEmpty();
  }

  @Test
  @DisplayName("striped, stay bounded by maxKeys in total")
  void stripedBound() {
    SlidingWindows<Integer, Integer> windows =
        new SlidingWindows<>(SlidingWindows.STRIPING_FROM, 2);
    for (int i = 0; i < 3 * SlidingWindows.STRIPING_FROM; i++) {
      windows.recentThenAdd(i, T0, WINDOW, i);
    }
    assertThat(windows.keys()).isLessThanOrEqualTo(SlidingWindows.STRIPING_FROM);
  }

  @Test
  @DisplayName("lose no event of one key when two threads add to it at once")
  void atomicPerKey() throws Exception {
    SlidingWindows<String, Integer> windows = new SlidingWindows<>(100_000, 4_096);
    int perThread = 1_000;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int offset = t;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    windows.countThenAdd("shared", T0, WINDOW, 4_096);
                    windows.countThenAdd("own-" + offset + "-" + i, T0, WINDOW, 4_096);
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(windows.countThenAdd("shared", T0, WINDOW, 4_096)).isEqualTo(2 * perThread);
    assertThat(windows.keys()).isEqualTo(1 + 2 * perThread);
  }
}
