package dev.spirit.storage.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.tck.SpiritStoreContract;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

@DisplayName("JdbcStore on PostgreSQL keeps the storage contract")
class PostgresStoreContractTest extends SpiritStoreContract {
  private static @Nullable String url;
  private static @Nullable String schema;
  private static @Nullable HikariDataSource pool;

  @BeforeAll
  static void createSchema() throws Exception {
    url = PostgresTestDatabase.requireUrl("PostgresStoreContractTest (storage TCK on PostgreSQL)");
    schema = PostgresTestDatabase.createSchema(url);
    pool = PostgresTestDatabase.pool(url, schema, 8);
  }

  @AfterAll
  static void dropSchema() throws Exception {
    if (pool != null) {
      pool.close();
      PostgresTestDatabase.dropSchema(url, schema);
    }
  }

  @Override
  protected SpiritStore createStore() {
    // One schema per class; each test's store runs the (by then no-op) migration check again.
    return JdbcStore.open(pool);
  }
}
