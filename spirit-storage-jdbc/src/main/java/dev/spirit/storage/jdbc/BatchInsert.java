package dev.spirit.storage.jdbc;

import dev.spirit.storage.SpiritCodec;
import dev.spirit.storage.SubmissionWrite;
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
 * Stores a batch of new submissions ({@link JdbcStore#storeNewSubmissions}) in one transaction, as
 * if each were stored by the single insert in batch order, but set-at-a-time:
 *
 * <ol>
 *   <li>after a unique violation (a retry), every id of the batch is looked up first; otherwise the
 *       primary key refuses a taken id of a row we write, and only the ids of rows not written are
 *       looked up (step 4);
 *   <li>the batch's idempotency keys are looked up with one query per campaign (an array of keys
 *       joined to the unique index);
 *   <li>the counter rows of its participants are locked in a fixed order (one {@code FOR UPDATE}
 *       query over the sorted array of participants);
 *   <li>outcomes are decided in memory in batch order;
 *   <li>the new rows and counts go in together, written by the dialect ({@link
 *       DialectSql#writeBatch}): on PostgreSQL as three array statements ({@code unnest}) for the
 *       whole batch, on H2 with JDBC batching.
 * </ol>
 *
 * <p>If anything fails, the whole batch rolls back, so a retry with the same idempotency keys
 * stores each submission once.
 */
final class BatchInsert {
  /** A (campaign, participant) pair: the key of a counter row. */
  record Slot(UUID campaign, String participant) {}

  private final DialectSql sql;

  BatchInsert(DialectSql sql) {
    this.sql = sql;
  }

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
      lookUpKeys(
          c,
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
          sql.counterLock(),
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
      sql.writeBatch(c, toStore, updated, created);
    } catch (SQLException e) {
      if (SqlErrors.isUniqueViolation(e)) {
        // A concurrent insert took a key or created a counter row since our look-ups.
        throw new Transactions.Retry();
      }
      throw e;
    }
    return outcomes;
  }

  private void requireNewIds(Connection c, List<Submission> submissions) throws SQLException {
    List<UUID> ids = new ArrayList<>(submissions.size());
    for (Submission s : submissions) {
      ids.add(s.id().value());
    }
    lookUp(
        c,
        sql.idLookup(),
        null,
        ids,
        rs -> {
          throw new Transactions.IdTaken(new SubmissionId(rs.getObject(1, UUID.class)));
        });
  }

  /**
   * Looks up idempotency keys of one campaign with the dialect's key look-up (also {@link
   * JdbcStore#findByIdempotencyKeys}, outside a batch).
   */
  void lookUpKeys(Connection c, UUID campaign, List<String> keys, RowHandler handler)
      throws SQLException {
    lookUp(c, sql.keyLookup(), campaign, keys, handler);
  }

  /** Handles one row of a look-up. */
  @FunctionalInterface
  interface RowHandler {
    void handle(ResultSet rs) throws SQLException;
  }

  /**
   * Runs a look-up for many values, passed as one SQL array that is the first parameter; {@code
   * first}, if given, is the second. The query plans once and probes the index once per value, in
   * the order given, which is also the lock order of a {@code FOR UPDATE}.
   *
   * <p>Each dialect ({@link DialectSql}) spells the query its own way. Both databases get the
   * values as a table ({@code unnest}) joined to the index, not as {@code col = ANY (?)} or {@code
   * IN (...)} beside a campaign condition: H2 answers those by scanning every row of the campaign,
   * and PostgreSQL does the same when its statistics are missing or stale (a fresh table, a new
   * campaign in the middle of an import), so every batch got slower with the size of the campaign.
   * PostgreSQL gets a {@code LATERAL} subquery with {@code LIMIT 1}, which the planner cannot turn
   * into a hash join over the whole table: it always probes the index.
   */
  private void lookUp(
      Connection c, String query, @Nullable Object first, List<?> values, RowHandler handler)
      throws SQLException {
    if (values.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(query)) {
      if (first != null) {
        ps.setObject(2, first);
      }
      @Nullable Array array = sql.bindList(c, ps, 1, values);
      try {
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            handler.handle(rs);
          }
        }
      } finally {
        if (array != null) {
          array.free();
        }
      }
    }
  }
}
