package dev.spirit.storage.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The real PostgreSQL the tests run against, named by {@code SPIRIT_TEST_PG_URL} (set by {@code
 * .ci/run} and {@code scripts/with-postgres.sh}). Each test class works in a schema of its own.
 */
final class PostgresTestDatabase {
  static final String ENV = "SPIRIT_TEST_PG_URL";

  private PostgresTestDatabase() {}

  static Optional<String> url() {
    String url = System.getenv(ENV);
    return url == null || url.isBlank() ? Optional.empty() : Optional.of(url.strip());
  }

  /** Skips the calling test class, loudly, when no PostgreSQL is configured. */
  static String requireUrl(String testClass) {
    Optional<String> url = url();
    if (url.isEmpty()) {
      String banner = "#".repeat(100);
      System.err.println(banner);
      System.err.println(
          "### SKIPPED: " + testClass + " needs a real PostgreSQL, and " + ENV + " is not set.");
      System.err.println(
          "### Run the build through scripts/with-postgres.sh (CI's .ci/run always does).");
      System.err.println(banner);
    }
    assumeTrue(url.isPresent(), ENV + " is not set: PostgreSQL tests skipped");
    System.out.println(
        "=== " + testClass + ": running against PostgreSQL at " + JdbcUrls.redact(url.get()));
    return url.get();
  }

  /** Creates a new, empty schema and returns its name. */
  static String createSchema(String url) throws SQLException {
    String schema = "spirit_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + schema); // generated name, not user input
    }
    return schema;
  }

  static void dropSchema(String url, String schema) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  /** The URL with {@code currentSchema} set, so that unqualified names resolve to the schema. */
  static String urlWithSchema(String url, String schema) {
    return url
        + (url.contains("?") ? "&" : "?")
        + "currentSchema="
        + schema.toLowerCase(Locale.ROOT);
  }

  static HikariDataSource pool(String url, String schema, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(urlWithSchema(url, schema));
    config.setMaximumPoolSize(size);
    config.setPoolName("test-" + schema);
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    return new HikariDataSource(config);
  }
}
