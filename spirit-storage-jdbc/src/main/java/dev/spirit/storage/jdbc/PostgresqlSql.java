package dev.spirit.storage.jdbc;

import dev.spirit.storage.SpiritCodec;
import dev.spirit.submission.IdempotencyKey;
import dev.spirit.submission.Submission;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL: three statements for the whole batch, each taking its rows as arrays ({@code
 * unnest}), so the server plans and executes each once instead of once per row, whatever the
 * DataSource's batching settings. Counter rows that existed are locked by this transaction (step 3
 * of the batch) and get their new counts; new counter rows are plain inserts, so one that a
 * concurrent batch created meanwhile is a unique violation and the batch runs again.
 */
final class PostgresqlSql implements DialectSql {

  @Override
  public String keyLookup() {
    return "SELECT s.idempotency_key, s.record_json FROM unnest(?::varchar[]) AS t(v)"
        + " CROSS JOIN LATERAL (SELECT idempotency_key, record_json FROM spirit_submissions"
        + " WHERE campaign_id = ? AND idempotency_key = t.v LIMIT 1) s";
  }

  @Override
  public String counterLock() {
    return "SELECT n.participant_id, n.submission_count FROM unnest(?::varchar[]) AS t(v)"
        + " CROSS JOIN LATERAL (SELECT participant_id, submission_count"
        + " FROM spirit_participant_counts WHERE campaign_id = ? AND participant_id = t.v"
        + " LIMIT 1 FOR UPDATE) n";
  }

  @Override
  public String idLookup() {
    return "SELECT s.id FROM spirit_submissions s WHERE s.id = ANY (?)";
  }

  @Override
  public Array bindList(Connection c, PreparedStatement ps, int index, List<?> values)
      throws SQLException {
    return DialectSql.bindArray(c, ps, index, values, "uuid", "varchar");
  }

  @Override
  public void writeBatch(
      Connection c,
      List<Submission> rows,
      Map<BatchInsert.Slot, Integer> updated,
      Map<BatchInsert.Slot, Integer> created)
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
      columns[6][i] = PgTimestamps.format(SubmissionSql.floorMicros(s.receivedAt()));
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
            + SubmissionSql.COLUMNS
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

  private static Object[][] slotColumns(Map<BatchInsert.Slot, Integer> counts) {
    Object[][] columns = new Object[3][counts.size()];
    int i = 0;
    for (Map.Entry<BatchInsert.Slot, Integer> e : counts.entrySet()) {
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
}
