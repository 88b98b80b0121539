package dev.spirit.storage.jdbc;

import dev.spirit.campaign.CampaignId;
import dev.spirit.participant.ParticipantId;
import dev.spirit.storage.SpiritCodec;
import dev.spirit.submission.AuditEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The SQL of erasure and retention purges, run inside one transaction of {@link JdbcStore}: either
 * every row goes (submissions with their idempotency keys, per-participant counts, reactions) and
 * every audit row of an erased submission is rewritten with the reason {@code erased}, or, on any
 * failure, nothing changes. Counter rows are deleted first because inserts lock them first too, so
 * an erasure and an insert never deadlock.
 */
final class Erasure {
  private static final String SCRUB_PARTICIPANT =
      "SELECT seq, record_json FROM spirit_audit WHERE submission_id IN"
          + " (SELECT id FROM spirit_submissions WHERE participant_id = ?)";
  private static final String SCRUB_CAMPAIGN =
      "SELECT seq, record_json FROM spirit_audit WHERE campaign_id = ? AND submission_id IN"
          + " (SELECT id FROM spirit_submissions WHERE campaign_id = ?)";

  private Erasure() {}

  /** Deletes everything of a participant; returns how many submissions were deleted. */
  static int participant(Connection c, ParticipantId participant) throws SQLException {
    String id = participant.value();
    update(c, "DELETE FROM spirit_participant_counts WHERE participant_id = ?", id);
    update(c, "DELETE FROM spirit_reactions WHERE participant_id = ?", id);
    nameAuditSubmissions(c);
    scrubAudit(c, SCRUB_PARTICIPANT, id);
    // Reactions to their submissions go with them (ON DELETE CASCADE).
    return update(c, "DELETE FROM spirit_submissions WHERE participant_id = ?", id);
  }

  /** Deletes every submission of a campaign; returns how many were deleted. */
  static int campaign(Connection c, CampaignId campaign) throws SQLException {
    UUID id = campaign.value();
    update(c, "DELETE FROM spirit_participant_counts WHERE campaign_id = ?", id);
    update(c, "DELETE FROM spirit_reactions WHERE campaign_id = ?", id);
    nameAuditSubmissions(c);
    scrubAudit(c, SCRUB_CAMPAIGN, id, id);
    return update(c, "DELETE FROM spirit_submissions WHERE campaign_id = ?", id);
  }

  /**
   * Fills in the submission of audit rows that lack it: rows an instance of older code appended
   * after the migration that added the column (during a rolling upgrade).
   */
  private static void nameAuditSubmissions(Connection c) throws SQLException {
    List<Object[]> unnamed = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT seq, record_json FROM spirit_audit WHERE submission_id IS NULL");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        AuditEntry entry = SpiritCodec.auditFromJson(rs.getString(2));
        unnamed.add(new Object[] {entry.submissionId().value(), rs.getLong(1)});
      }
    }
    batch(c, "UPDATE spirit_audit SET submission_id = ? WHERE seq = ?", unnamed);
  }

  private static void scrubAudit(Connection c, String select, Object... args) throws SQLException {
    List<Object[]> scrubbed = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(select)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          AuditEntry entry = SpiritCodec.auditFromJson(rs.getString(2));
          if (!entry.reason().equals(AuditEntry.REASON_ERASED)) {
            scrubbed.add(new Object[] {SpiritCodec.toJson(entry.erased()), rs.getLong(1)});
          }
        }
      }
    }
    batch(c, "UPDATE spirit_audit SET record_json = ? WHERE seq = ?", scrubbed);
  }

  private static void batch(Connection c, String sql, List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (Object[] row : rows) {
        bind(ps, row);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static int update(Connection c, String sql, Object value) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, value);
      return ps.executeUpdate();
    }
  }

  private static void bind(PreparedStatement ps, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      ps.setObject(i + 1, values[i]);
    }
  }
}
