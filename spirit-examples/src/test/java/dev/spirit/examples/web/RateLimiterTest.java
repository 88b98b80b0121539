package dev.spirit.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The board's per-client rate limiter")
class RateLimiterTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  @DisplayName("allows a burst of the per-minute limit, then refuses until tokens refill")
  void burstThenRefill() {
    RateLimiter limiter = new RateLimiter(40);
    for (int i = 0; i < 40; i++) {
      assertThat(limiter.tryAcquire("a", 0)).as("post %d", i).isTrue();
    }
    assertThat(limiter.tryAcquire("a", 0)).isFalse();
    // 40 a minute is one token every 1.5 s.
    assertThat(limiter.tryAcquire("a", SECOND)).isFalse();
    assertThat(limiter.tryAcquire("a", 3 * SECOND / 2 + 1)).isTrue();
    assertThat(limiter.tryAcquire("a", 3 * SECOND / 2 + 2)).isFalse();
  }

  @Test
  @DisplayName("counts each client separately and never stores more than one minute's burst")
  void perClientAndCapped() {
    RateLimiter limiter = new RateLimiter(2);
    assertThat(limiter.tryAcquire("a", 0)).isTrue();
    assertThat(limiter.tryAcquire("a", 0)).isTrue();
    assertThat(limiter.tryAcquire("a", 0)).isFalse();
    assertThat(limiter.tryAcquire("b", 0)).isTrue();
    // An hour idle refills the bucket to its capacity of 2, not to 120.
    long hour = 3600 * SECOND;
    assertThat(limiter.tryAcquire("a", hour)).isTrue();
    assertThat(limiter.tryAcquire("a", hour)).isTrue();
    assertThat(limiter.tryAcquire("a", hour)).isFalse();
  }
}
