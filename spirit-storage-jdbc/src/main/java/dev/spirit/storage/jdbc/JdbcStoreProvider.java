package dev.spirit.storage.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.spirit.error.StorageException;
import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.StoreProvider;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Opens a {@link JdbcStore} for the store URIs {@code jdbc:h2:...}, {@code jdbc:postgresql://...},
 * {@code jdbc:mariadb://...} and {@code jdbc:mysql://...}, with a HikariCP connection pool that the
 * store owns and closes.
 *
 * <p>The URI is the JDBC URL, passed to the driver unchanged. Credentials come from the URL ({@code
 * jdbc:postgresql://db/spirit?user=spirit&password=...}, {@code
 * jdbc:h2:file:./data/spirit;USER=sa;PASSWORD=...}) or, when the URL names no user, from the
 * environment variables {@code SPIRIT_DB_USER} and {@code SPIRIT_DB_PASSWORD}. {@code
 * SPIRIT_DB_POOL_SIZE} sets the pool's maximum size (default 10). For PostgreSQL the pool turns on
 * the driver's {@code reWriteBatchedInserts}, which makes batch imports several times faster.
 *
 * <p>MariaDB and MySQL URIs both go to MariaDB Connector/J (LGPL-2.1; no GPL MySQL connector is
 * needed): a {@code jdbc:mysql:} URI gets the driver's {@code permitMysqlScheme} option, without
 * which it would not accept the URL, and the pool names the driver class, so a MySQL connector on
 * the class path cannot take the URL instead. The pool's connections run read committed (InnoDB
 * defaults to repeatable read; {@link Transactions} explains why that matters).
 *
 * <p>An in-memory H2 database ({@code jdbc:h2:mem:name}) lives as long as the store: the provider
 * holds one extra connection open so that the pool's turnover cannot drop it. {@code jdbc:h2:mem:}
 * without a name gets a unique one (unnamed H2 memory databases are private to one connection).
 */
public final class JdbcStoreProvider implements StoreProvider {
  private final Function<String, @Nullable String> environment;

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public JdbcStoreProvider() {
    this(System::getenv);
  }

  /** For tests: reads settings from {@code environment} instead of the process environment. */
  JdbcStoreProvider(Function<String, @Nullable String> environment) {
    this.environment = environment;
  }

  @Override
  public boolean supports(String uri) {
    return uri.startsWith("jdbc:h2:")
        || uri.startsWith("jdbc:postgresql:")
        || uri.startsWith("jdbc:mariadb:")
        || uri.startsWith("jdbc:mysql:");
  }

  @Override
  public String uriPattern() {
    return "jdbc:h2:<h2 url> | jdbc:postgresql://<host>[:port]/<database>[?user=..]"
        + " | jdbc:mariadb://<host>[:port]/<database>[?user=..]"
        + " | jdbc:mysql://<host>[:port]/<database>[?user=..]";
  }

  @Override
  public SpiritStore open(String uri) {
    Dialect dialect = Dialect.fromJdbcUrl(uri);
    String url =
        switch (dialect) {
          case H2 -> nameAnonymousMemoryDatabase(uri);
          case MARIADB -> permitMysqlScheme(uri);
          case POSTGRESQL -> uri;
        };
    HikariConfig config = poolConfig(url, dialect);
    String where = JdbcUrls.redact(url);
    @Nullable Connection keepAlive = null;
    HikariDataSource pool;
    try {
      if (url.startsWith("jdbc:h2:mem:")) {
        keepAlive = DriverManager.getConnection(url, config.getUsername(), config.getPassword());
      }
      pool = new HikariDataSource(config);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(keepAlive);
      throw new StorageException("cannot connect to " + where + ": " + rootMessage(e), e);
    }
    Connection heldOpen = keepAlive;
    AutoCloseable owned =
        () -> {
          try {
            pool.close();
          } finally {
            closeQuietly(heldOpen);
          }
        };
    return JdbcStore.open(pool, dialect, where, owned);
  }

  /**
   * A JDBC store exists where the database answers and holds Spirit's {@code spirit_schema_version}
   * table. An H2 file database is looked for with {@code IFEXISTS=TRUE}, so a mistyped path creates
   * no file; an H2 memory database never exists before it is opened.
   *
   * @throws StorageException if a database server cannot be reached
   */
  @Override
  public boolean exists(String uri) {
    Dialect dialect = Dialect.fromJdbcUrl(uri);
    if (uri.startsWith("jdbc:h2:mem:")) {
      return false;
    }
    String url =
        switch (dialect) {
          case H2 ->
              uri.toUpperCase(Locale.ROOT).contains("IFEXISTS") ? uri : uri + ";IFEXISTS=TRUE";
          case MARIADB -> permitMysqlScheme(uri);
          case POSTGRESQL -> uri;
        };
    HikariConfig config = poolConfig(url, dialect);
    java.util.Properties credentials = new java.util.Properties();
    if (config.getUsername() != null) {
      credentials.setProperty("user", config.getUsername());
    }
    if (config.getPassword() != null) {
      credentials.setProperty("password", config.getPassword());
    }
    try (Connection c = DriverManager.getConnection(url, credentials)) {
      for (String name : new String[] {"spirit_schema_version", "SPIRIT_SCHEMA_VERSION"}) {
        // Only the connection's own schema (PostgreSQL's currentSchema) or database (MariaDB):
        // another application's Spirit tables elsewhere on the server are not this store.
        try (java.sql.ResultSet tables =
            c.getMetaData().getTables(c.getCatalog(), c.getSchema(), name, null)) {
          if (tables.next()) {
            return true;
          }
        }
      }
      return false;
    } catch (SQLException e) {
      if (dialect == Dialect.H2 && e.getErrorCode() == H2_DATABASE_NOT_FOUND) {
        return false;
      }
      throw new StorageException(
          "cannot connect to " + JdbcUrls.redact(url) + ": " + rootMessage(e), e);
    }
  }

  /** H2's error code for a database that {@code IFEXISTS=TRUE} did not find. */
  private static final int H2_DATABASE_NOT_FOUND = 90146;

  HikariConfig poolConfig(String url, Dialect dialect) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setPoolName("spirit-" + dialect.resourceName());
    String lower = url.toLowerCase(Locale.ROOT);
    boolean urlHasUser = lower.contains("user=");
    String user = environment.apply("SPIRIT_DB_USER");
    String password = environment.apply("SPIRIT_DB_PASSWORD");
    if (!urlHasUser && user != null && !user.isBlank()) {
      config.setUsername(user);
      if (password != null) {
        config.setPassword(password);
      }
    } else if (dialect == Dialect.H2 && !urlHasUser) {
      config.setUsername("sa");
      config.setPassword("");
    }
    config.setMaximumPoolSize(poolSize());
    config.setConnectionTimeout(10_000);
    if (dialect == Dialect.POSTGRESQL && !lower.contains("rewritebatchedinserts")) {
      config.addDataSourceProperty("reWriteBatchedInserts", "true");
    }
    if (dialect == Dialect.MARIADB) {
      config.setDriverClassName(MARIADB_DRIVER);
      config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    }
    return config;
  }

  /** MariaDB Connector/J, which serves {@code jdbc:mariadb:} and {@code jdbc:mysql:} URLs. */
  static final String MARIADB_DRIVER = "org.mariadb.jdbc.Driver";

  /**
   * A {@code jdbc:mysql:} URL with the option that lets MariaDB Connector/J accept it ({@code
   * jdbc:mariadb:} URLs and ones that have it already are returned as they are).
   */
  static String permitMysqlScheme(String url) {
    if (!url.startsWith("jdbc:mysql:") || url.contains("permitMysqlScheme")) {
      return url;
    }
    return url + (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
  }

  private int poolSize() {
    String value = environment.apply("SPIRIT_DB_POOL_SIZE");
    if (value == null || value.isBlank()) {
      return 10;
    }
    try {
      int size = Integer.parseInt(value.strip());
      if (size >= 1) {
        return size;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new StorageException(
        "SPIRIT_DB_POOL_SIZE must be a whole number of at least 1, was '" + value + "'");
  }

  private static String nameAnonymousMemoryDatabase(String url) {
    if (url.equals("jdbc:h2:mem:") || url.startsWith("jdbc:h2:mem:;")) {
      return "jdbc:h2:mem:spirit-" + UUID.randomUUID() + url.substring("jdbc:h2:mem:".length());
    }
    return url;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage());
  }

  private static void closeQuietly(@Nullable Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // nothing more to release
      }
    }
  }
}
