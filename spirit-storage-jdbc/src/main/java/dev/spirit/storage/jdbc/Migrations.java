package dev.spirit.storage.jdbc;

import dev.spirit.error.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database's Spirit tables up to the newest schema version, once, even when several
 * application instances start at the same moment.
 *
 * <ol>
 *   <li>The scripts are resources {@code
 *       dev/spirit/storage/jdbc/migration/<dialect>/V<n>__<name>.sql} (not under {@code
 *       db/migration}, where an application's own Flyway would pick them up).
 *   <li>{@code spirit_schema_version} records each applied version with the SHA-256 of its script;
 *       a changed script or a version newer than this code knows stops the start with a clear
 *       message rather than running against an unknown schema.
 *   <li>PostgreSQL: everything happens in one transaction holding {@code pg_advisory_xact_lock} for
 *       the current schema, and PostgreSQL's DDL is transactional, so a second instance waits, then
 *       finds the versions recorded and does nothing.
 *   <li>H2: DDL commits implicitly, so there is no such transaction. Instances in one JVM (the
 *       usual case for an embedded database) are serialised by a lock per database; beyond that,
 *       every H2 statement is idempotent ({@code IF NOT EXISTS}) and a second instance that loses
 *       the race to record a version (unique key) re-checks and carries on.
 *   <li>MariaDB / MySQL: DDL commits implicitly there too. The migrating connection holds the named
 *       lock {@code GET_LOCK('spirit_schema_<sha1 of the database name>')} while it checks and
 *       applies versions, so instances in any number of processes take turns and the later ones
 *       find the versions recorded; the server releases the lock if the connection dies. The
 *       scripts keep to SQL that MariaDB and MySQL 8 both accept (MySQL has no {@code IF NOT
 *       EXISTS} for indexes), so a statement whose effect is already there because an earlier start
 *       stopped before recording its version (InnoDB DDL is atomic per statement) fails with
 *       "duplicate key name" or "can't drop; check that it exists", which the runner takes as done.
 * </ol>
 */
final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  /** Class id of the PostgreSQL advisory lock; the object id is a hash of the schema name. */
  private static final int ADVISORY_LOCK_CLASS = 0x5350_4952; // "SPIR"

  private static final Map<String, Object> H2_LOCKS = new ConcurrentHashMap<>();

  /** How long a MariaDB instance waits for another one's migration, in seconds. */
  static final int MARIADB_LOCK_WAIT_SECONDS = 300;

  /**
   * MariaDB / MySQL errors of a DDL statement whose effect is already there: table exists (1050),
   * duplicate column (1060), duplicate key name (1061), can't drop a key that does not exist
   * (1091).
   */
  private static final Set<Integer> MARIADB_ALREADY_DONE = Set.of(1050, 1060, 1061, 1091);

  /** One schema version. */
  record Migration(int version, String name) {
    String resource(Dialect dialect) {
      return "dev/spirit/storage/jdbc/migration/"
          + dialect.resourceName()
          + "/V"
          + version
          + "__"
          + name
          + ".sql";
    }
  }

  /** Every version, oldest first. Append new versions; never edit a released script. */
  static final List<Migration> ALL =
      List.of(
          new Migration(1, "init"),
          new Migration(2, "participant_index"),
          new Migration(3, "lexicons"),
          new Migration(4, "audit_submission"),
          new Migration(5, "moderation_state"),
          new Migration(6, "kiosks"),
          new Migration(7, "audit_chain"));

  private static final String VERSION_TABLE_DDL =
      "CREATE TABLE IF NOT EXISTS spirit_schema_version ("
          + " version INTEGER PRIMARY KEY,"
          + " description VARCHAR(200) NOT NULL,"
          + " checksum VARCHAR(64) NOT NULL,"
          + " applied_at TIMESTAMP WITH TIME ZONE NOT NULL)";

  private static final String MARIADB_VERSION_TABLE_DDL =
      "CREATE TABLE IF NOT EXISTS spirit_schema_version ("
          + " version INTEGER PRIMARY KEY,"
          + " description VARCHAR(200) NOT NULL,"
          + " checksum VARCHAR(64) NOT NULL,"
          + " applied_at DATETIME(6) NOT NULL)"
          + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";

  /**
   * The DDL of {@code spirit_schema_version} (not a migration: every version is recorded in it).
   *
   * @param dialect the database
   * @return the {@code CREATE TABLE IF NOT EXISTS} statement
   */
  static String versionTableDdl(Dialect dialect) {
    return dialect == Dialect.MARIADB ? MARIADB_VERSION_TABLE_DDL : VERSION_TABLE_DDL;
  }

  private Migrations() {}

  /** The newest schema version this code knows. */
  static int latestVersion() {
    return ALL.get(ALL.size() - 1).version();
  }

  /**
   * Applies every missing migration.
   *
   * @param dataSource the database
   * @param dialect its dialect
   * @param where description of the database for messages
   * @return the versions applied by this call (empty if the schema was up to date)
   */
  static List<Integer> migrate(DataSource dataSource, Dialect dialect, String where)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return switch (dialect) {
        case POSTGRESQL -> migratePostgresql(c, where);
        case H2 -> migrateH2(c, where);
        case MARIADB -> migrateMariaDb(c, where);
      };
    }
  }

  private static List<Integer> migratePostgresql(Connection c, String where) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      try (PreparedStatement lock =
          c.prepareStatement(
              "SELECT pg_advisory_xact_lock(?, hashtext(coalesce(current_schema(), '')))")) {
        lock.setInt(1, ADVISORY_LOCK_CLASS);
        lock.execute();
      }
      execute(c, versionTableDdl(Dialect.POSTGRESQL));
      List<Integer> applied = new ArrayList<>();
      Map<Integer, String> done = appliedVersions(c, where);
      for (Migration m : ALL) {
        String script = script(m, Dialect.POSTGRESQL);
        if (isApplied(m, script, done, where)) {
          continue;
        }
        for (String statement : statements(script)) {
          execute(c, statement);
        }
        record(c, m, script, Dialect.POSTGRESQL);
        applied.add(m.version());
      }
      c.commit();
      log(applied, where);
      return applied;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  private static List<Integer> migrateH2(Connection c, String where) throws SQLException {
    String database = c.getMetaData().getURL() + "|" + c.getSchema();
    Object lock = H2_LOCKS.computeIfAbsent(database, k -> new Object());
    synchronized (lock) {
      execute(c, versionTableDdl(Dialect.H2));
      List<Integer> applied = new ArrayList<>();
      Map<Integer, String> done = appliedVersions(c, where);
      for (Migration m : ALL) {
        String script = script(m, Dialect.H2);
        if (isApplied(m, script, done, where)) {
          continue;
        }
        for (String statement : statements(script)) {
          execute(c, statement);
        }
        try {
          record(c, m, script, Dialect.H2);
          applied.add(m.version());
        } catch (SQLException e) {
          if (!SqlErrors.isUniqueViolation(e)) {
            throw e;
          }
          // Another process recorded it first; its checksum must still match ours.
          isApplied(m, script, appliedVersions(c, where), where);
        }
      }
      log(applied, where);
      return applied;
    }
  }

  private static List<Integer> migrateMariaDb(Connection c, String where) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(true); // every DDL statement commits anyway; each version row commits too
    String lockName = "CONCAT('spirit_schema_', SHA1(COALESCE(DATABASE(), '')))";
    try {
      try (PreparedStatement lock = c.prepareStatement("SELECT GET_LOCK(" + lockName + ", ?)")) {
        lock.setInt(1, MARIADB_LOCK_WAIT_SECONDS);
        try (ResultSet rs = lock.executeQuery()) {
          if (!rs.next() || rs.getInt(1) != 1) {
            throw new StorageException(
                "waited "
                    + MARIADB_LOCK_WAIT_SECONDS
                    + " s for another Spirit instance to finish migrating the schema of "
                    + where
                    + "; it still holds the migration lock");
          }
        }
      }
      try {
        execute(c, versionTableDdl(Dialect.MARIADB));
        List<Integer> applied = new ArrayList<>();
        Map<Integer, String> done = appliedVersions(c, where);
        for (Migration m : ALL) {
          String script = script(m, Dialect.MARIADB);
          if (isApplied(m, script, done, where)) {
            continue;
          }
          for (String statement : statements(script)) {
            try {
              execute(c, statement);
            } catch (SQLException e) {
              if (!MARIADB_ALREADY_DONE.contains(e.getErrorCode())) {
                throw e;
              }
              LOG.info(
                  "Spirit schema of {}: a statement of version {} had already taken effect ({});"
                      + " an earlier start stopped before recording the version",
                  where,
                  m.version(),
                  SqlErrors.describe(e));
            }
          }
          record(c, m, script, Dialect.MARIADB);
          applied.add(m.version());
        }
        log(applied, where);
        return applied;
      } finally {
        try (PreparedStatement unlock =
            c.prepareStatement("SELECT RELEASE_LOCK(" + lockName + ")")) {
          unlock.execute();
        }
      }
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  private static void log(List<Integer> applied, String where) {
    if (!applied.isEmpty()) {
      LOG.info(
          "Spirit schema of {} migrated to version {} (applied {})",
          where,
          latestVersion(),
          applied);
    }
  }

  private static boolean isApplied(
      Migration m, String script, Map<Integer, String> done, String where) {
    String recorded = done.get(m.version());
    if (recorded == null) {
      return false;
    }
    if (!recorded.equals(checksum(script))) {
      throw new StorageException(
          "the Spirit schema of "
              + where
              + " recorded version "
              + m.version()
              + " with a different script (checksum "
              + recorded
              + ", expected "
              + checksum(script)
              + "); the schema was changed by hand or by another Spirit build");
    }
    return true;
  }

  private static Map<Integer, String> appliedVersions(Connection c, String where)
      throws SQLException {
    Map<Integer, String> result = new TreeMap<>();
    try (PreparedStatement ps =
            c.prepareStatement("SELECT version, checksum FROM spirit_schema_version");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        result.put(rs.getInt(1), rs.getString(2));
      }
    }
    int newest = result.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    if (newest > latestVersion()) {
      throw new StorageException(
          "the Spirit schema of "
              + where
              + " is at version "
              + newest
              + ", newer than this Spirit supports ("
              + latestVersion()
              + "); upgrade spirit-storage-jdbc");
    }
    return result;
  }

  private static void record(Connection c, Migration m, String script, Dialect dialect)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO spirit_schema_version (version, description, checksum, applied_at)"
                + " VALUES (?, ?, ?, ?)")) {
      ps.setInt(1, m.version());
      ps.setString(2, m.name());
      ps.setString(3, checksum(script));
      ps.setObject(
          4, DialectSql.of(dialect).timestamp(Instant.now().truncatedTo(ChronoUnit.MICROS)));
      ps.executeUpdate();
    }
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.execute();
    }
  }

  /** The text of a migration script from the jar. */
  static String script(Migration m, Dialect dialect) {
    String resource = m.resource(dialect);
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new StorageException("migration script " + resource + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StorageException("cannot read migration script " + resource, e);
    }
  }

  /** SHA-256 of a script with line endings normalised, as hex. */
  static String checksum(String script) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] hash = digest.digest(script.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /**
   * Splits a script into statements: {@code --} comment lines are dropped and statements end with a
   * semicolon at the end of a line. Spirit's scripts keep to that form.
   */
  static List<String> statements(String script) {
    List<String> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\r?\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String statement = current.toString().strip();
        result.add(statement.substring(0, statement.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      result.add(current.toString().strip());
    }
    return result;
  }
}
