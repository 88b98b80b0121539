package dev.spirit.aggregation;

/**
 * SipHash-2-4 (Aumasson and Bernstein, 2012) over a byte array with a 128-bit key, as in the
 * reference implementation: the 64-bit result Guava's {@code Hashing.sipHash24(k0, k1)} gives (a
 * test checks them against each other). Written out here because it runs once per counted
 * submission and endorsement, where a streaming hasher's allocations would cost more than the hash.
 */
final class SipHash {
  private SipHash() {}

  static long hash24(long k0, long k1, byte[] data) {
    long v0 = 0x736f6d6570736575L ^ k0;
    long v1 = 0x646f72616e646f6dL ^ k1;
    long v2 = 0x6c7967656e657261L ^ k0;
    long v3 = 0x7465646279746573L ^ k1;
    int length = data.length;
    int end = length - (length & 7);
    for (int at = 0; at < end; at += 8) {
      long m = word(data, at, 8);
      v3 ^= m;
      for (int r = 0; r < 2; r++) {
        v0 += v1;
        v1 = Long.rotateLeft(v1, 13) ^ v0;
        v0 = Long.rotateLeft(v0, 32);
        v2 += v3;
        v3 = Long.rotateLeft(v3, 16) ^ v2;
        v0 += v3;
        v3 = Long.rotateLeft(v3, 21) ^ v0;
        v2 += v1;
        v1 = Long.rotateLeft(v1, 17) ^ v2;
        v2 = Long.rotateLeft(v2, 32);
      }
      v0 ^= m;
    }
    long last = ((long) length << 56) | word(data, end, length & 7);
    v3 ^= last;
    for (int r = 0; r < 2; r++) {
      v0 += v1;
      v1 = Long.rotateLeft(v1, 13) ^ v0;
      v0 = Long.rotateLeft(v0, 32);
      v2 += v3;
      v3 = Long.rotateLeft(v3, 16) ^ v2;
      v0 += v3;
      v3 = Long.rotateLeft(v3, 21) ^ v0;
      v2 += v1;
      v1 = Long.rotateLeft(v1, 17) ^ v2;
      v2 = Long.rotateLeft(v2, 32);
    }
    v0 ^= last;
    v2 ^= 0xff;
    for (int r = 0; r < 4; r++) {
      v0 += v1;
      v1 = Long.rotateLeft(v1, 13) ^ v0;
      v0 = Long.rotateLeft(v0, 32);
      v2 += v3;
      v3 = Long.rotateLeft(v3, 16) ^ v2;
      v0 += v3;
      v3 = Long.rotateLeft(v3, 21) ^ v0;
      v2 += v1;
      v1 = Long.rotateLeft(v1, 17) ^ v2;
      v2 = Long.rotateLeft(v2, 32);
    }
    return v0 ^ v1 ^ v2 ^ v3;
  }

  /** Up to 8 bytes from {@code at}, little-endian. */
  private static long word(byte[] data, int at, int count) {
    long v = 0;
    for (int i = count - 1; i >= 0; i--) {
      v = (v << 8) | (data[at + i] & 0xff);
    }
    return v;
  }
}
