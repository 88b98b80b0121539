package dev.spirit.storage.jdbc;

import dev.spirit.campaign.CampaignId;
import dev.spirit.moderation.CampaignLexicon;
import dev.spirit.moderation.LexiconChange;
import dev.spirit.storage.SpiritCodec;
import dev.spirit.storage.WriteResult;
import dev.spirit.storage.jdbc.Transactions.UniqueViolation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of campaign lexicons ({@code spirit_lexicons}, schema version 3): one row per revision,
 * keyed by {@code (campaign_id, revision)}, the whole revision in {@code record_json}.
 *
 * <ol>
 *   <li>Storing revision {@code n} checks, in one transaction, that the campaign exists and that
 *       the newest stored revision is {@code n - 1}, then inserts the row.
 *   <li>Two instances storing revision {@code n} at once both pass the check; the primary key lets
 *       one insert and the other fail, which is then reported as the revision the winner stored
 *       ({@link WriteResult.VersionWas}), across processes as well.
 *   <li>The current revision is the row with the highest revision (the primary key's index).
 * </ol>
 */
final class JdbcLexicons {
  private final Transactions tx;
  private final DialectSql sql;

  JdbcLexicons(Transactions tx, DialectSql sql) {
    this.tx = tx;
    this.sql = sql;
  }

  WriteResult<CampaignLexicon> store(CampaignLexicon next) {
    CampaignId id = next.campaignId();
    return tx.inTransaction(
        "attach lexicon revision " + next.revision() + " to campaign " + id,
        (c, attempt) -> {
          if (!campaignExists(c, id)) {
            return new WriteResult.Missing<>();
          }
          long current = currentRevision(c, id);
          if (current != next.revision() - 1) {
            return new WriteResult.VersionWas<>(current);
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO spirit_lexicons"
                      + " (campaign_id, revision, version, attached_at, attached_by, record_json)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, id.value());
            ps.setLong(2, next.revision());
            ps.setString(3, next.version());
            ps.setObject(4, sql.timestamp(next.attachedAt()));
            ps.setString(5, next.attachedBy());
            ps.setString(6, SpiritCodec.toJson(next));
            ps.executeUpdate();
          } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
              throw new UniqueViolation(e);
            }
            throw e;
          }
          return new WriteResult.Stored<>(next);
        },
        (UniqueViolation violation) ->
            new WriteResult.VersionWas<>(
                tx.withConnection(
                    "look up the lexicon revision of campaign " + id,
                    c -> currentRevision(c, id))));
  }

  Optional<CampaignLexicon> current(CampaignId id) {
    return tx.withConnection(
        "find the lexicon of campaign " + id,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT record_json FROM spirit_lexicons WHERE campaign_id = ?"
                      + " ORDER BY revision DESC LIMIT 1")) {
            ps.setObject(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(SpiritCodec.lexiconFromJson(rs.getString(1)))
                  : Optional.<CampaignLexicon>empty();
            }
          }
        });
  }

  List<LexiconChange> history(CampaignId id) {
    return tx.withConnection(
        "read the lexicon history of campaign " + id,
        c -> {
          List<LexiconChange> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT record_json FROM spirit_lexicons WHERE campaign_id = ?"
                      + " ORDER BY revision")) {
            ps.setObject(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(SpiritCodec.lexiconFromJson(rs.getString(1)).change());
              }
            }
          }
          return List.copyOf(out);
        });
  }

  private static boolean campaignExists(Connection c, CampaignId id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM spirit_campaigns WHERE id = ?")) {
      ps.setObject(1, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static long currentRevision(Connection c, CampaignId id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COALESCE(MAX(revision), 0) FROM spirit_lexicons WHERE campaign_id = ?")) {
      ps.setObject(1, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
