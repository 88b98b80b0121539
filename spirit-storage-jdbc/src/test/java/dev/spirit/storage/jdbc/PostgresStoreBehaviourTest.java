package dev.spirit.storage.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

@DisplayName("JdbcStore on PostgreSQL, beyond the TCK")
class PostgresStoreBehaviourTest extends JdbcStoreBehaviour {
  private static @Nullable String url;
  private static @Nullable String schema;
  private static @Nullable HikariDataSource pool;

  @BeforeAll
  static void createSchema() throws Exception {
    url = PostgresTestDatabase.requireUrl("PostgresStoreBehaviourTest");
    schema = PostgresTestDatabase.createSchema(url);
    pool = PostgresTestDatabase.pool(url, schema, 10);
  }

  @AfterAll
  static void dropSchema() throws Exception {
    if (pool != null) {
      pool.close();
      PostgresTestDatabase.dropSchema(url, schema);
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
