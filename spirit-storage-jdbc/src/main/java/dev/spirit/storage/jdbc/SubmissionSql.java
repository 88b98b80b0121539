package dev.spirit.storage.jdbc;

import dev.spirit.campaign.CampaignId;
import dev.spirit.storage.SpiritCodec;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.storage.SubmissionWrite;
import dev.spirit.storage.WriteResult;
import dev.spirit.submission.IdempotencyKey;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * The SQL of one submission: binding its row, the single insert, look-ups by id, key and counter
 * row, and the filtered, keyset-paged scan that queries, counts and streams share. Stateless; every
 * method works on the caller's connection and transaction.
 *
 * <p><b>Inserting a submission</b> ({@link #insertOne}) runs in one read-committed transaction:
 *
 * <ol>
 *   <li>if it has an idempotency key, look the key up in the campaign; if found, return {@link
 *       SubmissionWrite.KeyTaken};
 *   <li>take the participant's slot: {@code UPDATE spirit_participant_counts SET submission_count =
 *       submission_count + 1 WHERE campaign_id = ? AND participant_id = ? AND submission_count <
 *       ?}. The row lock this takes makes every other insert for the same participant wait until we
 *       commit or roll back, and every database re-evaluates the condition on the newest committed
 *       count after the wait; if no row was updated the participant is at the limit ({@link
 *       SubmissionWrite.AtLimit}) or has no row yet, which is then inserted with count 1;
 *   <li>insert the submission row; a unique violation there is either the same id (reported as
 *       {@link SubmissionWrite.IdTaken}) or a concurrent insert of the same idempotency key, and
 *       the transaction is rolled back and run again, when step 1 finds the winner.
 * </ol>
 *
 * <p>Why a counter row rather than {@code SERIALIZABLE} or {@code COUNT(*)}: a count under read
 * committed lets two concurrent inserts both see 99 and both store; serializable isolation would
 * fix that but aborts and retries many transactions under exactly the load where limits matter (one
 * kiosk, many taps), and H2 does not offer true serializable snapshot isolation. The counter row
 * serialises only the inserts of one participant in one campaign, costs one indexed update, and
 * works identically on every database. Two inserts that race to create a participant's first row
 * meet at its primary key: the loser rolls back and runs again (a bounded number of times, as for
 * deadlocks, serialization failures and lock timeouts).
 */
final class SubmissionSql {
  /** The columns of {@code spirit_submissions} in the order {@link #bindSubmission} binds them. */
  static final String COLUMNS =
      "id, campaign_id, status, district, channel, participant_id, received_at, idempotency_key,"
          + " version, record_json";

  private SubmissionSql() {}

  static SubmissionWrite insertOne(
      Connection c, DialectSql sql, Submission submission, int max, boolean checkIdFirst)
      throws SQLException {
    if (checkIdFirst) {
      requireNewId(c, submission.id());
    }
    CampaignId campaign = submission.campaignId();
    if (submission.idempotencyKey().isPresent()) {
      Optional<Submission> existing = findByKey(c, campaign, submission.idempotencyKey().get());
      if (existing.isPresent()) {
        requireNewId(c, submission.id());
        return new SubmissionWrite.KeyTaken(existing.get());
      }
    }
    String participant = submission.participant().id().value();
    int updated;
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE spirit_participant_counts SET submission_count = submission_count + 1"
                + " WHERE campaign_id = ? AND participant_id = ? AND submission_count < ?")) {
      ps.setObject(1, campaign.value());
      ps.setString(2, participant);
      ps.setInt(3, max);
      updated = ps.executeUpdate();
    }
    if (updated == 0) {
      OptionalInt current = countOf(c, campaign, participant);
      if (current.isPresent()) {
        if (current.getAsInt() < max) {
          // The row appeared between our update and this read: try again with it in place.
          throw new Transactions.Retry();
        }
        requireNewId(c, submission.id());
        return new SubmissionWrite.AtLimit(current.getAsInt());
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO spirit_participant_counts"
                  + " (campaign_id, participant_id, submission_count) VALUES (?, ?, 1)")) {
        ps.setObject(1, campaign.value());
        ps.setString(2, participant);
        ps.executeUpdate();
      } catch (SQLException e) {
        if (SqlErrors.isUniqueViolation(e)) {
          throw new Transactions.Retry(); // another insert created the row first
        }
        throw e;
      }
    }
    Submission stored = submission;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO spirit_submissions ("
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      bindSubmission(ps, stored, sql);
      ps.executeUpdate();
    } catch (SQLException e) {
      if (SqlErrors.isUniqueViolation(e)) {
        throw new Transactions.Retry(); // same id (found by the id check next time) or a racing key
      }
      throw e;
    }
    return new SubmissionWrite.Stored(stored);
  }

  static Optional<Submission> findByKey(Connection c, CampaignId campaignId, IdempotencyKey key)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT record_json FROM spirit_submissions"
                + " WHERE campaign_id = ? AND idempotency_key = ?")) {
      ps.setObject(1, campaignId.value());
      ps.setString(2, key.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(SpiritCodec.submissionFromJson(rs.getString(1)))
            : Optional.empty();
      }
    }
  }

  /**
   * Up to {@code want} submissions matching the filter after {@code after}, in id order. The SQL
   * conditions select a superset only when a time bound has sub-microsecond digits (the column
   * keeps microseconds); {@link SubmissionFilter#matches} then has the final word, and the scan
   * continues until it has enough.
   */
  static List<Submission> scan(
      Connection c,
      DialectSql dialect,
      SubmissionFilter filter,
      Optional<SubmissionId> after,
      int want)
      throws SQLException {
    List<Submission> result = new ArrayList<>(Math.min(want, 1024));
    Optional<SubmissionId> cursor = after;
    while (result.size() < want) {
      int fetch = want - result.size();
      List<Object> params = new ArrayList<>();
      StringBuilder sql = new StringBuilder("SELECT record_json FROM spirit_submissions WHERE ");
      appendConditions(sql, params, filter, dialect);
      if (cursor.isPresent()) {
        sql.append(" AND id > ?");
        params.add(cursor.get().value());
      }
      sql.append(" ORDER BY ").append(orderFor(filter)).append(" LIMIT ?");
      params.add(fetch);
      int rows = 0;
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        bindAll(ps, 1, params);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows++;
            Submission s = SpiritCodec.submissionFromJson(rs.getString(1));
            cursor = Optional.of(s.id());
            if (filter.matches(s)) {
              result.add(s);
            }
          }
        }
      }
      if (rows < fetch) {
        break;
      }
    }
    return result;
  }

  static void appendConditions(
      StringBuilder sql, List<Object> params, SubmissionFilter filter, DialectSql dialect) {
    sql.append("campaign_id = ?");
    params.add(filter.campaignId().value());
    if (!filter.statuses().isEmpty()) {
      List<String> names = new ArrayList<>();
      for (SubmissionStatus s : SubmissionStatus.values()) {
        if (filter.statuses().contains(s)) {
          names.add(s.name());
        }
      }
      sql.append(names.size() == 1 ? " AND status = ?" : " AND status IN " + marks(names));
      params.addAll(names);
    }
    filter.district().ifPresent(d -> add(sql, params, " AND district = ?", d.code()));
    filter.channel().ifPresent(ch -> add(sql, params, " AND channel = ?", ch.name()));
    filter.participant().ifPresent(p -> add(sql, params, " AND participant_id = ?", p.value()));
    // received_at holds whole microseconds (floor); these bounds are exact for whole-microsecond
    // instants and a superset otherwise. A bound beyond what the column can hold is no condition
    // (every stored value meets it) or one no row meets; it is never bound as a value.
    Instant earliest = dialect.earliestTimestamp();
    Instant latest = dialect.latestTimestamp();
    if (filter.receivedFrom().isPresent()) {
      Instant from = floorMicros(filter.receivedFrom().get());
      if (from.isAfter(latest)) {
        sql.append(" AND 1 = 0");
      } else if (from.isAfter(earliest)) {
        add(sql, params, " AND received_at >= ?", dialect.timestamp(from));
      }
    }
    if (filter.receivedBefore().isPresent()) {
      Instant before = ceilMicros(filter.receivedBefore().get());
      if (!before.isAfter(earliest)) {
        sql.append(" AND 1 = 0");
      } else if (!before.isAfter(latest)) {
        add(sql, params, " AND received_at < ?", dialect.timestamp(before));
      }
    }
  }

  /**
   * The id order, spelled as the columns of the index that serves the filter. Within one campaign
   * (and one status, or one participant) this is the same order as {@code ORDER BY id}, but H2 only
   * reads an index in order, without sorting everything that matches, when the {@code ORDER BY}
   * names the index's leading columns too.
   */
  static String orderFor(SubmissionFilter filter) {
    if (filter.statuses().size() == 1) {
      return "campaign_id, status, id";
    }
    if (filter.participant().isPresent()) {
      return "participant_id, campaign_id, id";
    }
    return "campaign_id, id";
  }

  static void add(StringBuilder sql, List<Object> params, String condition, Object value) {
    sql.append(condition);
    params.add(value);
  }

  static void requireNewId(Connection c, SubmissionId id) throws SQLException {
    if (exists(c, "SELECT 1 FROM spirit_submissions WHERE id = ?", id.value())) {
      throw new Transactions.IdTaken(id);
    }
  }

  static boolean exists(Connection c, String sql, Object key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  static OptionalInt countOf(Connection c, CampaignId campaign, String participant)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT submission_count FROM spirit_participant_counts"
                + " WHERE campaign_id = ? AND participant_id = ?")) {
      ps.setObject(1, campaign.value());
      ps.setString(2, participant);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
      }
    }
  }

  static <T> WriteResult<T> versionProblem(Connection c, String sql, UUID id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? new WriteResult.VersionWas<>(rs.getLong(1))
            : new WriteResult.Missing<>();
      }
    }
  }

  static void bindSubmission(PreparedStatement ps, Submission s, DialectSql dialect)
      throws SQLException {
    ps.setObject(1, s.id().value());
    ps.setObject(2, s.campaignId().value());
    ps.setString(3, s.status().name());
    ps.setString(4, s.district().code());
    ps.setString(5, s.channel().name());
    ps.setString(6, s.participant().id().value());
    ps.setObject(7, dialect.timestamp(floorMicros(s.receivedAt())));
    ps.setString(8, s.idempotencyKey().map(IdempotencyKey::value).orElse(null));
    ps.setLong(9, s.version());
    ps.setString(10, SpiritCodec.toJson(s));
  }

  static void bindAll(PreparedStatement ps, int first, List<?> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      if (value instanceof Integer n) {
        ps.setInt(first + i, n);
      } else if (value instanceof String text) {
        ps.setString(first + i, text);
      } else {
        ps.setObject(first + i, value);
      }
    }
  }

  /** {@code (?, ?, ...)} with one mark per value: the SQL varies in length, never in content. */
  static String marks(List<?> values) {
    return "(" + String.join(", ", Collections.nCopies(values.size(), "?")) + ")";
  }

  static Instant floorMicros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  static Instant ceilMicros(Instant instant) {
    Instant floor = floorMicros(instant);
    return floor.equals(instant) ? floor : floor.plus(1, ChronoUnit.MICROS);
  }

  static boolean isWholeMicros(Instant instant) {
    return instant.getNano() % 1000 == 0;
  }
}
