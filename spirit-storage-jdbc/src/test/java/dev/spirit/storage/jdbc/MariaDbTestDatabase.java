package dev.spirit.storage.jdbc;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

/**
 * The real MariaDB the tests run against, named by {@code SPIRIT_TEST_MARIADB_URL} (set by {@code
 * .ci/run} and {@code scripts/with-mariadb.sh}). Each test class (or test) works in a database of
 * its own, created with the character set latin1 (MariaDB's built-in default), so the schema has to
 * declare utf8mb4 itself.
 *
 * <p>Without the variable the tests are skipped, loudly, on a developer's machine; in CI ({@code
 * CI=true}, which CI sets when it runs {@code .ci/run}) they fail instead, since {@code .ci/run}
 * always starts a server and a skip there would hide that it did not.
 */
final class MariaDbTestDatabase {
  static final String ENV = "SPIRIT_TEST_MARIADB_URL";

  private MariaDbTestDatabase() {}

  static Optional<String> url() {
    String url = System.getenv(ENV);
    return url == null || url.isBlank() ? Optional.empty() : Optional.of(url.strip());
  }

  /** Skips the calling test class, loudly, when no MariaDB is configured; fails it in CI. */
  static String requireUrl(String testClass) {
    Optional<String> url = url();
    if (url.isEmpty()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(
            testClass
                + " needs a real MariaDB, and "
                + ENV
                + " is not set although CI=true: .ci/run must start one (scripts/with-mariadb.sh)");
      }
      String banner = "#".repeat(100);
      System.err.println(banner);
      System.err.println(
          "### SKIPPED: " + testClass + " needs a real MariaDB, and " + ENV + " is not set.");
      System.err.println(
          "### Run the build through scripts/with-mariadb.sh (CI's .ci/run always does).");
      System.err.println(banner);
    }
    assumeTrue(url.isPresent(), ENV + " is not set: MariaDB tests skipped");
    System.out.println(
        "=== " + testClass + ": running against MariaDB at " + JdbcUrls.redact(url.get()));
    return url.get();
  }

  /** Creates a new, empty database and returns its name. */
  static String createDatabase(String url) throws SQLException {
    String name = "spirit_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      // latin1, MariaDB's own default: the schema must declare utf8mb4 wherever it needs it.
      st.execute("CREATE DATABASE " + name + " CHARACTER SET latin1"); // generated name
    }
    return name;
  }

  static void dropDatabase(String url, String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + name);
    }
  }

  /** The URL with its database replaced: {@code jdbc:mariadb://host:port/<name>?options}. */
  static String urlWithDatabase(String url, String name) {
    int hostStart = url.indexOf("//") + 2;
    int pathStart = url.indexOf('/', hostStart);
    int query = url.indexOf('?', hostStart);
    String hostPart =
        pathStart >= 0 && (query < 0 || pathStart < query)
            ? url.substring(0, pathStart)
            : url.substring(0, query < 0 ? url.length() : query);
    return hostPart + "/" + name + (query < 0 ? "" : url.substring(query));
  }

  /**
   * A plain pool on the database, with the server's defaults (InnoDB's repeatable read included):
   * what an application that hands in its own DataSource may have.
   */
  static HikariDataSource pool(String url, String database, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(urlWithDatabase(url, database));
    config.setMaximumPoolSize(size);
    config.setPoolName("test-" + database);
    return new HikariDataSource(config);
  }
}
