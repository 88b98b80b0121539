package dev.spirit.storage.file;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * The on-disk frame of one record:
 *
 * <pre>
 * offset 0   int32 big-endian  payload length n (bytes of UTF-8 JSON)
 * offset 4   int32 big-endian  CRC32C over bytes [0,4) and [8, 9 + n)
 * offset 8   byte              record type tag (an ASCII letter, see RecordType)
 * offset 9   n bytes           the record as one line of JSON (SpiritCodec)
 * offset 9+n byte              '\n'
 * </pre>
 *
 * <p>The newline keeps the files readable with {@code strings}, {@code grep} and {@code jq -R}:
 * each record is a line of JSON after eight binary bytes and one letter.
 */
final class Frames {
  static final int HEADER = 9;
  static final int OVERHEAD = HEADER + 1;
  static final int MAX_PAYLOAD = 16 << 20;

  private Frames() {}

  static byte[] encode(RecordType type, String json) {
    byte[] payload = json.getBytes(StandardCharsets.UTF_8);
    int n = payload.length;
    if (n > MAX_PAYLOAD) {
      throw new IllegalArgumentException("record of " + n + " bytes exceeds " + MAX_PAYLOAD);
    }
    byte[] frame = new byte[n + OVERHEAD];
    putInt(frame, 0, n);
    frame[8] = type.tag;
    System.arraycopy(payload, 0, frame, HEADER, n);
    frame[HEADER + n] = '\n';
    putInt(frame, 4, crc(frame, 0, n));
    return frame;
  }

  /**
   * Checks the frame starting at {@code pos} of {@code buf[0, end)}.
   *
   * @return the frame's total length if it is whole and intact, otherwise -1
   */
  static int check(byte[] buf, int pos, int end) {
    if (end - pos < OVERHEAD) {
      return -1;
    }
    int n = getInt(buf, pos);
    if (n < 0 || n > MAX_PAYLOAD || n > end - pos - OVERHEAD) {
      return -1;
    }
    if (buf[pos + HEADER + n] != '\n' || RecordType.ofTag(buf[pos + 8]) == null) {
      return -1;
    }
    if (getInt(buf, pos + 4) != crc(buf, pos, n)) {
      return -1;
    }
    return n + OVERHEAD;
  }

  static @Nullable RecordType type(byte[] buf, int pos) {
    return RecordType.ofTag(buf[pos + 8]);
  }

  static String payload(byte[] buf, int pos) {
    return new String(buf, pos + HEADER, getInt(buf, pos), StandardCharsets.UTF_8);
  }

  /**
   * Whether any intact frame starts after {@code from}: tells a torn tail (nothing valid follows
   * the damage) from damage in the middle (valid records follow it). Frames start right after a
   * newline, so only those positions are tried.
   */
  static long findIntactFrameAfter(byte[] buf, int from, int end) {
    for (int p = from + 1; p < end; p++) {
      if (buf[p - 1] == '\n' && check(buf, p, end) > 0) {
        return p;
      }
    }
    return -1;
  }

  private static int crc(byte[] buf, int pos, int n) {
    CRC32C crc = new CRC32C();
    crc.update(buf, pos, 4);
    crc.update(buf, pos + 8, n + 1);
    return (int) crc.getValue();
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  private static int getInt(byte[] b, int at) {
    return ((b[at] & 0xff) << 24)
        | ((b[at + 1] & 0xff) << 16)
        | ((b[at + 2] & 0xff) << 8)
        | (b[at + 3] & 0xff);
  }
}
