package dev.spirit.io;

import dev.spirit.error.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Reads the times of an import row ({@link Field#COLLECTED_AT}, {@link Field#CONSENT_AT}): an
 * ISO-8601 instant, offset date-time, local date-time (a space may stand for the {@code T}, as
 * spreadsheets write it) or date, local ones in a given zone.
 */
final class ImportTimes {
  private ImportTimes() {}

  static Instant parse(String column, String value, ZoneId zone) {
    String v = value.strip();
    if (v.length() > 10 && v.charAt(10) == ' ') {
      v = v.substring(0, 10) + 'T' + v.substring(11);
    }
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException notOffset) {
      // fall through to the forms without an offset
    }
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException notInstant) {
      // fall through
    }
    try {
      return LocalDateTime.parse(v).atZone(zone).toInstant();
    } catch (DateTimeParseException notLocal) {
      // fall through
    }
    try {
      return LocalDate.parse(v).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException notDate) {
      throw new InvalidInputException(
          column,
          "'"
              + (value.length() > 64 ? value.substring(0, 64) + "…" : value)
              + "' is not a time; expected e.g. 2026-11-03T18:15+08:00, 2026-11-03T10:15:00Z,"
              + " 2026-11-03 18:15 or 2026-11-03 (local ones in "
              + zone.getId()
              + ")");
    }
  }
}
