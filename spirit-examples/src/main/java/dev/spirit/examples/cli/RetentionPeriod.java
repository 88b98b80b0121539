package dev.spirit.examples.cli;

import dev.spirit.error.InvalidInputException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a retention period as the CLI takes it: {@code 90d}, {@code 36h}, or ISO-8601 {@code P90D}.
 */
final class RetentionPeriod {
  private static final Pattern SHORT = Pattern.compile("(\\d{1,9})([dh])");

  private RetentionPeriod() {}

  static Duration parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Matcher m = SHORT.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return m.group(2).equals("d") ? Duration.ofDays(n) : Duration.ofHours(n);
    }
    try {
      return Duration.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "retention", "'" + text + "' is not a period such as 90d, 36h or P90D");
    }
  }

  static String format(Duration d) {
    if (d.toSeconds() % 86_400 == 0) {
      return d.toDays() + "d";
    }
    return d.toSeconds() % 3600 == 0 ? d.toHours() + "h" : d.toString();
  }
}
