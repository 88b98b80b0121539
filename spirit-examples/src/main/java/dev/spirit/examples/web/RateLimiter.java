package dev.spirit.examples.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per client: {@code perMinute} requests, refilled continuously. Bounded memory: the
 * least recently seen clients are forgotten first. Shared by the JDK-server board ({@code spirit
 * serve}) and the Spring Boot district app, so both limit alike.
 */
public final class RateLimiter {
  private final double perNano;
  private final double capacity;
  private final Map<String, double[]> buckets =
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
          return size() > 50_000;
        }
      };

  /**
   * Creates a limiter.
   *
   * @param perMinute requests each client may make a minute (also the burst it may make at once)
   */
  public RateLimiter(int perMinute) {
    this.capacity = perMinute;
    this.perNano = perMinute / 60e9;
  }

  /**
   * Takes one token for a client.
   *
   * @param client the client key (its address)
   * @param nowNanos the current {@link System#nanoTime()}
   * @return true if allowed, false if the client is over its limit
   */
  public synchronized boolean tryAcquire(String client, long nowNanos) {
    double[] bucket = buckets.computeIfAbsent(client, c -> new double[] {capacity, nowNanos});
    bucket[0] = Math.min(capacity, bucket[0] + (nowNanos - bucket[1]) * perNano);
    bucket[1] = nowNanos;
    if (bucket[0] >= 1) {
      bucket[0] -= 1;
      return true;
    }
    return false;
  }
}
