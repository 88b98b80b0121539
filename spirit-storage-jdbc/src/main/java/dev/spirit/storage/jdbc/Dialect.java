package dev.spirit.storage.jdbc;

import dev.spirit.error.StorageException;
import java.util.Locale;

/**
 * The SQL databases {@link JdbcStore} speaks. Each has its own migration scripts (under {@code
 * dev/spirit/storage/jdbc/migration/<name>/}) and its own way of serialising concurrent schema
 * migrations; the few statements they spell differently are in {@link DialectSql}.
 */
public enum Dialect {
  /** H2 2.x, embedded ({@code jdbc:h2:file:...}, {@code jdbc:h2:mem:...}) or in server mode. */
  H2("h2"),
  /** PostgreSQL 12 or later, and engines that speak its protocol and SQL. */
  POSTGRESQL("postgresql"),
  /**
   * MariaDB 10.6 or later ({@code JSON_TABLE}), with InnoDB tables, through MariaDB Connector/J
   * ({@code jdbc:mariadb:} URLs, and {@code jdbc:mysql:} ones, which the provider hands to the same
   * driver). MySQL 8 servers report themselves as {@code MySQL} and get this dialect too; Spirit's
   * tests run on MariaDB only.
   */
  MARIADB("mariadb");

  private final String resourceName;

  Dialect(String resourceName) {
    this.resourceName = resourceName;
  }

  /**
   * The name used for this dialect's resources, e.g. {@code postgresql} in {@code
   * migration/postgresql/V1__init.sql}.
   *
   * @return the lowercase name
   */
  public String resourceName() {
    return resourceName;
  }

  /**
   * The dialect of a database, from the product name its JDBC driver reports.
   *
   * @param databaseProductName e.g. {@code H2}, {@code PostgreSQL}, {@code MariaDB} or {@code
   *     MySQL}
   * @return the dialect
   * @throws StorageException if Spirit has no dialect for that database
   */
  public static Dialect fromProductName(String databaseProductName) {
    String name = databaseProductName.toLowerCase(Locale.ROOT);
    if (name.equals("h2")) {
      return H2;
    }
    if (name.contains("postgresql")) {
      return POSTGRESQL;
    }
    if (name.contains("mariadb") || name.contains("mysql")) {
      return MARIADB;
    }
    throw new StorageException(
        "the JDBC backend supports H2, PostgreSQL and MariaDB / MySQL, but the DataSource connects to '"
            + databaseProductName
            + "'");
  }

  /**
   * The dialect a JDBC URL names.
   *
   * @param jdbcUrl e.g. {@code jdbc:h2:file:./data/spirit}
   * @return the dialect
   * @throws StorageException if the URL is not an H2, PostgreSQL, MariaDB or MySQL URL
   */
  public static Dialect fromJdbcUrl(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    if (jdbcUrl.startsWith("jdbc:mariadb:") || jdbcUrl.startsWith("jdbc:mysql:")) {
      return MARIADB;
    }
    throw new StorageException(
        "the JDBC backend takes jdbc:h2:..., jdbc:postgresql://..., jdbc:mariadb://... or"
            + " jdbc:mysql://... URLs, not '"
            + JdbcUrls.redact(jdbcUrl)
            + "'");
  }
}
