package dev.spirit.storage.jdbc;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * PostgreSQL's text form of a {@code timestamptz} in UTC, for instants sent inside array parameters
 * (where the driver's own conversion of {@code OffsetDateTime} does not apply): {@code 2026-11-26
 * 19:04:52.123456+00}, years before 1 as {@code ... BC}, years after 9999 with as many digits as
 * they need. Whole microseconds only (the column's precision; callers floor first).
 */
final class PgTimestamps {
  private PgTimestamps() {}

  static String format(Instant instant) {
    LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    int year = t.getYear();
    // ISO year 0 is 1 BC, -1 is 2 BC, ...
    boolean bc = year <= 0;
    StringBuilder out = new StringBuilder(40);
    pad(out, bc ? 1 - year : year, 4).append('-');
    pad(out, t.getMonthValue(), 2).append('-');
    pad(out, t.getDayOfMonth(), 2).append(' ');
    pad(out, t.getHour(), 2).append(':');
    pad(out, t.getMinute(), 2).append(':');
    pad(out, t.getSecond(), 2).append('.');
    pad(out, t.getNano() / 1000, 6).append("+00");
    if (bc) {
      out.append(" BC");
    }
    return out.toString();
  }

  private static StringBuilder pad(StringBuilder out, int value, int digits) {
    String text = Integer.toString(value);
    for (int i = text.length(); i < digits; i++) {
      out.append('0');
    }
    return out.append(text);
  }
}
