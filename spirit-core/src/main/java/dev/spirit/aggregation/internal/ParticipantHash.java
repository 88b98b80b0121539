package dev.spirit.aggregation.internal;

import dev.spirit.participant.ParticipantId;
import java.nio.charset.StandardCharsets;

/**
 * The one 64-bit hash of a participant id used by every distinct count: the first 64 bits of
 * MurmurHash3 x64-128 (seed 0) over the id's UTF-8 bytes, the value Guava's {@code
 * Hashing.murmur3_128().hashString(id, UTF_8).asLong()} gives. Fixed forever, so that statistics
 * computed on different machines merge. Two different ids collide with probability about 2^-64 per
 * pair, negligible for any campaign (about 10^-8 for a billion pairs).
 *
 * <p>Computed here directly over the bytes (one hash per counted submission and endorsement), which
 * costs a fraction of Guava's streaming hasher; a test checks it against Guava.
 */
public final class ParticipantHash {
  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;

  private ParticipantHash() {}

  /**
   * Hashes a participant id.
   *
   * @param id the participant
   * @return the 64-bit hash
   */
  public static long of(ParticipantId id) {
    return ofValue(id.value());
  }

  /**
   * Hashes the text of a participant id.
   *
   * @param value the id's text
   * @return the 64-bit hash
   */
  public static long ofValue(String value) {
    return murmur3x64First64(value.getBytes(StandardCharsets.UTF_8));
  }

  private static long murmur3x64First64(byte[] data) {
    int length = data.length;
    int blocks = length >>> 4;
    long h1 = 0;
    long h2 = 0;
    for (int b = 0; b < blocks; b++) {
      long k1 = littleEndianLong(data, b << 4);
      long k2 = littleEndianLong(data, (b << 4) + 8);
      h1 ^= mixK1(k1);
      h1 = Long.rotateLeft(h1, 27);
      h1 += h2;
      h1 = h1 * 5 + 0x52dce729;
      h2 ^= mixK2(k2);
      h2 = Long.rotateLeft(h2, 31);
      h2 += h1;
      h2 = h2 * 5 + 0x38495ab5;
    }
    int tail = blocks << 4;
    int remaining = length & 15;
    long k1 = 0;
    long k2 = 0;
    for (int i = remaining - 1; i >= 8; i--) {
      k2 ^= (long) (data[tail + i] & 0xff) << ((i - 8) * 8);
    }
    for (int i = Math.min(remaining, 8) - 1; i >= 0; i--) {
      k1 ^= (long) (data[tail + i] & 0xff) << (i * 8);
    }
    h1 ^= mixK1(k1);
    h2 ^= mixK2(k2);
    h1 ^= length;
    h2 ^= length;
    h1 += h2;
    h2 += h1;
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 += h2;
    return h1;
  }

  private static long littleEndianLong(byte[] data, int at) {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (data[at + i] & 0xff);
    }
    return v;
  }

  private static long mixK1(long k1) {
    k1 *= C1;
    k1 = Long.rotateLeft(k1, 31);
    k1 *= C2;
    return k1;
  }

  private static long mixK2(long k2) {
    k2 *= C2;
    k2 = Long.rotateLeft(k2, 33);
    k2 *= C1;
    return k2;
  }

  private static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
