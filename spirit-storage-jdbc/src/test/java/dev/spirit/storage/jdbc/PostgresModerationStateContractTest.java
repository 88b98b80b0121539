package dev.spirit.storage.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.tck.ModerationStateContract;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

@DisplayName("JdbcStore on PostgreSQL keeps the moderation-state contract")
class PostgresModerationStateContractTest extends ModerationStateContract {
  private static @Nullable String url;
  private static @Nullable String schema;
  private static @Nullable HikariDataSource pool;
  // Another pool on the same schema: what a second application instance would have.
  private static @Nullable HikariDataSource otherPool;

  @BeforeAll
  static void createSchema() throws Exception {
    url =
        PostgresTestDatabase.requireUrl(
            "PostgresModerationStateContractTest (moderation-state TCK on PostgreSQL)");
    schema = PostgresTestDatabase.createSchema(url);
    pool = PostgresTestDatabase.pool(url, schema, 8);
    otherPool = PostgresTestDatabase.pool(url, schema, 8);
  }

  @AfterAll
  static void dropSchema() throws Exception {
    if (otherPool != null) {
      otherPool.close();
    }
    if (pool != null) {
      pool.close();
      PostgresTestDatabase.dropSchema(url, schema);
    }
  }

  @Override
  protected SpiritStore createStore() {
    return JdbcStore.open(pool);
  }

  @Override
  protected Optional<SpiritStore> reopen(SpiritStore closed) {
    return Optional.of(JdbcStore.open(pool));
  }

  @Override
  protected Optional<SpiritStore> openSecond() {
    return Optional.of(JdbcStore.open(otherPool));
  }
}
