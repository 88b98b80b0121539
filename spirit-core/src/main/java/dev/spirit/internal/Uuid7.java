package dev.spirit.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Generates RFC 9562 version 7 UUIDs: 48 bits of Unix milliseconds, then random bits, so ids sort
 * by creation time. Within one millisecond this generator increments a 12-bit counter (method 1 of
 * RFC 9562 section 6.2), so ids from one process are strictly increasing even when the clock stalls
 * or steps back.
 */
public final class Uuid7 {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static long lastMillis = -1;
  private static int counter;

  private Uuid7() {}

  /**
   * Returns a new, strictly increasing (within this process) version 7 UUID.
   *
   * @param now the instant to embed; earlier than a previous call is treated as that previous time
   * @return a new UUID
   */
  public static synchronized UUID next(Instant now) {
    long millis = now.toEpochMilli();
    if (millis <= lastMillis) {
      counter++;
      if (counter > 0xFFF) {
        lastMillis++;
        counter = RANDOM.nextInt(0x400);
      }
      millis = lastMillis;
    } else {
      lastMillis = millis;
      counter = RANDOM.nextInt(0x400);
    }
    long msb = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (counter & 0xFFF);
    long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb);
  }

  /**
   * Compares UUIDs as unsigned 128-bit numbers, which is their byte order and their order as
   * lowercase strings ({@link UUID#compareTo} compares signed).
   *
   * @param a first
   * @param b second
   * @return negative, zero or positive
   */
  public static int compareUnsigned(UUID a, UUID b) {
    int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return c != 0
        ? c
        : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }

  /**
   * Parses a UUID in canonical form, refusing the lenient forms {@link UUID#fromString} accepts.
   *
   * @param text 36 characters, lowercase or uppercase hex with dashes
   * @return the UUID
   * @throws IllegalArgumentException if the text is not canonical
   */
  public static UUID parseCanonical(String text) {
    if (text.length() != 36
        || text.charAt(8) != '-'
        || text.charAt(13) != '-'
        || text.charAt(18) != '-'
        || text.charAt(23) != '-') {
      throw new IllegalArgumentException("not a canonical UUID: " + text);
    }
    return UUID.fromString(text);
  }
}
