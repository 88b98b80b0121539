package dev.spirit.storage.jdbc;

import dev.spirit.storage.SpiritStores;

/** Helpers for JDBC URLs in messages: never show a password. */
final class JdbcUrls {
  private JdbcUrls() {}

  /**
   * The URL with its passwords masked, as core masks every store URI ({@link
   * SpiritStores#redacted}): a {@code password=...} parameter and a {@code user:password@} part.
   *
   * @param url a JDBC URL
   * @return the URL, safe to log
   */
  static String redact(String url) {
    return SpiritStores.redacted(url);
  }
}
