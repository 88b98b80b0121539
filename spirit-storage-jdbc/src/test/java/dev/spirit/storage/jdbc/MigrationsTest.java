package dev.spirit.storage.jdbc;

import static dev.spirit.storage.tck.TckFixtures.campaign;
import static dev.spirit.storage.tck.TckFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.spirit.campaign.Campaign;
import dev.spirit.error.StorageException;
import dev.spirit.storage.InsertOutcome;
import dev.spirit.storage.PageRequest;
import dev.spirit.storage.SpiritCodec;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.AuditChain;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.AuditSeal;
import dev.spirit.submission.AuditVerification;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Schema migrations")
class MigrationsTest {

  /** The migration promises, for one database; a fresh, empty database per test. */
  abstract static class Contract {
    protected DataSource database;

    abstract DataSource freshDatabase() throws Exception;

    abstract void dropDatabase() throws Exception;

    abstract Dialect dialect();

    @BeforeEach
    void create() throws Exception {
      database = freshDatabase();
    }

    @AfterEach
    void drop() throws Exception {
      dropDatabase();
    }

    @Test
    @DisplayName("on an empty database every version is applied and recorded with its checksum")
    void emptyDatabase() throws Exception {
      assertThat(Migrations.migrate(database, dialect(), "test"))
          .containsExactly(1, 2, 3, 4, 5, 6, 7);
      assertThat(versions())
          .containsExactly(
              "1 init " + Migrations.checksum(Migrations.script(Migrations.ALL.get(0), dialect())),
              "2 participant_index "
                  + Migrations.checksum(Migrations.script(Migrations.ALL.get(1), dialect())),
              "3 lexicons "
                  + Migrations.checksum(Migrations.script(Migrations.ALL.get(2), dialect())),
              "4 audit_submission "
                  + Migrations.checksum(Migrations.script(Migrations.ALL.get(3), dialect())),
              "5 moderation_state "
                  + Migrations.checksum(Migrations.script(Migrations.ALL.get(4), dialect())),
              "6 kiosks "
                  + Migrations.checksum(Migrations.script(Migrations.ALL.get(5), dialect())),
              "7 audit_chain "
                  + Migrations.checksum(Migrations.script(Migrations.ALL.get(6), dialect())));
      try (JdbcStore store = JdbcStore.open(database)) {
        assertThat(store.dialect()).isEqualTo(dialect());
        Campaign c = store.insertCampaign(campaign());
        assertThat(store.insert(submission(c.id(), "p-1").build(), 1))
            .isInstanceOf(InsertOutcome.Inserted.class);
      }
    }

    @Test
    @DisplayName("on an up-to-date database nothing is applied and the data stays")
    void upToDate() throws Exception {
      Campaign c;
      try (JdbcStore store = JdbcStore.open(database)) {
        c = store.insertCampaign(campaign());
        store.insert(submission(c.id(), "p-1").build(), 1);
      }
      assertThat(Migrations.migrate(database, dialect(), "test")).isEmpty();
      try (JdbcStore store = JdbcStore.open(database)) {
        assertThat(store.findCampaign(c.id())).contains(c);
        assertThat(store.count(SubmissionFilter.all(c.id()))).isEqualTo(1);
      }
      assertThat(versions()).hasSize(Migrations.ALL.size());
    }

    @Test
    @DisplayName("eight instances starting at once migrate once and all work")
    void concurrentStart() throws Exception {
      int instances = 8;
      ExecutorService pool = Executors.newFixedThreadPool(instances);
      List<JdbcStore> stores = new ArrayList<>();
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JdbcStore>> futures = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
          futures.add(
              pool.submit(
                  () -> {
                    start.await();
                    return JdbcStore.open(database, dialect());
                  }));
        }
        start.countDown();
        for (Future<JdbcStore> f : futures) {
          stores.add(f.get(60, TimeUnit.SECONDS));
        }
        assertThat(versions()).hasSize(Migrations.ALL.size());
        Campaign c = stores.get(0).insertCampaign(campaign());
        for (JdbcStore store : stores) {
          assertThat(store.insert(submission(c.id(), "p-1").build(), 100))
              .isInstanceOf(InsertOutcome.Inserted.class);
        }
        assertThat(stores.get(instances - 1).count(SubmissionFilter.all(c.id())))
            .isEqualTo(instances);
      } finally {
        pool.shutdownNow();
        stores.forEach(JdbcStore::close);
      }
    }

    @Test
    @DisplayName(
        "a database at version 1 with data upgrades to the newest version: data kept, one participant index"
            + " instead of two, participant pages and erasure still work")
    void upgradeFromVersion1() throws Exception {
      Migrations.Migration v1 = Migrations.ALL.get(0);
      String v1Script = Migrations.script(v1, dialect());
      execute(Migrations.versionTableDdl(dialect()));
      for (String statement : Migrations.statements(v1Script)) {
        execute(statement);
      }
      execute(
          "INSERT INTO spirit_schema_version (version, description, checksum, applied_at)"
              + " VALUES (1, 'init', '"
              + Migrations.checksum(v1Script)
              + "', CURRENT_TIMESTAMP)");
      Campaign c = campaign().withVersion(1);
      Submission s = submission(c.id(), "p-1").build().withVersion(1);
      try (Connection conn = database.getConnection();
          PreparedStatement campaignRow =
              conn.prepareStatement(
                  "INSERT INTO spirit_campaigns (id, slug, version, record_json) VALUES (?, ?, ?, ?)");
          PreparedStatement submissionRow =
              conn.prepareStatement(
                  "INSERT INTO spirit_submissions (id, campaign_id, status, district, channel,"
                      + " participant_id, received_at, idempotency_key, version, record_json)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 1, ?)");
          PreparedStatement countRow =
              conn.prepareStatement("INSERT INTO spirit_participant_counts VALUES (?, ?, 1)")) {
        campaignRow.setObject(1, c.id().value());
        campaignRow.setString(2, c.slug());
        campaignRow.setLong(3, 1);
        campaignRow.setString(4, SpiritCodec.toJson(c));
        campaignRow.executeUpdate();
        submissionRow.setObject(1, s.id().value());
        submissionRow.setObject(2, c.id().value());
        submissionRow.setString(3, s.status().name());
        submissionRow.setString(4, s.district().code());
        submissionRow.setString(5, s.channel().name());
        submissionRow.setString(6, s.participant().id().value());
        submissionRow.setObject(7, OffsetDateTime.ofInstant(s.receivedAt(), ZoneOffset.UTC));
        submissionRow.setString(8, SpiritCodec.toJson(s));
        submissionRow.executeUpdate();
        countRow.setObject(1, c.id().value());
        countRow.setString(2, s.participant().id().value());
        countRow.executeUpdate();
      }
      assertThat(indexes()).contains("spirit_submissions_participant");

      assertThat(Migrations.migrate(database, dialect(), "test")).containsExactly(2, 3, 4, 5, 6, 7);

      assertThat(versions()).hasSize(Migrations.ALL.size());
      assertThat(indexes())
          .contains("spirit_submissions_participant_campaign")
          .doesNotContain(
              "spirit_submissions_participant", "spirit_submissions_campaign_participant");
      try (JdbcStore store = JdbcStore.open(database)) {
        assertThat(store.find(s.id())).contains(s);
        SubmissionFilter theirs =
            SubmissionFilter.builder(c.id()).participant(s.participant().id()).build();
        assertThat(store.query(theirs, PageRequest.first(10)).items()).containsExactly(s);
        assertThat(store.insert(submission(c.id(), "p-1").build(), 2))
            .isInstanceOf(InsertOutcome.Inserted.class);
        assertThat(store.insert(submission(c.id(), "p-1").build(), 2))
            .isInstanceOf(InsertOutcome.LimitReached.class);
        assertThat(store.eraseParticipant(s.participant().id())).isEqualTo(2);
        assertThat(store.count(SubmissionFilter.all(c.id()))).isZero();
      }
    }

    @Test
    @DisplayName(
        "a database at version 3 with audit rows upgrades to version 4: each row is given its"
            + " submission, and erasing the author scrubs the row's reason")
    void upgradeToAuditSubmission() throws Exception {
      execute(Migrations.versionTableDdl(dialect()));
      for (Migrations.Migration m : Migrations.ALL.subList(0, 3)) {
        String script = Migrations.script(m, dialect());
        for (String statement : Migrations.statements(script)) {
          execute(statement);
        }
        execute(
            "INSERT INTO spirit_schema_version (version, description, checksum, applied_at)"
                + " VALUES ("
                + m.version()
                + ", '"
                + m.name()
                + "', '"
                + Migrations.checksum(script)
                + "', CURRENT_TIMESTAMP)");
      }
      Campaign c;
      Submission s;
      try (JdbcStore store = JdbcStore.open(database)) {
        // opening migrated to 4; take the column away again to write a row as version 3 did
        c = store.insertCampaign(campaign());
        s = ((InsertOutcome.Inserted) store.insert(submission(c.id(), "p-1").build(), 1)).stored();
      }
      execute("DELETE FROM spirit_schema_version WHERE version = 4");
      execute(
          dialect() == Dialect.MARIADB
              ? "DROP INDEX spirit_audit_submission ON spirit_audit"
              : "DROP INDEX spirit_audit_submission");
      execute("ALTER TABLE spirit_audit DROP COLUMN submission_id");
      AuditEntry appeal =
          new AuditEntry(
              c.id(),
              s.id(),
              AuditEntry.ACTOR_PARTICIPANT,
              s.receivedAt(),
              SubmissionStatus.REJECTED,
              SubmissionStatus.PENDING,
              "appeal: my own words");
      try (Connection conn = database.getConnection();
          PreparedStatement row =
              conn.prepareStatement(
                  "INSERT INTO spirit_audit (campaign_id, record_json) VALUES (?, ?)")) {
        row.setObject(1, c.id().value());
        row.setString(2, SpiritCodec.toJson(appeal));
        row.executeUpdate();
      }

      assertThat(Migrations.migrate(database, dialect(), "test")).containsExactly(4);

      try (Connection conn = database.getConnection();
          Statement st = conn.createStatement();
          ResultSet rs = st.executeQuery("SELECT submission_id FROM spirit_audit")) {
        assertThat(rs.next()).isTrue();
        assertThat(UUID.fromString(String.valueOf(rs.getObject(1)))).isEqualTo(s.id().value());
      }
      try (JdbcStore store = JdbcStore.open(database)) {
        assertThat(store.eraseParticipant(s.participant().id())).isEqualTo(1);
        try (var log = store.streamAudit(c.id())) {
          assertThat(log).containsExactly(appeal.erased());
        }
      }
    }

    @Test
    @DisplayName(
        "a database at version 4 with audit rows upgrades to version 7: the old rows read back as"
            + " unsealed entries before the chain, and new entries start the chain at 1 and verify")
    void upgradeToAuditChain() throws Exception {
      execute(Migrations.versionTableDdl(dialect()));
      for (Migrations.Migration m : Migrations.ALL.subList(0, 4)) {
        String script = Migrations.script(m, dialect());
        for (String statement : Migrations.statements(script)) {
          execute(statement);
        }
        execute(
            "INSERT INTO spirit_schema_version (version, description, checksum, applied_at)"
                + " VALUES ("
                + m.version()
                + ", '"
                + m.name()
                + "', '"
                + Migrations.checksum(script)
                + "', CURRENT_TIMESTAMP)");
      }
      Campaign c;
      Submission s;
      try (JdbcStore store = JdbcStore.open(database)) {
        c = store.insertCampaign(campaign());
        s = ((InsertOutcome.Inserted) store.insert(submission(c.id(), "p-1").build(), 1)).stored();
      }
      // back to version 4: no chain column; write a row as version 4 did (no seal in its JSON)
      execute("DELETE FROM spirit_schema_version WHERE version = 7");
      execute(
          dialect() == Dialect.MARIADB
              ? "DROP INDEX spirit_audit_chain ON spirit_audit"
              : "DROP INDEX spirit_audit_chain");
      execute("ALTER TABLE spirit_audit DROP COLUMN chain_seq");
      AuditEntry old =
          new AuditEntry(
              c.id(),
              s.id(),
              "moderator",
              s.receivedAt(),
              SubmissionStatus.PENDING,
              SubmissionStatus.APPROVED,
              "before the chain");
      try (Connection conn = database.getConnection();
          PreparedStatement row =
              conn.prepareStatement(
                  "INSERT INTO spirit_audit (campaign_id, submission_id, record_json)"
                      + " VALUES (?, ?, ?)")) {
        row.setObject(1, c.id().value());
        row.setObject(2, s.id().value());
        row.setString(3, SpiritCodec.toJson(old));
        row.executeUpdate();
      }

      assertThat(Migrations.migrate(database, dialect(), "test")).containsExactly(7);

      try (JdbcStore store = JdbcStore.open(database)) {
        store.appendAudit(
            new AuditEntry(
                c.id(),
                s.id(),
                "moderator",
                s.receivedAt(),
                SubmissionStatus.APPROVED,
                SubmissionStatus.HIDDEN,
                "after the chain"));
        List<AuditEntry> log;
        try (var stored = store.streamAudit(c.id())) {
          log = stored.toList();
        }
        assertThat(log).hasSize(2);
        assertThat(log.get(0)).isEqualTo(old);
        assertThat(log.get(1).seal()).get().extracting(AuditSeal::sequence).isEqualTo(1L);
        AuditVerification v = AuditChain.verify(log.iterator());
        assertThat(v.intact()).isTrue();
        assertThat(v.unsealedEntries()).isEqualTo(1);
      }
    }

    /** Lower-case names of the indexes on spirit_submissions. */
    List<String> indexes() throws SQLException {
      List<String> result = new ArrayList<>();
      try (Connection c = database.getConnection()) {
        String table = dialect() == Dialect.H2 ? "SPIRIT_SUBMISSIONS" : "spirit_submissions";
        boolean mariaDb = dialect() == Dialect.MARIADB; // databases are catalogs there
        try (ResultSet rs =
            c.getMetaData()
                .getIndexInfo(
                    mariaDb ? c.getCatalog() : null,
                    mariaDb ? null : c.getSchema(),
                    table,
                    false,
                    false)) {
          while (rs.next()) {
            String name = rs.getString("INDEX_NAME");
            if (name != null) {
              result.add(name.toLowerCase(java.util.Locale.ROOT));
            }
          }
        }
      }
      return result;
    }

    @Test
    @DisplayName("a schema newer than this code stops the start with a clear message")
    void newerSchema() throws Exception {
      Migrations.migrate(database, dialect(), "test");
      execute("INSERT INTO spirit_schema_version VALUES (99, 'future', 'x', CURRENT_TIMESTAMP)");
      assertThatThrownBy(() -> JdbcStore.open(database))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("version 99")
          .hasMessageContaining("upgrade spirit-storage-jdbc");
    }

    @Test
    @DisplayName("a recorded version whose script changed stops the start with a clear message")
    void changedScript() throws Exception {
      Migrations.migrate(database, dialect(), "test");
      execute("UPDATE spirit_schema_version SET checksum = 'edited' WHERE version = 1");
      assertThatThrownBy(() -> JdbcStore.open(database))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("different script");
    }

    @Test
    @DisplayName(
        "the DBA's plain DDL, applied by hand, gives a schema the store accepts as up to date")
    void dbaSchema() throws Exception {
      String ddl = SchemaScript.forDialect(dialect());
      try (Connection c = database.getConnection()) {
        c.setAutoCommit(false);
        for (String statement : Migrations.statements(ddl)) {
          try (Statement st = c.createStatement()) {
            st.execute(statement);
          }
        }
        c.commit();
      }
      assertThat(Migrations.migrate(database, dialect(), "test")).isEmpty();
      try (JdbcStore store = JdbcStore.open(database)) {
        Campaign c = store.insertCampaign(campaign());
        assertThat(store.insert(submission(c.id(), "p-1").build(), 1))
            .isInstanceOf(InsertOutcome.Inserted.class);
      }
    }

    List<String> versions() throws SQLException {
      List<String> result = new ArrayList<>();
      try (Connection c = database.getConnection();
          PreparedStatement ps =
              c.prepareStatement(
                  "SELECT version, description, checksum FROM spirit_schema_version ORDER BY version");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          result.add(rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3));
        }
      }
      return result;
    }

    void execute(String sql) throws SQLException {
      try (Connection c = database.getConnection();
          Statement st = c.createStatement()) {
        st.execute(sql);
      }
    }
  }

  @Nested
  @DisplayName("on H2")
  class OnH2 extends Contract {
    private @Nullable HikariDataSource pool;
    private @Nullable Connection keeper;

    @Override
    DataSource freshDatabase() throws SQLException {
      String url = "jdbc:h2:mem:migrations-" + UUID.randomUUID();
      keeper = DriverManager.getConnection(url); // the memory database lives while this is open
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url);
      config.setMaximumPoolSize(10);
      pool = new HikariDataSource(config);
      return pool;
    }

    @Override
    void dropDatabase() throws SQLException {
      pool.close();
      keeper.close();
    }

    @Override
    Dialect dialect() {
      return Dialect.H2;
    }

    @Test
    @DisplayName("every H2 migration statement can run twice (so racing processes are harmless)")
    void idempotentScripts() throws Exception {
      for (Migrations.Migration m : Migrations.ALL) {
        for (int round = 0; round < 2; round++) {
          for (String statement : Migrations.statements(Migrations.script(m, Dialect.H2))) {
            execute(statement);
          }
        }
      }
      assertThat(Migrations.migrate(database, Dialect.H2, "test"))
          .containsExactly(1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    @DisplayName("a file database keeps its data and schema across a restart")
    void fileDatabase(@TempDir Path dir) {
      String url = "jdbc:h2:file:" + dir.resolve("spirit").toAbsolutePath();
      Campaign c;
      try (JdbcStore store = (JdbcStore) new JdbcStoreProvider().open(url)) {
        c = store.insertCampaign(campaign());
      }
      try (JdbcStore store = (JdbcStore) new JdbcStoreProvider().open(url)) {
        assertThat(store.findCampaign(c.id())).contains(c);
      }
    }
  }

  @Nested
  @DisplayName("on PostgreSQL")
  class OnPostgres extends Contract {
    private @Nullable String schema;
    private @Nullable HikariDataSource pool;

    @BeforeAll
    static void requirePostgres() {
      PostgresTestDatabase.requireUrl("MigrationsTest on PostgreSQL");
    }

    @Override
    DataSource freshDatabase() throws SQLException {
      String url = PostgresTestDatabase.url().orElseThrow();
      schema = PostgresTestDatabase.createSchema(url);
      pool = PostgresTestDatabase.pool(url, schema, 10);
      return pool;
    }

    @Override
    void dropDatabase() throws SQLException {
      pool.close();
      PostgresTestDatabase.dropSchema(PostgresTestDatabase.url().orElseThrow(), schema);
    }

    @Override
    Dialect dialect() {
      return Dialect.POSTGRESQL;
    }
  }

  @Nested
  @DisplayName("on MariaDB")
  class OnMariaDb extends Contract {
    private @Nullable String name;
    private @Nullable HikariDataSource pool;

    @BeforeAll
    static void requireMariaDb() {
      MariaDbTestDatabase.requireUrl("MigrationsTest on MariaDB");
    }

    @Override
    DataSource freshDatabase() throws SQLException {
      String url = MariaDbTestDatabase.url().orElseThrow();
      name = MariaDbTestDatabase.createDatabase(url);
      pool = MariaDbTestDatabase.pool(url, name, 10);
      return pool;
    }

    @Override
    void dropDatabase() throws SQLException {
      pool.close();
      MariaDbTestDatabase.dropDatabase(MariaDbTestDatabase.url().orElseThrow(), name);
    }

    @Override
    Dialect dialect() {
      return Dialect.MARIADB;
    }

    @Test
    @DisplayName(
        "a start that stopped after a version's DDL but before recording it (MariaDB's DDL is not"
            + " transactional) is completed by the next start")
    void interruptedStart() throws Exception {
      execute(Migrations.versionTableDdl(Dialect.MARIADB));
      for (Migrations.Migration m : Migrations.ALL) {
        for (String statement : Migrations.statements(Migrations.script(m, Dialect.MARIADB))) {
          execute(statement);
        }
      }
      String v1 = Migrations.script(Migrations.ALL.get(0), Dialect.MARIADB);
      execute(
          "INSERT INTO spirit_schema_version VALUES (1, 'init', '"
              + Migrations.checksum(v1)
              + "', UTC_TIMESTAMP(6))");

      assertThat(Migrations.migrate(database, Dialect.MARIADB, "test"))
          .containsExactlyElementsOf(
              Migrations.ALL.stream().map(Migrations.Migration::version).skip(1).toList());

      assertThat(versions()).hasSize(Migrations.ALL.size());
      assertThat(indexes())
          .contains("spirit_submissions_participant_campaign")
          .doesNotContain("spirit_submissions_participant");
    }

    @Test
    @DisplayName(
        "while one instance holds the migration lock, another waits for it instead of migrating"
            + " alongside")
    void waitsForTheLock() throws Exception {
      ExecutorService pool = Executors.newSingleThreadExecutor();
      try (Connection holder = database.getConnection()) {
        try (Statement st = holder.createStatement()) {
          st.execute("SELECT GET_LOCK(CONCAT('spirit_schema_', SHA1(DATABASE())), 0)");
        }
        Future<List<Integer>> waiting =
            pool.submit(() -> Migrations.migrate(database, Dialect.MARIADB, "test"));
        Thread.sleep(500);
        assertThat(waiting).isNotDone();
        assertThat(tables()).doesNotContain("spirit_schema_version");
        try (Statement st = holder.createStatement()) {
          st.execute("SELECT RELEASE_LOCK(CONCAT('spirit_schema_', SHA1(DATABASE())))");
        }
        assertThat(waiting.get(60, TimeUnit.SECONDS))
            .containsExactlyElementsOf(
                Migrations.ALL.stream().map(Migrations.Migration::version).toList());
      } finally {
        pool.shutdownNow();
      }
    }

    List<String> tables() throws SQLException {
      List<String> result = new ArrayList<>();
      try (Connection c = database.getConnection();
          ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, "%", null)) {
        while (rs.next()) {
          result.add(rs.getString("TABLE_NAME"));
        }
      }
      return result;
    }
  }

  @Test
  @DisplayName("every migration script in the jar is listed, for every dialect, and vice versa")
  void everyScriptListed() throws IOException {
    for (Dialect dialect : Dialect.values()) {
      Path dir =
          Paths.get("target/classes/dev/spirit/storage/jdbc/migration", dialect.resourceName());
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
            .containsExactlyElementsOf(
                Migrations.ALL.stream()
                    .map(m -> Paths.get(m.resource(dialect)).getFileName().toString())
                    .sorted()
                    .toList());
      }
    }
  }

  @Test
  @DisplayName("scripts split into statements at line-ending semicolons, without comment lines")
  void splitting() {
    assertThat(
            Migrations.statements(
                "-- note;\nCREATE TABLE a (x INT);\n\nCREATE INDEX i\n  ON a (x);\n"))
        .containsExactly("CREATE TABLE a (x INT)", "CREATE INDEX i\n  ON a (x)");
  }

  static String resource(String name) throws IOException {
    try (InputStream in = MigrationsTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
