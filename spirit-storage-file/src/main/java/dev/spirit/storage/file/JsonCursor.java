package dev.spirit.storage.file;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads JSON tokens from a byte range, strictly: no white space, strings decoded from UTF-8 like
 * the rest of the frame ({@code new String(bytes, UTF_8)}), escapes as JSON defines them. Each
 * method consumes its token and says whether it was there (false, -1 or null if not, having
 * consumed nothing useful: the caller then declines the whole record). Not thread-safe.
 */
final class JsonCursor {
  private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

  final byte[] buf;
  final int end;
  int pos;
  // the last uuid() and instant()
  long high;
  long low;
  long seconds;
  int nanos;

  JsonCursor(byte[] buf, int pos, int end) {
    this.buf = buf;
    this.pos = pos;
    this.end = end;
  }

  int peek() {
    return pos < end ? buf[pos] : -1;
  }

  boolean take(char ch) {
    if (pos < end && buf[pos] == ch) {
      pos++;
      return true;
    }
    return false;
  }

  boolean next() {
    return take(',');
  }

  /** Consumes {@code "name":} if it comes next. */
  boolean name(byte[] quotedWithColon) {
    int n = quotedWithColon.length;
    if (end - pos < n || !Arrays.equals(buf, pos, pos + n, quotedWithColon, 0, n)) {
      return false;
    }
    pos += n;
    return true;
  }

  /** Consumes a quoted enum constant name. */
  <E> @Nullable E constant(E[] values, byte[][] quotedNames) {
    for (int i = 0; i < values.length; i++) {
      byte[] q = quotedNames[i];
      if (end - pos >= q.length && Arrays.equals(buf, pos, pos + q.length, q, 0, q.length)) {
        pos += q.length;
        return values[i];
      }
    }
    return null;
  }

  /** Consumes true or false: 1 or 0, -1 if neither. */
  int bool() {
    if (end - pos >= 4 && Arrays.equals(buf, pos, pos + 4, TRUE, 0, 4)) {
      pos += 4;
      return 1;
    }
    if (end - pos >= 5 && Arrays.equals(buf, pos, pos + 5, FALSE, 0, 5)) {
      pos += 5;
      return 0;
    }
    return -1;
  }

  /** Consumes a non-negative integer of at most 18 digits; -1 if there is none. */
  long number() {
    int start = pos;
    long v = 0;
    while (pos < end && buf[pos] >= '0' && buf[pos] <= '9' && pos - start < 18) {
      v = v * 10 + (buf[pos++] - '0');
    }
    if (pos == start
        || pos < end && buf[pos] >= '0' && buf[pos] <= '9'
        || buf[start] == '0' && pos - start > 1) {
      return -1;
    }
    return v;
  }

  /** Consumes a string; null if there is none or it is malformed. */
  @Nullable String string() {
    if (!take('"')) {
      return null;
    }
    int start = pos;
    while (pos < end) {
      byte b = buf[pos];
      if (b == '"') {
        String s = new String(buf, start, pos - start, StandardCharsets.UTF_8);
        pos++;
        return s;
      }
      if (b == '\\') {
        return escaped(start);
      }
      if (b >= 0 && b < 0x20) {
        return null; // a raw control character is not valid JSON
      }
      pos++;
    }
    return null;
  }

  private @Nullable String escaped(int start) {
    StringBuilder out = new StringBuilder(pos - start + 16);
    int run = start;
    while (pos < end) {
      byte b = buf[pos];
      if (b == '"') {
        out.append(new String(buf, run, pos - run, StandardCharsets.UTF_8));
        pos++;
        return out.toString();
      }
      if (b >= 0 && b < 0x20) {
        return null;
      }
      if (b != '\\') {
        pos++;
        continue;
      }
      out.append(new String(buf, run, pos - run, StandardCharsets.UTF_8));
      if (end - pos < 2) {
        return null;
      }
      byte e = buf[pos + 1];
      pos += 2;
      switch (e) {
        case '"', '\\', '/' -> out.append((char) e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (end - pos < 4) {
            return null;
          }
          int v = 0;
          for (int i = 0; i < 4; i++) {
            int d = Character.digit(buf[pos + i], 16);
            if (d < 0) {
              return null;
            }
            v = (v << 4) | d;
          }
          pos += 4;
          out.append((char) v);
        }
        default -> {
          return null;
        }
      }
      run = pos;
    }
    return null;
  }

  /** Skips a JSON object (strings with escapes respected); false if it is not one. */
  boolean skipObject() {
    if (peek() != '{') {
      return false;
    }
    int depth = 0;
    while (pos < end) {
      byte b = buf[pos++];
      if (b == '"') {
        while (pos < end && buf[pos] != '"') {
          pos += buf[pos] == '\\' ? 2 : 1;
        }
        pos++;
      } else if (b == '{' || b == '[') {
        depth++;
      } else if (b == '}' || b == ']') {
        depth--;
        if (depth == 0) {
          return pos <= end;
        }
      }
    }
    return false;
  }

  /** Consumes a quoted canonical UUID (8-4-4-4-12 hex digits) into high/low. */
  boolean uuid() {
    if (end - pos < 38 || buf[pos] != '"' || buf[pos + 37] != '"') {
      return false;
    }
    int o = pos + 1;
    if (buf[o + 8] != '-' || buf[o + 13] != '-' || buf[o + 18] != '-' || buf[o + 23] != '-') {
      return false;
    }
    long h = 0;
    long l = 0;
    for (int i = 0; i < 36; i++) {
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        continue;
      }
      int d = Character.digit(buf[o + i], 16);
      if (d < 0) {
        return false;
      }
      if (i < 18) {
        h = (h << 4) | d;
      } else {
        l = (l << 4) | d;
      }
    }
    high = h;
    low = l;
    pos += 38;
    return true;
  }

  /**
   * Consumes a quoted {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} (what {@code Instant.toString} writes
   * for years 0000-9999) into seconds/nanos.
   */
  boolean instant() {
    if (!take('"')) {
      return false;
    }
    int o = pos;
    int close = o;
    while (close < end && close - o <= 30 && buf[close] != '"') {
      close++;
    }
    int n = close - o;
    if (close >= end
        || n < 20
        || n > 30
        || n == 21
        || buf[o + 4] != '-'
        || buf[o + 7] != '-'
        || buf[o + 10] != 'T'
        || buf[o + 13] != ':'
        || buf[o + 16] != ':'
        || buf[o + n - 1] != 'Z') {
      return false;
    }
    int year = digits(o, 4);
    int month = digits(o + 5, 2);
    int day = digits(o + 8, 2);
    int hour = digits(o + 11, 2);
    int minute = digits(o + 14, 2);
    int second = digits(o + 17, 2);
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || day > 31
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return false;
    }
    int fraction = 0;
    if (n > 20) {
      if (buf[o + 19] != '.') {
        return false;
      }
      int count = n - 21;
      fraction = digits(o + 20, count);
      if (fraction < 0) {
        return false;
      }
      for (int i = count; i < 9; i++) {
        fraction *= 10;
      }
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    seconds = epochDay * 86_400 + hour * 3_600L + minute * 60L + second;
    nanos = fraction;
    pos = close + 1;
    return true;
  }

  /** The decimal number in {@code buf[from, from + count)}, or -1 if a byte is not a digit. */
  private int digits(int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      byte ch = buf[i];
      if (ch < '0' || ch > '9') {
        return -1;
      }
      v = v * 10 + (ch - '0');
    }
    return v;
  }
}
