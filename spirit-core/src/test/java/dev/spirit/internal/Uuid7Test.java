package dev.spirit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.submission.SubmissionId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("UUIDv7 ids")
class Uuid7Test {

  private static long millisOf(UUID u) {
    return u.getMostSignificantBits() >>> 16;
  }

  @Test
  @DisplayName(
      "ids for one stalled instant are strictly increasing, past the 4096 per-millisecond counter")
  void stalledClock() {
    Instant stalled = Instant.parse("2026-06-01T08:00:00Z");
    UUID previous = Uuid7.next(stalled);
    for (int i = 0; i < 10_000; i++) {
      UUID next = Uuid7.next(stalled);
      assertThat(Uuid7.compareUnsigned(next, previous)).as("id %d", i).isPositive();
      assertThat(millisOf(next)).isGreaterThanOrEqualTo(millisOf(previous));
      previous = next;
    }
  }

  @Test
  @DisplayName("ids stay strictly increasing when the clock steps backwards")
  void backwardsClock() {
    Instant now = Instant.now();
    UUID a = Uuid7.next(now);
    UUID b = Uuid7.next(now.minus(Duration.ofHours(1)));
    UUID c = Uuid7.next(now.minus(Duration.ofDays(365)));
    UUID d = Uuid7.next(Instant.EPOCH);
    assertThat(List.of(a, b, c, d)).isSortedAccordingTo(Uuid7::compareUnsigned);
    assertThat(new HashSet<>(List.of(a, b, c, d))).hasSize(4);
  }

  @Test
  @DisplayName("an id embeds its instant's milliseconds once the clock moves past earlier ids")
  void embedsTime() {
    Instant later = Instant.now().plusSeconds(1);
    UUID u = Uuid7.next(later);
    assertThat(millisOf(u)).isBetween(later.toEpochMilli(), later.toEpochMilli() + 1);
  }

  @Test
  @DisplayName("every id has version 7 and the RFC 9562 variant")
  void versionAndVariant() {
    for (int i = 0; i < 1000; i++) {
      UUID u = Uuid7.next(Instant.now());
      assertThat(u.version()).isEqualTo(7);
      assertThat(u.variant()).isEqualTo(2);
    }
  }

  @Test
  @DisplayName("unsigned order equals the order of canonical strings, unlike UUID.compareTo")
  void unsignedOrderIsStringOrder() {
    Random random = new Random(2026);
    boolean signedDisagreed = false;
    for (int i = 0; i < 5000; i++) {
      UUID a = new UUID(random.nextLong(), random.nextLong());
      UUID b =
          i % 3 == 0
              ? new UUID(a.getMostSignificantBits(), random.nextLong())
              : new UUID(random.nextLong(), random.nextLong());
      int unsigned = Integer.signum(Uuid7.compareUnsigned(a, b));
      assertThat(unsigned).isEqualTo(Integer.signum(a.toString().compareTo(b.toString())));
      assertThat(Integer.signum(new SubmissionId(a).compareTo(new SubmissionId(b))))
          .isEqualTo(unsigned);
      signedDisagreed |= Integer.signum(a.compareTo(b)) != unsigned;
    }
    assertThat(signedDisagreed).as("the signed order differs for some pair").isTrue();
  }

  @Test
  @DisplayName("8 threads generating at once get unique ids")
  void concurrentUnique() throws Exception {
    Set<UUID> all = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 2000; i++) {
                    all.add(Uuid7.next(Instant.now()));
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(all).hasSize(16_000);
  }

  @Test
  @DisplayName("only canonical UUID strings parse")
  void canonicalParsing() {
    UUID u = Uuid7.next(Instant.now());
    assertThat(Uuid7.parseCanonical(u.toString())).isEqualTo(u);
    assertThat(Uuid7.parseCanonical(u.toString().toUpperCase(java.util.Locale.ROOT))).isEqualTo(u);
    assertThatThrownBy(() -> Uuid7.parseCanonical("1-1-1-1-1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SubmissionId.parse("not-a-uuid"))
        .isInstanceOf(dev.spirit.error.InvalidInputException.class)
        .hasMessageContaining("not-a-uuid");
  }
}
