package dev.spirit.storage.jdbc;

import static dev.spirit.storage.tck.TckFixtures.campaign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import dev.spirit.campaign.Campaign;
import dev.spirit.error.StorageException;
import dev.spirit.error.UnsupportedStoreException;
import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.SpiritStores;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("JdbcStoreProvider")
class JdbcStoreProviderTest {

  @Test
  @DisplayName("is found by SpiritStores for jdbc:h2: URIs and opens a working store")
  void serviceLoader() {
    assertThat(SpiritStores.providers()).anyMatch(p -> p instanceof JdbcStoreProvider);
    try (SpiritStore store = SpiritStores.open("jdbc:h2:mem:provider-" + UUID.randomUUID())) {
      assertThat(store).isInstanceOf(JdbcStore.class);
      Campaign c = store.insertCampaign(campaign());
      assertThat(store.findCampaign(c.id())).contains(c);
    }
  }

  @Test
  @DisplayName(
      "takes jdbc:h2:, jdbc:postgresql:, jdbc:mariadb: and jdbc:mysql: URIs and nothing else")
  void supports() {
    JdbcStoreProvider provider = new JdbcStoreProvider();
    assertThat(provider.supports("jdbc:h2:file:./data/spirit")).isTrue();
    assertThat(provider.supports("jdbc:postgresql://db.example/spirit")).isTrue();
    assertThat(provider.supports("jdbc:mariadb://db/spirit")).isTrue();
    assertThat(provider.supports("jdbc:mysql://db/spirit")).isTrue();
    assertThat(provider.supports("jdbc:sqlserver://db;databaseName=spirit")).isFalse();
    assertThat(provider.supports("file:./data")).isFalse();
    assertThatThrownBy(() -> SpiritStores.open("jdbc:sqlserver://db;databaseName=spirit"))
        .isInstanceOf(UnsupportedStoreException.class)
        .hasMessageContaining("jdbc:postgresql://")
        .hasMessageContaining("jdbc:mariadb://")
        .hasMessageContaining("jdbc:mysql://");
  }

  @Test
  @DisplayName(
      "MariaDB and MySQL URIs get MariaDB Connector/J by name, read committed, and jdbc:mysql:"
          + " the driver's permitMysqlScheme option")
  void mariaDbPoolConfig() {
    JdbcStoreProvider provider = new JdbcStoreProvider(k -> null);
    HikariConfig config = provider.poolConfig("jdbc:mariadb://db/spirit", Dialect.MARIADB);
    assertThat(config.getDriverClassName()).isEqualTo("org.mariadb.jdbc.Driver");
    assertThat(config.getTransactionIsolation()).isEqualTo("TRANSACTION_READ_COMMITTED");
    assertThat(config.getUsername()).isNull();
    assertThat(JdbcStoreProvider.permitMysqlScheme("jdbc:mysql://db/spirit"))
        .isEqualTo("jdbc:mysql://db/spirit?permitMysqlScheme");
    assertThat(JdbcStoreProvider.permitMysqlScheme("jdbc:mysql://db/spirit?user=a"))
        .isEqualTo("jdbc:mysql://db/spirit?user=a&permitMysqlScheme");
    assertThat(JdbcStoreProvider.permitMysqlScheme("jdbc:mysql://db/s?permitMysqlScheme&user=a"))
        .isEqualTo("jdbc:mysql://db/s?permitMysqlScheme&user=a");
    assertThat(JdbcStoreProvider.permitMysqlScheme("jdbc:mariadb://db/spirit"))
        .isEqualTo("jdbc:mariadb://db/spirit");
    assertThat(Dialect.fromProductName("MariaDB")).isEqualTo(Dialect.MARIADB);
    assertThat(Dialect.fromProductName("MySQL")).isEqualTo(Dialect.MARIADB);
    assertThat(Dialect.fromJdbcUrl("jdbc:mysql://db/spirit")).isEqualTo(Dialect.MARIADB);
  }

  @Test
  @DisplayName("an anonymous jdbc:h2:mem: database is named, so that pooled connections share it")
  void anonymousMemory() {
    try (SpiritStore store = new JdbcStoreProvider().open("jdbc:h2:mem:")) {
      Campaign c = store.insertCampaign(campaign());
      // Several reads on (likely) different pooled connections all see the campaign.
      for (int i = 0; i < 20; i++) {
        assertThat(store.findCampaign(c.id())).contains(c);
      }
    }
  }

  @Test
  @DisplayName(
      "credentials come from SPIRIT_DB_USER / SPIRIT_DB_PASSWORD unless the URL names a user")
  void credentialsFromEnvironment() {
    Map<String, String> env =
        Map.of(
            "SPIRIT_DB_USER", "spirit", "SPIRIT_DB_PASSWORD", "s3cret", "SPIRIT_DB_POOL_SIZE", "3");
    JdbcStoreProvider provider = new JdbcStoreProvider(env::get);
    HikariConfig config = provider.poolConfig("jdbc:postgresql://db/spirit", Dialect.POSTGRESQL);
    assertThat(config.getUsername()).isEqualTo("spirit");
    assertThat(config.getPassword()).isEqualTo("s3cret");
    assertThat(config.getMaximumPoolSize()).isEqualTo(3);
    assertThat(config.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "true");

    HikariConfig own =
        provider.poolConfig("jdbc:postgresql://db/spirit?user=app&password=x", Dialect.POSTGRESQL);
    assertThat(own.getUsername()).isNull();

    HikariConfig h2 = new JdbcStoreProvider(k -> null).poolConfig("jdbc:h2:mem:x", Dialect.H2);
    assertThat(h2.getUsername()).isEqualTo("sa");
    assertThat(h2.getMaximumPoolSize()).isEqualTo(10);
  }

  @Test
  @DisplayName("a pool size that is not a positive number is refused by name")
  void badPoolSize() {
    JdbcStoreProvider provider = new JdbcStoreProvider(Map.of("SPIRIT_DB_POOL_SIZE", "lots")::get);
    assertThatThrownBy(() -> provider.poolConfig("jdbc:h2:mem:x", Dialect.H2))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("SPIRIT_DB_POOL_SIZE");
  }

  @Test
  @DisplayName("an unreachable PostgreSQL gives a clear error that does not show the password")
  void unreachable() {
    // Port 1 on the loopback interface: nothing listens there, the connection is refused at once.
    String uri =
        "jdbc:postgresql://127.0.0.1:1/spirit?user=spirit&password=hunter2&connectTimeout=2";
    assertThatThrownBy(() -> new JdbcStoreProvider(k -> null).open(uri))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("cannot connect to jdbc:postgresql://127.0.0.1:1/spirit")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  @DisplayName("passwords are masked in URLs shown in messages")
  void redaction() {
    assertThat(JdbcUrls.redact("jdbc:postgresql://h/db?user=a&password=p4ss&ssl=true"))
        .isEqualTo("jdbc:postgresql://h/db?user=a&password=***&ssl=true");
    assertThat(JdbcUrls.redact("jdbc:h2:file:./x;USER=sa;PASSWORD=p4ss"))
        .isEqualTo("jdbc:h2:file:./x;USER=sa;PASSWORD=***");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"jdbc:mariadb:", "jdbc:mysql:"})
  @DisplayName(
      "opens a MariaDB store from a jdbc:mariadb: or jdbc:mysql: URI found through ServiceLoader,"
          + " running read committed")
  void mariaDbUri(String scheme) throws Exception {
    String url = MariaDbTestDatabase.requireUrl("JdbcStoreProviderTest.mariaDbUri");
    String database = MariaDbTestDatabase.createDatabase(url);
    String uri =
        MariaDbTestDatabase.urlWithDatabase(url, database).replaceFirst("^jdbc:mariadb:", scheme);
    assertThat(uri).startsWith(scheme);
    try (SpiritStore store = SpiritStores.open(uri)) {
      assertThat(((JdbcStore) store).dialect()).isEqualTo(Dialect.MARIADB);
      Campaign c = store.insertCampaign(campaign());
      assertThat(store.listCampaigns()).containsExactly(c);
      assertThat(store.toString()).contains(scheme);
    } finally {
      MariaDbTestDatabase.dropDatabase(url, database);
    }
  }

  @Test
  @DisplayName("an unreachable MariaDB gives a clear error that does not show the password")
  void unreachableMariaDb() {
    String uri =
        "jdbc:mariadb://127.0.0.1:1/spirit?user=spirit&password=hunter2&connectTimeout=2000";
    assertThatThrownBy(() -> new JdbcStoreProvider(k -> null).open(uri))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("cannot connect to jdbc:mariadb://127.0.0.1:1/spirit")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  @DisplayName("opens a PostgreSQL store from its URI (when PostgreSQL is available)")
  void postgresUri() throws Exception {
    String url = PostgresTestDatabase.requireUrl("JdbcStoreProviderTest.postgresUri");
    String schema = PostgresTestDatabase.createSchema(url);
    try (SpiritStore store = SpiritStores.open(PostgresTestDatabase.urlWithSchema(url, schema))) {
      assertThat(((JdbcStore) store).dialect()).isEqualTo(Dialect.POSTGRESQL);
      Campaign c = store.insertCampaign(campaign());
      assertThat(store.listCampaigns()).containsExactly(c);
    } finally {
      PostgresTestDatabase.dropSchema(url, schema);
    }
  }

  @Test
  @DisplayName(
      "exists: an H2 file database is looked for without creating it; once opened it exists")
  void existsOnH2(@TempDir Path dir) {
    String uri = "jdbc:h2:file:" + dir.resolve("spirit");
    JdbcStoreProvider provider = new JdbcStoreProvider(k -> null);
    assertThat(provider.exists(uri)).isFalse();
    assertThat(dir.resolve("spirit.mv.db")).doesNotExist();
    provider.open(uri).close();
    assertThat(provider.exists(uri)).isTrue();
    assertThat(provider.exists("jdbc:h2:mem:never-opened")).isFalse();
  }

  @Test
  @DisplayName(
      "exists on PostgreSQL: an empty schema is no store, a migrated one is; other schemas on"
          + " the server do not count")
  void existsOnPostgres() throws Exception {
    String url = PostgresTestDatabase.requireUrl(getClass().getSimpleName());
    String migrated = PostgresTestDatabase.createSchema(url);
    String empty = PostgresTestDatabase.createSchema(url);
    try {
      JdbcStoreProvider provider = new JdbcStoreProvider(k -> null);
      String migratedUrl = PostgresTestDatabase.urlWithSchema(url, migrated);
      String emptyUrl = PostgresTestDatabase.urlWithSchema(url, empty);
      assertThat(provider.exists(migratedUrl)).isFalse();
      provider.open(migratedUrl).close();
      assertThat(provider.exists(migratedUrl)).isTrue();
      assertThat(provider.exists(emptyUrl)).isFalse();
    } finally {
      PostgresTestDatabase.dropSchema(url, migrated);
      PostgresTestDatabase.dropSchema(url, empty);
    }
  }

  @Test
  @DisplayName("exists on MariaDB: an empty database is no store, a migrated one is")
  void existsOnMariaDb() throws Exception {
    String url = MariaDbTestDatabase.requireUrl(getClass().getSimpleName());
    String database = MariaDbTestDatabase.createDatabase(url);
    try {
      JdbcStoreProvider provider = new JdbcStoreProvider(k -> null);
      String dbUrl = MariaDbTestDatabase.urlWithDatabase(url, database);
      assertThat(provider.exists(dbUrl)).isFalse();
      provider.open(dbUrl).close();
      assertThat(provider.exists(dbUrl)).isTrue();
    } finally {
      MariaDbTestDatabase.dropDatabase(url, database);
    }
  }

  @Test
  @DisplayName("exists on a server that does not answer is a StorageException, not 'missing'")
  void existsUnreachable() {
    JdbcStoreProvider provider = new JdbcStoreProvider(k -> null);
    assertThatThrownBy(
            () -> provider.exists("jdbc:postgresql://127.0.0.1:1/spirit?connectTimeout=2"))
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith("cannot connect to jdbc:postgresql://127.0.0.1:1/spirit");
  }
}
