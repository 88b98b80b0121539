package dev.spirit.storage.jdbc;

import dev.spirit.error.StorageException;
import dev.spirit.storage.SpiritCodec;
import dev.spirit.submission.IdempotencyKey;
import dev.spirit.submission.Submission;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * MariaDB (10.6+) and MySQL 8, which have no SQL arrays.
 *
 * <p><b>Look-ups</b> take their values as one JSON array parameter, turned into rows by {@code
 * JSON_TABLE} whose column has the collation of the indexed column, joined with {@code
 * STRAIGHT_JOIN} so that the JSON rows come first: the plan is then one {@code eq_ref} probe of the
 * unique index per value, in array order, which is also the lock order of {@code FOR UPDATE} (the
 * caller sorts the participants, so every batch locks counter rows in the same order). {@code
 * EXPLAIN} of each look-up is checked by a test.
 *
 * <p><b>Writes</b> are multi-row {@code INSERT ... VALUES (...), (...)} statements of at most
 * {@value #MAX_ROWS} rows (and about {@value #MAX_JSON_CHARS} characters of JSON, well under the
 * servers' default {@code max_allowed_packet}), so a batch costs a few round trips whatever the
 * driver's batching settings. Counter rows this transaction has locked get their new counts through
 * {@code ON DUPLICATE KEY UPDATE}; new ones are plain inserts, so one that a concurrent batch
 * created meanwhile is a duplicate key and the batch runs again.
 *
 * <p><b>Time</b>: {@code DATETIME(6)} has no time zone; Spirit binds the UTC wall-clock time as a
 * {@link LocalDateTime}, which the driver sends as it is, so neither the JVM's nor the session's
 * time zone takes part. The column holds years 1000 to 9999 (MariaDB's documented range); other
 * instants are refused with a {@link StorageException} rather than stored wrong.
 */
final class MariaDbSql implements DialectSql {
  /** Most rows in one multi-row insert. */
  static final int MAX_ROWS = 500;

  /** About the most characters of record JSON in one multi-row insert. */
  static final int MAX_JSON_CHARS = 2_000_000;

  static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  private static final String KEYS =
      "JSON_TABLE(?, '$[*]' COLUMNS (v VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
          + " PATH '$')) t";

  private static final String IDS =
      "JSON_TABLE(?, '$[*]' COLUMNS (v CHAR(36) CHARACTER SET ascii COLLATE ascii_bin"
          + " PATH '$')) t";

  @Override
  public String keyLookup() {
    return "SELECT s.idempotency_key, s.record_json FROM "
        + KEYS
        + " STRAIGHT_JOIN spirit_submissions s ON s.campaign_id = ? AND s.idempotency_key = t.v";
  }

  @Override
  public String counterLock() {
    return "SELECT n.participant_id, n.submission_count FROM "
        + KEYS
        + " STRAIGHT_JOIN spirit_participant_counts n"
        + " ON n.campaign_id = ? AND n.participant_id = t.v FOR UPDATE";
  }

  @Override
  public String idLookup() {
    return "SELECT s.id FROM " + IDS + " STRAIGHT_JOIN spirit_submissions s ON s.id = t.v";
  }

  @Override
  public @Nullable Array bindList(Connection c, PreparedStatement ps, int index, List<?> values)
      throws SQLException {
    ps.setString(index, jsonArray(values));
    return null;
  }

  /** A JSON array of the values' strings (UUIDs in their canonical lowercase form). */
  static String jsonArray(List<?> values) {
    StringBuilder json = new StringBuilder(values.size() * 40).append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      String value = values.get(i).toString();
      json.append('"');
      for (int j = 0; j < value.length(); j++) {
        char ch = value.charAt(j);
        if (ch == '"' || ch == '\\') {
          json.append('\\').append(ch);
        } else if (ch < 0x20) {
          json.append(String.format("\\u%04x", (int) ch));
        } else {
          json.append(ch);
        }
      }
      json.append('"');
    }
    return json.append(']').toString();
  }

  @Override
  public Object timestamp(Instant instant) {
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw new StorageException(
          "MariaDB keeps instants from year 1000 to 9999 (DATETIME), so "
              + instant
              + " cannot be stored");
    }
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  @Override
  public Instant earliestTimestamp() {
    return EARLIEST;
  }

  @Override
  public Instant latestTimestamp() {
    return LATEST;
  }

  @Override
  public void writeBatch(
      Connection c,
      List<Submission> rows,
      Map<BatchInsert.Slot, Integer> updated,
      Map<BatchInsert.Slot, Integer> created)
      throws SQLException {
    int start = 0;
    while (start < rows.size()) {
      int end = start;
      long chars = 0;
      List<String> json = new ArrayList<>();
      while (end < rows.size()
          && end - start < MAX_ROWS
          && (end == start || chars < MAX_JSON_CHARS)) {
        String record = SpiritCodec.toJson(rows.get(end));
        json.add(record);
        chars += record.length();
        end++;
      }
      insertSubmissions(c, rows.subList(start, end), json);
      start = end;
    }
    if (!updated.isEmpty()) {
      // These rows exist and this transaction holds their locks (step 3), so every row takes the
      // ON DUPLICATE KEY UPDATE path: one statement instead of one UPDATE per row.
      writeCounts(
          c, updated, " ON DUPLICATE KEY UPDATE submission_count = VALUES(submission_count)");
    }
    if (!created.isEmpty()) {
      writeCounts(c, created, "");
    }
  }

  private void insertSubmissions(Connection c, List<Submission> rows, List<String> json)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder("INSERT INTO spirit_submissions (")
            .append(SubmissionSql.COLUMNS)
            .append(") VALUES ");
    for (int i = 0; i < rows.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int p = 1;
      for (int i = 0; i < rows.size(); i++) {
        Submission s = rows.get(i);
        ps.setObject(p++, s.id().value());
        ps.setObject(p++, s.campaignId().value());
        ps.setString(p++, s.status().name());
        ps.setString(p++, s.district().code());
        ps.setString(p++, s.channel().name());
        ps.setString(p++, s.participant().id().value());
        ps.setObject(p++, timestamp(SubmissionSql.floorMicros(s.receivedAt())));
        ps.setString(p++, s.idempotencyKey().map(IdempotencyKey::value).orElse(null));
        ps.setLong(p++, s.version());
        ps.setString(p++, json.get(i));
      }
      ps.executeUpdate();
    }
  }

  private static void writeCounts(
      Connection c, Map<BatchInsert.Slot, Integer> counts, String onDuplicate) throws SQLException {
    List<Map.Entry<BatchInsert.Slot, Integer>> entries = new ArrayList<>(counts.entrySet());
    for (int start = 0; start < entries.size(); start += MAX_ROWS) {
      List<Map.Entry<BatchInsert.Slot, Integer>> chunk =
          entries.subList(start, Math.min(entries.size(), start + MAX_ROWS));
      StringBuilder sql =
          new StringBuilder(
              "INSERT INTO spirit_participant_counts (campaign_id, participant_id,"
                  + " submission_count) VALUES ");
      for (int i = 0; i < chunk.size(); i++) {
        sql.append(i == 0 ? "(?, ?, ?)" : ", (?, ?, ?)");
      }
      sql.append(onDuplicate);
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        int p = 1;
        for (Map.Entry<BatchInsert.Slot, Integer> e : chunk) {
          ps.setObject(p++, e.getKey().campaign());
          ps.setString(p++, e.getKey().participant());
          ps.setInt(p++, e.getValue());
        }
        ps.executeUpdate();
      }
    }
  }
}
