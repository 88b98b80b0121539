package dev.spirit.storage.jdbc;

import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.SpiritStores;
import dev.spirit.storage.tck.SpiritStoreContract;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

/**
 * The storage TCK on MariaDB, through the store URI as an application opens it ({@code
 * SpiritStores.open("jdbc:mariadb://...")}: ServiceLoader, the provider's pool, its settings).
 */
@DisplayName("JdbcStore on MariaDB keeps the storage contract")
class MariaDbStoreContractTest extends SpiritStoreContract {
  private static @Nullable String url;
  private static @Nullable String database;

  @BeforeAll
  static void createDatabase() throws Exception {
    url = MariaDbTestDatabase.requireUrl("MariaDbStoreContractTest (storage TCK on MariaDB)");
    database = MariaDbTestDatabase.createDatabase(url);
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    if (database != null) {
      MariaDbTestDatabase.dropDatabase(url, database);
    }
  }

  @Override
  protected SpiritStore createStore() {
    // One database per class; each test's store runs the (by then no-op) migration check again.
    return SpiritStores.open(MariaDbTestDatabase.urlWithDatabase(url, database));
  }
}
