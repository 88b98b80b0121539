package dev.spirit.storage.jdbc;

import java.util.regex.Pattern;

/** Helpers for JDBC URLs in messages: never show a password. */
final class JdbcUrls {
  private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

  private JdbcUrls() {}

  /**
   * The URL with any {@code password=...} parameter masked.
   *
   * @param url a JDBC URL
   * @return the URL, safe to log
   */
  static String redact(String url) {
    return PASSWORD.matcher(url).replaceAll("$1***");
  }
}
