package dev.spirit.storage.jdbc;

import dev.spirit.submission.Submission;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * H2 (in-process, no round trips to save): plain joins and JDBC batches of single-row statements.
 */
final class H2Sql implements DialectSql {

  @Override
  public String keyLookup() {
    return "SELECT s.idempotency_key, s.record_json FROM UNNEST(?) AS t(v)"
        + " JOIN spirit_submissions s ON s.campaign_id = ? AND s.idempotency_key = t.v";
  }

  @Override
  public String counterLock() {
    return "SELECT n.participant_id, n.submission_count FROM UNNEST(?) AS t(v)"
        + " JOIN spirit_participant_counts n"
        + " ON n.campaign_id = ? AND n.participant_id = t.v FOR UPDATE";
  }

  @Override
  public String idLookup() {
    return "SELECT s.id FROM UNNEST(?) AS t(v) JOIN spirit_submissions s ON s.id = t.v";
  }

  @Override
  public Array bindList(Connection c, PreparedStatement ps, int index, List<?> values)
      throws SQLException {
    return DialectSql.bindArray(c, ps, index, values, "UUID", "VARCHAR");
  }

  @Override
  public void writeBatch(
      Connection c,
      List<Submission> rows,
      Map<BatchInsert.Slot, Integer> updated,
      Map<BatchInsert.Slot, Integer> created)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO spirit_submissions ("
                + SubmissionSql.COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Submission s : rows) {
        SubmissionSql.bindSubmission(ps, s, this);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    if (!updated.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE spirit_participant_counts SET submission_count = ?"
                  + " WHERE campaign_id = ? AND participant_id = ?")) {
        for (Map.Entry<BatchInsert.Slot, Integer> e : updated.entrySet()) {
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
        for (Map.Entry<BatchInsert.Slot, Integer> e : created.entrySet()) {
          ps.setObject(1, e.getKey().campaign());
          ps.setString(2, e.getKey().participant());
          ps.setInt(3, e.getValue());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
  }
}
