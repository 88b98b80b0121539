package dev.spirit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Guards the DBA's plain DDL ({@link SchemaScript}, generated from the migrations) against building
 * a different schema than the store's own migrations: the script is applied by hand to one fresh
 * database and every migration, through {@link Migrations} as the store applies them, to another,
 * and the two catalogs must describe the same schema ({@link SchemaCatalog}). The drift cases edit
 * the script and require the comparison to name exactly what changed, so it cannot pass by
 * comparing two empty descriptions.
 */
@DisplayName("The DBA's plain DDL script and the migrations")
class PlainDdlMatchesMigrationsTest {

  @ParameterizedTest(name = "on {0}")
  @EnumSource(Dialect.class)
  @DisplayName(
      "the plain DDL, applied by hand, builds exactly the schema that every migration applied in"
          + " version order builds: same tables, columns, keys, constraints, indexes and recorded"
          + " versions")
  void plainDdlBuildsTheMigratedSchema(Dialect dialect) throws Exception {
    Snapshot byHand;
    Snapshot migrated;
    try (FreshDatabase first = FreshDatabase.create(dialect);
        FreshDatabase second = FreshDatabase.create(dialect)) {
      byHand = first.applyByHand(plainDdl(dialect));
      migrated = second.migrate();
    }

    // The catalog really was read: two empty descriptions would compare equal and prove nothing.
    assertThat(migrated.facts())
        .contains(
            "column spirit_submissions #6: participant_id "
                + (dialect == Dialect.MARIADB
                    ? "varchar(128) utf8mb4 utf8mb4_bin not null"
                    : "character varying(128) not null"),
            "index spirit_submissions.spirit_submissions_participant_campaign:"
                + " (participant_id, campaign_id, id)",
            "unique spirit_reactions.spirit_reactions_once:"
                + " (submission_id, reaction_type, participant_id)")
        .anyMatch(
            fact ->
                fact.matches(
                    "primary key spirit_participant_counts\\.\\S+: \\(campaign_id, participant_id\\)"))
        .anyMatch(
            fact ->
                fact.matches(
                    "foreign key spirit_reactions\\.\\S+: \\(submission_id\\) references"
                        + " spirit_submissions \\(id\\) on update "
                        // InnoDB's default, the same as NO ACTION there (checked at once)
                        + (dialect == Dialect.MARIADB ? "restrict" : "no action")
                        + " on delete cascade"));
    for (String table : TABLES) {
      assertThat(migrated.facts()).anyMatch(fact -> fact.matches("(base )?table " + table));
    }
    assertThat(migrated.versions()).hasSize(Migrations.ALL.size());

    assertSameSchema(dialect, byHand, migrated);
  }

  private static final List<String> TABLES =
      List.of(
          "spirit_schema_version",
          "spirit_campaigns",
          "spirit_submissions",
          "spirit_participant_counts",
          "spirit_reactions",
          "spirit_audit",
          "spirit_moderation_key",
          "spirit_moderation_windows",
          "spirit_moderation_events");

  /**
   * One way a plain DDL file could drift: {@code regex} is replaced by {@code replacement} in the
   * real file, and the comparison must report exactly these facts as missing from the file (only in
   * the migrated database) and as extra (only in the database built by hand).
   */
  record Drift(
      String what,
      String regex,
      String replacement,
      List<String> onlyInMigrations,
      List<String> onlyInPlainDdl) {
    @Override
    public String toString() {
      return what;
    }
  }

  static Stream<Arguments> drifts() {
    return Stream.of(Dialect.values())
        .flatMap(dialect -> drifts(dialect).stream().map(drift -> Arguments.of(dialect, drift)));
  }

  static List<Drift> drifts(Dialect dialect) {
    if (dialect == Dialect.MARIADB) {
      return mariaDbDrifts();
    }
    // The index behind a unique constraint: PostgreSQL names it after the constraint, H2 adds a
    // suffix (the same in both databases, so it is compared like every other name).
    String onceIndex =
        dialect == Dialect.H2 ? "spirit_reactions_once_index_1" : "spirit_reactions_once";
    return List.of(
        new Drift(
            "a column's type",
            "district         VARCHAR\\(64\\)",
            "district         VARCHAR(80)",
            List.of("column spirit_submissions #4: district character varying(64) not null"),
            List.of("column spirit_submissions #4: district character varying(80) not null")),
        new Drift(
            "a column's nullability",
            "channel          VARCHAR\\(32\\) NOT NULL",
            "channel          VARCHAR(32)",
            List.of("column spirit_submissions #5: channel character varying(32) not null"),
            List.of("column spirit_submissions #5: channel character varying(32)")),
        new Drift(
            "a column's default",
            "submission_count INTEGER NOT NULL",
            "submission_count INTEGER DEFAULT 0 NOT NULL",
            List.of(
                "column spirit_participant_counts #3: submission_count integer precision 32"
                    + " scale 0 not null"),
            List.of(
                "column spirit_participant_counts #3: submission_count integer precision 32"
                    + " scale 0 not null default 0")),
        new Drift(
            "a column's place in its table",
            "(?s)(  status           VARCHAR\\(32\\) NOT NULL,\n)"
                + "(  district         VARCHAR\\(64\\) NOT NULL,\n)",
            "$2$1",
            List.of(
                "column spirit_submissions #3: status character varying(32) not null",
                "column spirit_submissions #4: district character varying(64) not null"),
            List.of(
                "column spirit_submissions #3: district character varying(64) not null",
                "column spirit_submissions #4: status character varying(32) not null")),
        new Drift(
            "a check constraint the migrations do not have",
            "submission_count INTEGER NOT NULL",
            "submission_count INTEGER NOT NULL"
                + " CONSTRAINT spirit_participant_counts_positive CHECK (submission_count > 0)",
            List.of(),
            List.of(
                "check spirit_participant_counts.spirit_participant_counts_positive:"
                    + " submission_count > 0")),
        new Drift(
            "a unique constraint's columns",
            "UNIQUE \\(submission_id, reaction_type, participant_id\\)",
            "UNIQUE (submission_id, participant_id, reaction_type)",
            List.of(
                "unique index spirit_reactions."
                    + onceIndex
                    + ": (submission_id, reaction_type, participant_id)",
                "unique spirit_reactions.spirit_reactions_once:"
                    + " (submission_id, reaction_type, participant_id)"),
            List.of(
                "unique index spirit_reactions."
                    + onceIndex
                    + ": (submission_id, participant_id, reaction_type)",
                "unique spirit_reactions.spirit_reactions_once:"
                    + " (submission_id, participant_id, reaction_type)")),
        new Drift(
            "an index's column order",
            "ON spirit_submissions \\(participant_id, campaign_id, id\\)",
            "ON spirit_submissions (participant_id, id, campaign_id)",
            List.of(
                "index spirit_submissions.spirit_submissions_participant_campaign:"
                    + " (participant_id, campaign_id, id)"),
            List.of(
                "index spirit_submissions.spirit_submissions_participant_campaign:"
                    + " (participant_id, id, campaign_id)")),
        new Drift(
            "an index's direction",
            "ON spirit_audit \\(campaign_id, seq\\)",
            "ON spirit_audit (campaign_id, seq DESC)",
            List.of("index spirit_audit.spirit_audit_campaign: (campaign_id, seq)"),
            List.of("index spirit_audit.spirit_audit_campaign: (campaign_id, seq desc)")),
        new Drift(
            "an index's uniqueness",
            "CREATE INDEX (IF NOT EXISTS )?spirit_reactions_campaign",
            "CREATE UNIQUE INDEX $1spirit_reactions_campaign",
            List.of("index spirit_reactions.spirit_reactions_campaign: (campaign_id, seq)"),
            List.of("unique index spirit_reactions.spirit_reactions_campaign: (campaign_id, seq)")),
        new Drift(
            "an index a later migration drops, left in place",
            "DROP INDEX IF EXISTS spirit_submissions_participant;",
            "",
            List.of(),
            List.of("index spirit_submissions.spirit_submissions_participant: (participant_id)")));
  }

  /**
   * The same drifts in MariaDB's script and catalog: its own column types with character set and
   * collation, a table-level check (MariaDB has no named column-level one), the unique constraint's
   * index named like the constraint, {@code DROP INDEX ... ON table}.
   */
  static List<Drift> mariaDbDrifts() {
    String text = " utf8mb4 utf8mb4_bin";
    return List.of(
        new Drift(
            "a column's type",
            "district         VARCHAR\\(64\\)",
            "district         VARCHAR(80)",
            List.of("column spirit_submissions #4: district varchar(64)" + text + " not null"),
            List.of("column spirit_submissions #4: district varchar(80)" + text + " not null")),
        new Drift(
            "a column's nullability",
            "channel          VARCHAR\\(32\\) NOT NULL",
            "channel          VARCHAR(32)",
            List.of("column spirit_submissions #5: channel varchar(32)" + text + " not null"),
            List.of("column spirit_submissions #5: channel varchar(32)" + text)),
        new Drift(
            "a column's default",
            "submission_count INTEGER NOT NULL",
            "submission_count INTEGER DEFAULT 0 NOT NULL",
            List.of("column spirit_participant_counts #3: submission_count int(11) not null"),
            List.of(
                "column spirit_participant_counts #3: submission_count int(11) not null default"
                    + " 0")),
        new Drift(
            "a column's place in its table",
            "(?s)(  status           VARCHAR\\(32\\) NOT NULL,\n)"
                + "(  district         VARCHAR\\(64\\) NOT NULL,\n)",
            "$2$1",
            List.of(
                "column spirit_submissions #3: status varchar(32)" + text + " not null",
                "column spirit_submissions #4: district varchar(64)" + text + " not null"),
            List.of(
                "column spirit_submissions #3: district varchar(64)" + text + " not null",
                "column spirit_submissions #4: status varchar(32)" + text + " not null")),
        new Drift(
            "a check constraint the migrations do not have",
            "submission_count INTEGER NOT NULL",
            "submission_count INTEGER NOT NULL,"
                + " CONSTRAINT spirit_participant_counts_positive CHECK (submission_count > 0)",
            List.of(),
            List.of(
                "check spirit_participant_counts.spirit_participant_counts_positive:"
                    + " submission_count > 0")),
        new Drift(
            "a unique constraint's columns",
            "UNIQUE \\(submission_id, reaction_type, participant_id\\)",
            "UNIQUE (submission_id, participant_id, reaction_type)",
            List.of(
                "unique index spirit_reactions.spirit_reactions_once:"
                    + " (submission_id, reaction_type, participant_id)",
                "unique spirit_reactions.spirit_reactions_once:"
                    + " (submission_id, reaction_type, participant_id)"),
            List.of(
                "unique index spirit_reactions.spirit_reactions_once:"
                    + " (submission_id, participant_id, reaction_type)",
                "unique spirit_reactions.spirit_reactions_once:"
                    + " (submission_id, participant_id, reaction_type)")),
        new Drift(
            "an index's column order",
            "ON spirit_submissions \\(participant_id, campaign_id, id\\)",
            "ON spirit_submissions (participant_id, id, campaign_id)",
            List.of(
                "index spirit_submissions.spirit_submissions_participant_campaign:"
                    + " (participant_id, campaign_id, id)"),
            List.of(
                "index spirit_submissions.spirit_submissions_participant_campaign:"
                    + " (participant_id, id, campaign_id)")),
        new Drift(
            "an index's direction",
            "ON spirit_audit \\(campaign_id, seq\\)",
            "ON spirit_audit (campaign_id, seq DESC)",
            List.of("index spirit_audit.spirit_audit_campaign: (campaign_id, seq)"),
            List.of("index spirit_audit.spirit_audit_campaign: (campaign_id, seq desc)")),
        new Drift(
            "an index's uniqueness",
            "CREATE INDEX spirit_reactions_campaign",
            "CREATE UNIQUE INDEX spirit_reactions_campaign",
            List.of("index spirit_reactions.spirit_reactions_campaign: (campaign_id, seq)"),
            // A unique index is a unique constraint too in MariaDB's catalog.
            List.of(
                "unique index spirit_reactions.spirit_reactions_campaign: (campaign_id, seq)",
                "unique spirit_reactions.spirit_reactions_campaign: (campaign_id, seq)")),
        new Drift(
            "an index a later migration drops, left in place",
            "DROP INDEX spirit_submissions_participant ON spirit_submissions;",
            "",
            List.of(),
            List.of("index spirit_submissions.spirit_submissions_participant: (participant_id)")));
  }

  @ParameterizedTest(name = "on {0}: {1}")
  @MethodSource("drifts")
  @DisplayName(
      "a plain DDL that drifted from the migrations fails the comparison, and the failure names"
          + " exactly what drifted")
  void driftIsReported(Dialect dialect, Drift drift) throws Exception {
    String ddl = plainDdl(dialect);
    String drifted = ddl.replaceAll(drift.regex(), drift.replacement());
    assertThat(drifted).as("the drift applies to %s", fileName(dialect)).isNotEqualTo(ddl);
    Snapshot byHand;
    try (FreshDatabase database = FreshDatabase.create(dialect)) {
      byHand = database.applyByHand(drifted);
    }
    Snapshot migrated = migrated(dialect);

    assertThat(difference(byHand, migrated))
        .isEqualTo(new Difference(drift.onlyInMigrations(), drift.onlyInPlainDdl()));
    String reported =
        Stream.concat(drift.onlyInMigrations().stream(), drift.onlyInPlainDdl().stream())
            .findFirst()
            .orElseThrow();
    assertThatThrownBy(() -> assertSameSchema(dialect, byHand, migrated))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(fileName(dialect))
        .hasMessageContaining(reported);
  }

  /** The schema and recorded versions of one database. */
  record Snapshot(List<String> facts, List<String> versions) {}

  /** The facts only one of two databases has. */
  record Difference(List<String> onlyInMigrations, List<String> onlyInPlainDdl) {}

  static Difference difference(Snapshot byHand, Snapshot migrated) {
    return new Difference(
        without(migrated.facts(), byHand.facts()), without(byHand.facts(), migrated.facts()));
  }

  private static List<String> without(List<String> facts, List<String> others) {
    return facts.stream().filter(fact -> !others.contains(fact)).toList();
  }

  /** The guard itself: the message names the file and shows exactly the facts that differ. */
  static void assertSameSchema(Dialect dialect, Snapshot byHand, Snapshot migrated) {
    assertThat(difference(byHand, migrated))
        .as(
            "%s applied by hand vs. migrations V1..V%d applied in order (facts only one of the two"
                + " databases has; fix %s, never a released migration)",
            fileName(dialect), Migrations.latestVersion(), fileName(dialect))
        .isEqualTo(new Difference(List.of(), List.of()));
    assertThat(byHand.versions())
        .as("versions %s records in spirit_schema_version", fileName(dialect))
        .containsExactlyElementsOf(migrated.versions());
  }

  /**
   * The migrated schema the drift cases compare with: the same for every case, so it is built once
   * per dialect (the first test builds it afresh beside the plain DDL's).
   */
  private static final Map<Dialect, Snapshot> MIGRATED = new EnumMap<>(Dialect.class);

  static synchronized Snapshot migrated(Dialect dialect) throws SQLException {
    Snapshot snapshot = MIGRATED.get(dialect);
    if (snapshot == null) {
      try (FreshDatabase database = FreshDatabase.create(dialect)) {
        snapshot = database.migrate();
      }
      MIGRATED.put(dialect, snapshot);
    }
    return snapshot;
  }

  static String fileName(Dialect dialect) {
    return "SchemaScript.forDialect(" + dialect + ")";
  }

  static String plainDdl(Dialect dialect) throws Exception {
    return SchemaScript.forDialect(dialect);
  }

  /**
   * A new, empty database (H2: in memory; PostgreSQL: a new schema; MariaDB: a new database),
   * dropped on close.
   */
  abstract static class FreshDatabase implements AutoCloseable {
    private final Dialect dialect;

    FreshDatabase(Dialect dialect) {
      this.dialect = dialect;
    }

    static FreshDatabase create(Dialect dialect) throws SQLException {
      return switch (dialect) {
        case H2 -> new H2Database();
        case POSTGRESQL -> new PostgresDatabase();
        case MARIADB -> new MariaDbDatabase();
      };
    }

    abstract DataSource dataSource();

    @Override
    public abstract void close() throws SQLException;

    /**
     * Applies a DDL as the file's header tells a DBA to: every statement, one transaction (which on
     * MariaDB commits at every DDL statement anyway).
     */
    Snapshot applyByHand(String ddl) throws SQLException {
      try (Connection c = dataSource().getConnection()) {
        c.setAutoCommit(false);
        for (String statement : Migrations.statements(ddl)) {
          try (Statement st = c.createStatement()) {
            st.execute(statement);
          }
        }
        c.commit();
        c.setAutoCommit(true);
        return snapshot(c);
      }
    }

    /** Applies every migration with the runner the store uses when it opens. */
    Snapshot migrate() throws SQLException {
      assertThat(Migrations.migrate(dataSource(), dialect, "a fresh test database"))
          .as("versions applied to an empty database")
          .hasSize(Migrations.ALL.size());
      try (Connection c = dataSource().getConnection()) {
        return snapshot(c);
      }
    }

    private Snapshot snapshot(Connection c) throws SQLException {
      List<String> versions = new ArrayList<>();
      try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT version, description, checksum FROM spirit_schema_version"
                      + " ORDER BY version");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          versions.add(rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3));
        }
      }
      return new Snapshot(SchemaCatalog.describe(c, dialect), versions);
    }
  }

  /** An H2 memory database; it lives while {@code keeper} is open. */
  static final class H2Database extends FreshDatabase {
    private final Connection keeper;
    private final JdbcDataSource dataSource = new JdbcDataSource();

    H2Database() throws SQLException {
      super(Dialect.H2);
      String url = "jdbc:h2:mem:plain-ddl-" + UUID.randomUUID();
      keeper = DriverManager.getConnection(url);
      dataSource.setURL(url);
    }

    @Override
    DataSource dataSource() {
      return dataSource;
    }

    @Override
    public void close() throws SQLException {
      keeper.close();
    }
  }

  /** A new schema in the test server named by {@code SPIRIT_TEST_PG_URL}; skips without one. */
  static final class PostgresDatabase extends FreshDatabase {
    private final String url;
    private final String schema;
    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    PostgresDatabase() throws SQLException {
      super(Dialect.POSTGRESQL);
      String server =
          PostgresTestDatabase.requireUrl("PlainDdlMatchesMigrationsTest on PostgreSQL");
      // Throwaway schemas need no durability; not waiting for the WAL flush of each DDL commit
      // keeps the many small cases fast.
      url = server + (server.contains("?") ? "&" : "?") + "options=-c%20synchronous_commit%3Doff";
      schema = PostgresTestDatabase.createSchema(url);
      dataSource.setURL(PostgresTestDatabase.urlWithSchema(url, schema));
    }

    @Override
    DataSource dataSource() {
      return dataSource;
    }

    @Override
    public void close() throws SQLException {
      PostgresTestDatabase.dropSchema(url, schema);
    }
  }

  /** A new database in the test server named by {@code SPIRIT_TEST_MARIADB_URL}. */
  static final class MariaDbDatabase extends FreshDatabase {
    private final String url;
    private final String database;
    private final MariaDbDataSource dataSource;

    MariaDbDatabase() throws SQLException {
      super(Dialect.MARIADB);
      url = MariaDbTestDatabase.requireUrl("PlainDdlMatchesMigrationsTest on MariaDB");
      database = MariaDbTestDatabase.createDatabase(url);
      dataSource = new MariaDbDataSource(MariaDbTestDatabase.urlWithDatabase(url, database));
    }

    @Override
    DataSource dataSource() {
      return dataSource;
    }

    @Override
    public void close() throws SQLException {
      MariaDbTestDatabase.dropDatabase(url, database);
    }
  }
}
