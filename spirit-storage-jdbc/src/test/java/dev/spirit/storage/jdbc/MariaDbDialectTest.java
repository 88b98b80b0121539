package dev.spirit.storage.jdbc;

import static dev.spirit.storage.tck.TckFixtures.campaign;
import static dev.spirit.storage.tck.TckFixtures.submission;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.spirit.campaign.Campaign;
import dev.spirit.error.StorageException;
import dev.spirit.storage.InsertOutcome;
import dev.spirit.storage.SpiritCodec;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.IdempotencyKey;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What is particular to MariaDB: character sets, time zones, DATETIME's range, plans, errors. */
@DisplayName("JdbcStore on MariaDB: character sets, time, plans and errors")
class MariaDbDialectTest {
  private static @Nullable String url;
  private static @Nullable String database;
  private static @Nullable HikariDataSource pool;
  private JdbcStore store;

  @BeforeAll
  static void createDatabase() throws Exception {
    url = MariaDbTestDatabase.requireUrl("MariaDbDialectTest");
    database = MariaDbTestDatabase.createDatabase(url);
    pool = MariaDbTestDatabase.pool(url, database, 4);
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    if (pool != null) {
      pool.close();
      MariaDbTestDatabase.dropDatabase(url, database);
    }
  }

  @BeforeEach
  void open() {
    store = JdbcStore.open(pool);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  @DisplayName(
      "4-byte characters (emoji, CJK Extension B, flags) and combining marks are stored as their"
          + " UTF-8 bytes in utf8mb4 columns, in a database whose default character set is latin1")
  void fourByteCharacters() throws Exception {
    String text = "重庆😀𠀀e\u0301🇨🇳👩‍👩‍👧";
    assertThat(queryString("SELECT @@character_set_database")).isEqualTo("latin1");
    Campaign c =
        store.insertCampaign(
            Campaign.builder("utf8mb4-" + UUID.randomUUID().toString().substring(0, 8))
                .title(text, "Emoji")
                .prompt(text, "prompt")
                .districts("yuzhong")
                .allChannels()
                .build());
    Submission s = submission(c.id(), "p-emoji").text(text).build();
    assertThat(store.insert(s, 10)).isInstanceOf(InsertOutcome.Inserted.class);
    Submission batched = submission(c.id(), "p-emoji").text(text + "!").build();
    assertThat(store.insertAll(List.of(batched), 10))
        .allMatch(o -> o instanceof InsertOutcome.Inserted);

    assertThat(store.find(s.id()).orElseThrow().text().original()).isEqualTo(text);
    assertThat(store.find(batched.id()).orElseThrow().text().original()).isEqualTo(text + "!");
    assertThat(store.findCampaign(c.id()).orElseThrow().title().zh()).isEqualTo(text);
    String storedHex =
        queryString(
            "SELECT HEX(CAST(record_json AS BINARY)) FROM spirit_submissions WHERE id = ?",
            s.id().value());
    assertThat(storedHex).contains(HexFormat.of().withUpperCase().formatHex(text.getBytes(UTF_8)));
    assertThat(
            queryString(
                "SELECT GROUP_CONCAT(DISTINCT character_set_name) FROM information_schema.columns"
                    + " WHERE table_schema = DATABASE() AND table_name = 'spirit_submissions'"
                    + " AND column_name IN ('record_json', 'participant_id', 'idempotency_key')"))
        .isEqualTo("utf8mb4");
  }

  @Test
  @DisplayName(
      "received_at holds the UTC wall-clock time whatever the JVM's and the session's time zones"
          + " (JVM Asia/Shanghai, session -05:00), in single inserts and batches alike")
  void utcWhateverTheTimeZones() throws Exception {
    TimeZone before = TimeZone.getDefault();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(MariaDbTestDatabase.urlWithDatabase(url, database));
    config.setMaximumPoolSize(2);
    config.setConnectionInitSql("SET time_zone = '-05:00'");
    TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
    try (HikariDataSource zoned = new HikariDataSource(config);
        JdbcStore zonedStore = JdbcStore.open(zoned)) {
      Campaign c = zonedStore.insertCampaign(campaign());
      Instant single = Instant.parse("2026-02-10T23:30:00.123456Z");
      Instant batched = Instant.parse("2026-02-11T01:15:59.000001Z");
      Submission s = submission(c.id(), "p-1").receivedAt(single).build();
      Submission b = submission(c.id(), "p-2").receivedAt(batched).build();
      assertThat(zonedStore.insert(s, 10)).isInstanceOf(InsertOutcome.Inserted.class);
      assertThat(zonedStore.insertAll(List.of(b), 10))
          .allMatch(o -> o instanceof InsertOutcome.Inserted);

      try (Connection conn = zoned.getConnection()) {
        assertThat(queryString(conn, "SELECT @@session.time_zone")).isEqualTo("-05:00");
        for (Submission stored : List.of(s, b)) {
          assertThat(
                  queryString(
                      conn,
                      "SELECT DATE_FORMAT(received_at, '%Y-%m-%d %H:%i:%s.%f')"
                          + " FROM spirit_submissions WHERE id = ?",
                      stored.id().value()))
              .as("the column holds UTC")
              .isEqualTo(
                  DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
                      .format(LocalDateTime.ofInstant(stored.receivedAt(), ZoneOffset.UTC)));
        }
      }
      for (Instant at : List.of(single, batched)) {
        assertThat(
                zonedStore.count(
                    SubmissionFilter.builder(c.id()).receivedBetween(at, at.plusNanos(1)).build()))
            .isEqualTo(1);
      }
      // And a store on a UTC session sees the same instants.
      assertThat(store.find(s.id()).orElseThrow().receivedAt()).isEqualTo(single);
      assertThat(
              store.count(
                  SubmissionFilter.builder(c.id())
                      .receivedBetween(single, single.plusNanos(1000))
                      .build()))
          .isEqualTo(1);
    } finally {
      TimeZone.setDefault(before);
    }
  }

  @Test
  @DisplayName(
      "an instant outside DATETIME's years 1000-9999 is refused with a clear error and nothing is"
          + " stored; filter bounds beyond those years still select exactly")
  void datetimeRange() {
    Campaign c = store.insertCampaign(campaign());
    Submission tooEarly =
        submission(c.id(), "p-1").receivedAt(Instant.parse("0999-12-31T23:59:59Z")).build();
    assertThatThrownBy(() -> store.insert(tooEarly, 10))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("from year 1000 to 9999");
    assertThatThrownBy(() -> store.insertAll(List.of(tooEarly), 10))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("from year 1000 to 9999");
    assertThat(store.count(SubmissionFilter.all(c.id()))).isZero();
    assertThat(store.insert(submission(c.id(), "p-1").build(), 10))
        .as("the participant's slot was not taken by the refused insert")
        .isInstanceOf(InsertOutcome.Inserted.class);
    Submission earliest = submission(c.id(), "p-2").receivedAt(MariaDbSql.EARLIEST).build();
    Submission latest = submission(c.id(), "p-3").receivedAt(MariaDbSql.LATEST).build();
    store.insertAll(List.of(earliest, latest), 10);

    Instant farPast = Instant.parse("-5000-01-01T00:00:00Z");
    Instant farFuture = Instant.parse("+20000-01-01T00:00:00Z");
    assertThat(count(c, farPast, farFuture)).isEqualTo(3);
    assertThat(count(c, farPast, MariaDbSql.EARLIEST)).isZero();
    assertThat(count(c, farPast, MariaDbSql.EARLIEST.plusNanos(1))).isEqualTo(1);
    assertThat(count(c, MariaDbSql.LATEST, farFuture)).isEqualTo(1);
    assertThat(count(c, MariaDbSql.LATEST.plusNanos(1), farFuture)).isZero();
    assertThat(count(c, farFuture, farFuture.plusSeconds(1))).isZero();
    assertThat(count(c, farPast.minusSeconds(1), farPast)).isZero();
  }

  private long count(Campaign c, Instant from, Instant before) {
    return store.count(SubmissionFilter.builder(c.id()).receivedBetween(from, before).build());
  }

  @Test
  @DisplayName(
      "a batch's look-ups read the JSON array first and probe the unique index once per value"
          + " (EXPLAIN: eq_ref on the idempotency key, the counter rows' and the submissions'"
          + " primary keys), also in a large campaign")
  void lookUpPlans() throws Exception {
    Campaign c = store.insertCampaign(campaign());
    List<Submission> many = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      many.add(
          submission(c.id(), "p-" + (i % 50))
              .idempotencyKey(Optional.of(IdempotencyKey.of("k-" + i)))
              .build());
    }
    assertThat(store.insertAll(many, 1000)).allMatch(o -> o instanceof InsertOutcome.Inserted);
    MariaDbSql sql = new MariaDbSql();
    try (Connection conn = pool.getConnection()) {
      try (PreparedStatement analyze =
          conn.prepareStatement("ANALYZE TABLE spirit_submissions, spirit_participant_counts")) {
        analyze.execute();
      }
      assertProbes(
          conn,
          sql.keyLookup(),
          MariaDbSql.jsonArray(List.of("k-1", "k-1999", "missing")),
          c,
          "s",
          "spirit_submissions_idempotency_key");
      assertProbes(
          conn,
          sql.counterLock(),
          MariaDbSql.jsonArray(List.of("p-1", "p-7", "p-new")),
          c,
          "n",
          "PRIMARY");
      assertProbes(
          conn,
          sql.idLookup(),
          MariaDbSql.jsonArray(List.of(many.get(0).id().value(), UUID.randomUUID())),
          null,
          "s",
          "PRIMARY");
    }
  }

  private static void assertProbes(
      Connection conn,
      String query,
      String json,
      @Nullable Campaign campaign,
      String alias,
      String index)
      throws SQLException {
    List<String> plan = new ArrayList<>();
    try (PreparedStatement ps = conn.prepareStatement("EXPLAIN " + query)) {
      ps.setString(1, json);
      if (campaign != null) {
        ps.setObject(2, campaign.id().value());
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          plan.add(rs.getString("table") + " " + rs.getString("type") + " " + rs.getString("key"));
        }
      }
    }
    assertThat(plan)
        .as("plan of %s", query)
        .containsExactly("t ALL null", alias + " eq_ref " + index);
  }

  @Test
  @DisplayName(
      "on a pool that hands out repeatable-read connections, the store's transactions give each"
          + " connection its level back")
  void isolationRestored() throws Exception {
    try (Connection conn = pool.getConnection()) {
      assertThat(conn.getTransactionIsolation())
          .as("the test pool keeps InnoDB's default")
          .isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
    }
    Campaign c = store.insertCampaign(campaign());
    for (int i = 0; i < 8; i++) {
      store.insert(submission(c.id(), "p-" + i).build(), 10);
    }
    for (int i = 0; i < 4; i++) {
      try (Connection conn = pool.getConnection()) {
        assertThat(conn.getTransactionIsolation())
            .isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
        assertThat(queryString(conn, "SELECT @@session.tx_isolation")).isEqualTo("REPEATABLE-READ");
      }
    }
  }

  @Test
  @DisplayName(
      "MariaDB's errors are told apart by vendor code: a real duplicate key and a real missing"
          + " parent, and the message never quotes the duplicate value")
  void realErrors() throws Exception {
    Campaign c = store.insertCampaign(campaign());
    SQLException duplicate = null;
    try (Connection conn = pool.getConnection();
        PreparedStatement ps =
            conn.prepareStatement(
                "INSERT INTO spirit_campaigns (id, slug, version, record_json)"
                    + " VALUES (?, ?, 1, ?)")) {
      ps.setObject(1, UUID.randomUUID());
      ps.setString(2, c.slug());
      ps.setString(3, SpiritCodec.toJson(c));
      ps.executeUpdate();
    } catch (SQLException e) {
      duplicate = e;
    }
    assertThat(duplicate != null).as("the insert failed").isTrue();
    assertThat(duplicate.getErrorCode()).isEqualTo(1062);
    assertThat(duplicate.getMessage()).contains(c.slug()); // what describe() must leave out
    assertThat(SqlErrors.isUniqueViolation(duplicate)).isTrue();
    assertThat(SqlErrors.isForeignKeyViolation(duplicate)).isFalse();
    assertThat(SqlErrors.isRetryable(duplicate)).isFalse();
    assertThat(SqlErrors.describe(duplicate))
        .contains("Duplicate entry (value not shown) for key")
        .contains("[SQLState 23000]")
        .doesNotContain(c.slug());

    SQLException missingParent = null;
    try (Connection conn = pool.getConnection();
        PreparedStatement ps =
            conn.prepareStatement(
                "INSERT INTO spirit_reactions"
                    + " (submission_id, campaign_id, participant_id, reaction_type, record_json)"
                    + " VALUES (?, ?, 'p', 'REPORT', '{}')")) {
      ps.setObject(1, UUID.randomUUID());
      ps.setObject(2, c.id().value());
      ps.executeUpdate();
    } catch (SQLException e) {
      missingParent = e;
    }
    assertThat(missingParent != null).as("the insert failed").isTrue();
    assertThat(missingParent.getErrorCode()).isEqualTo(1452);
    assertThat(SqlErrors.isForeignKeyViolation(missingParent)).isTrue();
    assertThat(SqlErrors.isUniqueViolation(missingParent)).isFalse();
  }

  @Test
  @DisplayName(
      "deadlocks, lock wait timeouts and changed records are retried; a killed or lost connection"
          + " is a lost connection, never retried")
  void vendorCodes() {
    assertThat(SqlErrors.isRetryable(new SQLException("Deadlock found", "40001", 1213))).isTrue();
    assertThat(SqlErrors.isRetryable(new SQLException("Lock wait timeout", "HY000", 1205)))
        .isTrue();
    assertThat(SqlErrors.isRetryable(new SQLException("Record has changed", "HY000", 1020)))
        .isTrue();
    assertThat(SqlErrors.isRetryable(new SQLException("Unknown column", "42S22", 1054))).isFalse();
    SQLException killed = new SQLException("Connection was killed", "70100", 1927);
    assertThat(SqlErrors.isConnectionLoss(killed)).isTrue();
    assertThat(SqlErrors.isRetryable(killed)).isFalse();
    assertThat(
            SqlErrors.isConnectionLoss(
                new SQLNonTransientConnectionException("socket closed", "08000", 0)))
        .isTrue();
    assertThat(SqlErrors.isUniqueViolation(new SQLException("H2 code", "42000", 1062)))
        .as("a duplicate-key code only counts with an integrity SQLState")
        .isFalse();
    assertThat(
            SqlErrors.translate(
                    "insert submission x", killed, false, "jdbc:mariadb://h/db?password=***")
                .getMessage())
        .contains("lost the connection")
        .contains("nothing of it was stored");
  }

  @Test
  @DisplayName("a JSON array parameter escapes quotes and backslashes in participant ids")
  void jsonArray() {
    assertThat(MariaDbSql.jsonArray(List.of("a\"b", "c\\d", "e")))
        .isEqualTo("[\"a\\\"b\",\"c\\\\d\",\"e\"]");
    Campaign c = store.insertCampaign(campaign());
    List<Submission> batch = new ArrayList<>();
    for (String p : List.of("q\"uote", "back\\slash", "plain")) {
      batch.add(
          submission(c.id(), p).idempotencyKey(Optional.of(IdempotencyKey.of("k" + p))).build());
    }
    assertThat(store.insertAll(batch, 1)).allMatch(o -> o instanceof InsertOutcome.Inserted);
    List<Submission> retried = new ArrayList<>();
    for (Submission s : batch) {
      retried.add(s.toBuilder().id(SubmissionId.generate(Instant.now())).build());
    }
    assertThat(store.insertAll(retried, 1)).allMatch(o -> o instanceof InsertOutcome.Duplicate);
  }

  private static String queryString(String sql, Object... params) throws SQLException {
    try (Connection conn = pool.getConnection()) {
      return queryString(conn, sql, params);
    }
  }

  private static String queryString(Connection conn, String sql, Object... params)
      throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).as("a row from %s", sql).isTrue();
        return rs.getString(1);
      }
    }
  }
}
