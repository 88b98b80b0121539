package dev.spirit.storage.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

/**
 * The JDBC promises beyond the TCK on MariaDB, over a plain pool with the server's defaults
 * (repeatable read, the server's +08:00 time zone), which the store must cope with by itself.
 */
@DisplayName("JdbcStore on MariaDB, beyond the TCK")
class MariaDbStoreBehaviourTest extends JdbcStoreBehaviour {
  private static @Nullable String url;
  private static @Nullable String database;
  private static @Nullable HikariDataSource pool;

  @BeforeAll
  static void createDatabase() throws Exception {
    url = MariaDbTestDatabase.requireUrl("MariaDbStoreBehaviourTest");
    database = MariaDbTestDatabase.createDatabase(url);
    pool = MariaDbTestDatabase.pool(url, database, 10);
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    if (pool != null) {
      pool.close();
      MariaDbTestDatabase.dropDatabase(url, database);
    }
  }

  @Override
  protected JdbcStore newStore() {
    return JdbcStore.open(pool);
  }

  @Override
  protected DataSource database() {
    return java.util.Objects.requireNonNull(pool);
  }
}
