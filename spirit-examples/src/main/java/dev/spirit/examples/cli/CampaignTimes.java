package dev.spirit.examples.cli;

import dev.spirit.error.InvalidInputException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The times and zones people type for a campaign's window: a local date and time in the campaign's
 * zone ({@code 2026-12-10T09:00}, {@code "2026-12-10 09:00"}), a date alone (its first moment), or
 * an instant with an offset ({@code 2026-12-10T01:00Z}, {@code 2026-12-10T09:00+08:00}).
 */
final class CampaignTimes {
  private CampaignTimes() {}

  /**
   * Reads a time given for {@code option}.
   *
   * @param option the option it came from, for the message
   * @param value what was typed
   * @param zone the campaign's zone, for local times
   * @return the instant
   * @throws InvalidInputException naming the option and the accepted forms
   */
  static Instant parse(String option, String value, ZoneId zone) {
    String text = value.strip().replace(' ', 'T');
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(zone).toInstant();
      }
      if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
        return OffsetDateTime.parse(text).toInstant();
      }
      return LocalDateTime.parse(text).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          option,
          "'"
              + value
              + "' is not a time: give 2026-12-10, 2026-12-10T09:00 (in the campaign's zone) or"
              + " 2026-12-10T09:00+08:00");
    }
  }

  /**
   * Reads a time zone such as {@code Asia/Shanghai} or {@code +08:00}.
   *
   * @param value what was typed
   * @return the zone
   * @throws InvalidInputException if it names no zone
   */
  static ZoneId zone(String value) {
    try {
      return ZoneId.of(value.strip());
    } catch (DateTimeException e) {
      throw new InvalidInputException(
          "--time-zone",
          "'"
              + value
              + "' is not a time zone: give a region such as Asia/Shanghai or an offset such as"
              + " +08:00");
    }
  }

  /**
   * A time as people in the zone read it, e.g. {@code 2026-12-10 09:00 (Asia/Shanghai)}.
   *
   * @param instant the instant
   * @param zone the zone
   * @return the text
   */
  static String local(Instant instant, ZoneId zone) {
    LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
    return String.format(
        Locale.ROOT,
        "%s %02d:%02d (%s)",
        local.toLocalDate(),
        local.getHour(),
        local.getMinute(),
        zone.getId());
  }
}
