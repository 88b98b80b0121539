package dev.spirit.storage.jdbc;

import static dev.spirit.storage.jdbc.JdbcStore.SUBMISSION_COLUMNS;
import static dev.spirit.storage.jdbc.JdbcStore.bindSubmission;
import static dev.spirit.storage.jdbc.JdbcStore.floorMicros;

import dev.spirit.storage.SpiritCodec;
import dev.spirit.storage.SubmissionWrite;
import dev.spirit.storage.jdbc.JdbcStore.IdTaken;
import dev.spirit.storage.jdbc.Transactions.Retry;
import dev.spirit.submission.IdempotencyKey;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The JDBC store's batch insert ({@link JdbcStore#storeNewSubmissions}), inside the caller's
 * transaction: set-at-a-time look-ups of ids, idempotency keys and counter rows, outcomes decided
 * in batch order, and the rows written in one go per dialect (array statements on PostgreSQL, JDBC
 * batching on H2). See {@link JdbcStore} for the algorithm.
 */
final class BatchInsert {
  private final Dialect dialect;

  BatchInsert(Dialect dialect) {
    this.dialect = dialect;
  }

  /** A (campaign, participant) pair: the key of a counter row. */
  private record Slot(UUID campaign, String participant) {}

  List<SubmissionWrite> insert(Connection c, List<Submission> batch, int max, boolean checkAllIds)
      throws SQLException {
    // 1. Ids already stored are refused, like insert() refuses them. On a first attempt the primary
    // key checks the ids of the rows we write, and only the others are looked up (step 5); after a
    // unique violation, every id is looked up first.
    if (checkAllIds) {
      requireNewIds(c, batch);
    }
    // 2. Idempotency keys already stored, per campaign.
    Map<UUID, Map<String, Submission>> byKey = new HashMap<>();
    Map<UUID, Set<String>> keysByCampaign = new LinkedHashMap<>();
    for (Submission s : batch) {
      s.idempotencyKey()
          .ifPresent(
              k ->
                  keysByCampaign
                      .computeIfAbsent(s.campaignId().value(), x -> new java.util.TreeSet<>())
                      .add(k.value()));
    }
    for (Map.Entry<UUID, Set<String>> e : keysByCampaign.entrySet()) {
      Map<String, Submission> found = byKey.computeIfAbsent(e.getKey(), x -> new HashMap<>());
      lookUp(
          c,
          "SELECT s.idempotency_key, s.record_json FROM unnest(?::varchar[]) AS t(v)"
              + " CROSS JOIN LATERAL (SELECT idempotency_key, record_json FROM spirit_submissions"
              + " WHERE campaign_id = ? AND idempotency_key = t.v LIMIT 1) s",
          "SELECT s.idempotency_key, s.record_json FROM UNNEST(?) AS t(v)"
              + " JOIN spirit_submissions s ON s.campaign_id = ? AND s.idempotency_key = t.v",
          e.getKey(),
          new ArrayList<>(e.getValue()),
          rs -> found.put(rs.getString(1), SpiritCodec.submissionFromJson(rs.getString(2))));
    }
    // 3. Lock the counter rows of every participant in the batch, in a fixed order.
    Map<UUID, Set<String>> participants = new TreeMap<>();
    for (Submission s : batch) {
      participants
          .computeIfAbsent(s.campaignId().value(), x -> new java.util.TreeSet<>())
          .add(s.participant().id().value());
    }
    Map<Slot, Integer> counts = new HashMap<>();
    for (Map.Entry<UUID, Set<String>> e : participants.entrySet()) {
      lookUp(
          c,
          "SELECT n.participant_id, n.submission_count FROM unnest(?::varchar[]) AS t(v)"
              + " CROSS JOIN LATERAL (SELECT participant_id, submission_count"
              + " FROM spirit_participant_counts WHERE campaign_id = ? AND participant_id = t.v"
              + " LIMIT 1 FOR UPDATE) n",
          "SELECT n.participant_id, n.submission_count FROM UNNEST(?) AS t(v)"
              + " JOIN spirit_participant_counts n"
              + " ON n.campaign_id = ? AND n.participant_id = t.v FOR UPDATE",
          e.getKey(),
          new ArrayList<>(e.getValue()),
          rs -> counts.put(new Slot(e.getKey(), rs.getString(1)), rs.getInt(2)));
    }
    Set<Slot> existingSlots = new HashSet<>(counts.keySet());
    // 4. Decide every outcome in batch order, as insert() would one by one.
    List<SubmissionWrite> outcomes = new ArrayList<>(batch.size());
    List<Submission> toStore = new ArrayList<>();
    List<Submission> notWritten = new ArrayList<>();
    for (Submission s : batch) {
      UUID campaign = s.campaignId().value();
      if (s.idempotencyKey().isPresent()) {
        Submission earlier =
            byKey.getOrDefault(campaign, Map.of()).get(s.idempotencyKey().get().value());
        if (earlier != null) {
          outcomes.add(new SubmissionWrite.KeyTaken(earlier));
          notWritten.add(s);
          continue;
        }
      }
      Slot slot = new Slot(campaign, s.participant().id().value());
      int count = counts.getOrDefault(slot, 0);
      if (count >= max) {
        outcomes.add(new SubmissionWrite.AtLimit(count));
        notWritten.add(s);
        continue;
      }
      Submission stored = s;
      counts.put(slot, count + 1);
      stored
          .idempotencyKey()
          .ifPresent(
              k -> byKey.computeIfAbsent(campaign, x -> new HashMap<>()).put(k.value(), stored));
      toStore.add(stored);
      outcomes.add(new SubmissionWrite.Stored(stored));
    }
    if (!checkAllIds && !notWritten.isEmpty()) {
      requireNewIds(c, notWritten);
    }
    if (toStore.isEmpty()) {
      return outcomes;
    }
    // 5. Write the new rows and the new counts.
    Map<Slot, Integer> updated = new LinkedHashMap<>();
    Map<Slot, Integer> created = new LinkedHashMap<>();
    for (Submission s : toStore) {
      Slot slot = new Slot(s.campaignId().value(), s.participant().id().value());
      int count = counts.getOrDefault(slot, 0);
      (existingSlots.contains(slot) ? updated : created).put(slot, count);
    }
    try {
      if (dialect == Dialect.POSTGRESQL) {
        writePostgresql(c, toStore, updated, created);
      } else {
        writeBatched(c, toStore, updated, created);
      }
    } catch (SQLException e) {
      if (SqlErrors.isUniqueViolation(e)) {
        // A concurrent insert took a key or created a counter row since our look-ups.
        throw new Retry();
      }
      throw e;
    }
    return outcomes;
  }

  /**
   * PostgreSQL: three statements for the whole batch, each taking its rows as arrays ({@code
   * unnest}), so the server plans and executes each once instead of once per row, whatever the
   * DataSource's batching settings. Counter rows that existed are locked by this transaction (step
   * 3) and get their new counts; new counter rows are plain inserts, so one that a concurrent batch
   * created meanwhile is a unique violation and the batch runs again.
   */
  private static void writePostgresql(
      Connection c, List<Submission> rows, Map<Slot, Integer> updated, Map<Slot, Integer> created)
      throws SQLException {
    int n = rows.size();
    Object[][] columns = new Object[10][n];
    for (int i = 0; i < n; i++) {
      Submission s = rows.get(i);
      columns[0][i] = s.id().value();
      columns[1][i] = s.campaignId().value();
      columns[2][i] = s.status().name();
      columns[3][i] = s.district().code();
      columns[4][i] = s.channel().name();
      columns[5][i] = s.participant().id().value();
      columns[6][i] = PgTimestamps.format(floorMicros(s.receivedAt()));
      columns[7][i] = s.idempotencyKey().map(IdempotencyKey::value).orElse(null);
      columns[8][i] = s.version();
      columns[9][i] = SpiritCodec.toJson(s);
    }
    String[] types = {
      "uuid", "uuid", "varchar", "varchar", "varchar", "varchar", "text", "varchar", "int8", "text"
    };
    executeWithArrays(
        c,
        "INSERT INTO spirit_submissions ("
            + SUBMISSION_COLUMNS
            + ") SELECT t.id, t.campaign_id, t.status, t.district, t.channel, t.participant_id,"
            + " t.received_at::timestamptz, t.idempotency_key, t.version, t.record_json"
            + " FROM unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[],"
            + " ?::varchar[], ?::text[], ?::varchar[], ?::int8[], ?::text[])"
            + " AS t(id, campaign_id, status, district, channel, participant_id, received_at,"
            + " idempotency_key, version, record_json)",
        types,
        columns);
    String[] countTypes = {"uuid", "varchar", "int4"};
    if (!updated.isEmpty()) {
      // These rows exist and this transaction holds their locks (step 3), so every row takes the
      // DO UPDATE path. Written as an upsert rather than UPDATE ... FROM unnest(...) because the
      // planner may answer that join by hashing the whole counter table; an upsert finds each row
      // through the primary key.
      executeWithArrays(
          c,
          "INSERT INTO spirit_participant_counts (campaign_id, participant_id, submission_count)"
              + " SELECT * FROM unnest(?::uuid[], ?::varchar[], ?::int4[])"
              + " ON CONFLICT (campaign_id, participant_id)"
              + " DO UPDATE SET submission_count = EXCLUDED.submission_count",
          countTypes,
          slotColumns(updated));
    }
    if (!created.isEmpty()) {
      executeWithArrays(
          c,
          "INSERT INTO spirit_participant_counts (campaign_id, participant_id, submission_count)"
              + " SELECT * FROM unnest(?::uuid[], ?::varchar[], ?::int4[])",
          countTypes,
          slotColumns(created));
    }
  }

  private static Object[][] slotColumns(Map<Slot, Integer> counts) {
    Object[][] columns = new Object[3][counts.size()];
    int i = 0;
    for (Map.Entry<Slot, Integer> e : counts.entrySet()) {
      columns[0][i] = e.getKey().campaign();
      columns[1][i] = e.getKey().participant();
      columns[2][i] = e.getValue();
      i++;
    }
    return columns;
  }

  private static void executeWithArrays(
      Connection c, String sql, String[] types, Object[][] columns) throws SQLException {
    List<Array> arrays = new ArrayList<>(columns.length);
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < columns.length; i++) {
        Array array = c.createArrayOf(types[i], columns[i]);
        arrays.add(array);
        ps.setArray(i + 1, array);
      }
      ps.executeUpdate();
    } finally {
      for (Array array : arrays) {
        array.free();
      }
    }
  }

  /** H2 (in-process, no round trips to save): JDBC batches of single-row statements. */
  private static void writeBatched(
      Connection c, List<Submission> rows, Map<Slot, Integer> updated, Map<Slot, Integer> created)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO spirit_submissions ("
                + SUBMISSION_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Submission s : rows) {
        bindSubmission(ps, s);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    if (!updated.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE spirit_participant_counts SET submission_count = ?"
                  + " WHERE campaign_id = ? AND participant_id = ?")) {
        for (Map.Entry<Slot, Integer> e : updated.entrySet()) {
          ps.setInt(1, e.getValue());
          ps.setObject(2, e.getKey().campaign());
          ps.setString(3, e.getKey().participant());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (!created.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO spirit_participant_counts"
                  + " (campaign_id, participant_id, submission_count) VALUES (?, ?, ?)")) {
        for (Map.Entry<Slot, Integer> e : created.entrySet()) {
          ps.setObject(1, e.getKey().campaign());
          ps.setString(2, e.getKey().participant());
          ps.setInt(3, e.getValue());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
  }

  private void requireNewIds(Connection c, List<Submission> submissions) throws SQLException {
    List<UUID> ids = new ArrayList<>(submissions.size());
    for (Submission s : submissions) {
      ids.add(s.id().value());
    }
    lookUp(
        c,
        "SELECT s.id FROM spirit_submissions s WHERE s.id = ANY (?)",
        "SELECT s.id FROM UNNEST(?) AS t(v) JOIN spirit_submissions s ON s.id = t.v",
        null,
        ids,
        rs -> {
          throw new IdTaken(new SubmissionId(rs.getObject(1, UUID.class)));
        });
  }

  /** Handles one row of a look-up. */
  @FunctionalInterface
  private interface RowHandler {
    void handle(ResultSet rs) throws SQLException;
  }

  /**
   * Runs a look-up for many values, passed as one SQL array that is the first parameter; {@code
   * first}, if given, is the second. The query plans once and probes the index once per value, in
   * the order given, which is also the lock order of a {@code FOR UPDATE}.
   *
   * <p>Both databases get the values as a table ({@code unnest}) joined to the index, not as {@code
   * col = ANY (?)} or {@code IN (...)} beside a campaign condition: H2 answers those by scanning
   * every row of the campaign, and PostgreSQL does the same when its statistics are missing or
   * stale (a fresh table, a new campaign in the middle of an import), so every batch got slower
   * with the size of the campaign. PostgreSQL gets a {@code LATERAL} subquery with {@code LIMIT 1},
   * which the planner cannot turn into a hash join over the whole table: it always probes the
   * index.
   */
  private void lookUp(
      Connection c,
      String postgresql,
      String h2,
      @Nullable Object first,
      List<?> values,
      RowHandler handler)
      throws SQLException {
    if (values.isEmpty()) {
      return;
    }
    boolean isH2 = dialect == Dialect.H2;
    try (PreparedStatement ps = c.prepareStatement(isH2 ? h2 : postgresql)) {
      if (first != null) {
        ps.setObject(2, first);
      }
      boolean uuids = values.get(0) instanceof UUID;
      Array array =
          c.createArrayOf(
              isH2 ? (uuids ? "UUID" : "VARCHAR") : (uuids ? "uuid" : "varchar"), values.toArray());
      try {
        ps.setArray(1, array);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            handler.handle(rs);
          }
        }
      } finally {
        array.free();
      }
    }
  }
}
