package dev.spirit.storage.jdbc;

import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.SpiritStores;
import dev.spirit.storage.tck.ModerationStateContract;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

@DisplayName("JdbcStore on MariaDB keeps the moderation-state contract")
class MariaDbModerationStateContractTest extends ModerationStateContract {
  private static @Nullable String url;
  private static @Nullable String database;

  @BeforeAll
  static void createDatabase() throws Exception {
    url =
        MariaDbTestDatabase.requireUrl(
            "MariaDbModerationStateContractTest (moderation-state TCK on MariaDB)");
    database = MariaDbTestDatabase.createDatabase(url);
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    if (database != null) {
      MariaDbTestDatabase.dropDatabase(url, database);
    }
  }

  private static SpiritStore open() {
    // Each store opens its own pool, as another application instance would.
    return SpiritStores.open(MariaDbTestDatabase.urlWithDatabase(url, database));
  }

  @Override
  protected SpiritStore createStore() {
    return open();
  }

  @Override
  protected Optional<SpiritStore> reopen(SpiritStore closed) {
    return Optional.of(open());
  }

  @Override
  protected Optional<SpiritStore> openSecond() {
    return Optional.of(open());
  }
}
