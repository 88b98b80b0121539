package dev.spirit.storage.jdbc;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.error.StorageException;
import dev.spirit.participant.ParticipantId;
import dev.spirit.storage.Page;
import dev.spirit.storage.PageCursor;
import dev.spirit.storage.PageRequest;
import dev.spirit.storage.ReactionWrite;
import dev.spirit.storage.SpiritCodec;
import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.storage.SubmissionWrite;
import dev.spirit.storage.WriteResult;
import dev.spirit.storage.jdbc.Transactions.Retry;
import dev.spirit.storage.jdbc.Transactions.TxWork;
import dev.spirit.storage.jdbc.Transactions.UniqueViolation;
import dev.spirit.storage.jdbc.Transactions.Work;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.IdempotencyKey;
import dev.spirit.submission.Reaction;
import dev.spirit.submission.ReactionType;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SpiritStore} in an SQL database (H2 or PostgreSQL) over a {@link DataSource}. Plain
 * JDBC; every statement is prepared, user data only ever travels as parameters.
 *
 * <p><b>Layout.</b> Each record is stored whole as Spirit's canonical JSON ({@link SpiritCodec}) in
 * a {@code record_json} column, beside copies of the fields Spirit queries by (campaign, status,
 * district, channel, participant, received-at as UTC {@code timestamptz}, idempotency key,
 * version). Core owns the serialisation, so new domain fields need no schema change. The schema is
 * created and upgraded on start by versioned migrations shipped in this jar (see the module
 * README); {@code schema-h2.sql} and {@code schema-postgresql.sql} hold the same DDL for DBAs who
 * apply schemas by hand.
 *
 * <p><b>Inserting a submission</b> runs in one read-committed transaction:
 *
 * <ol>
 *   <li>if it has an idempotency key, look the key up in the campaign; if found, return {@link
 *       SubmissionWrite.KeyTaken};
 *   <li>take the participant's slot: {@code UPDATE spirit_participant_counts SET submission_count =
 *       submission_count + 1 WHERE campaign_id = ? AND participant_id = ? AND submission_count <
 *       ?}. The row lock this takes makes every other insert for the same participant wait until we
 *       commit or roll back, and both databases re-evaluate the condition on the newest committed
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
 * works identically on both databases. Two inserts that race to create a participant's first row
 * meet at its primary key: the loser rolls back and runs again (a bounded number of times, as for
 * deadlocks, serialization failures and lock timeouts).
 *
 * <p><b>Batches</b> ({@link #storeNewSubmissions}) run in one transaction: the batch's idempotency
 * keys are looked up with one query (an array of keys joined to the unique index), the counter rows
 * of its participants are locked in a fixed order (one {@code FOR UPDATE} query over the sorted
 * array of participants), outcomes are decided in memory in batch order, and the new rows and
 * counts go in together: on PostgreSQL as three array statements ({@code unnest}) for the whole
 * batch, on H2 with JDBC batching; the primary key refuses an id that is already stored. If
 * anything fails, the whole batch rolls back, so a retry with the same idempotency keys stores each
 * submission once.
 *
 * <p><b>Updates</b> are optimistic: {@code UPDATE ... WHERE id = ? AND version = ?}. <b>Pages</b>
 * use keyset pagination on the UUID id column (never {@code OFFSET}); both databases order {@code
 * UUID} values as unsigned 128-bit numbers, the order of {@link SubmissionId#compareTo}.
 * <b>Streams</b> fetch pages of {@value #STREAM_CHUNK} rows lazily, holding no connection between
 * pages.
 *
 * <p>Database failures become {@link StorageException}s that say what Spirit was doing; a lost
 * connection says so and whether the operation may have been stored. Thread-safe as far as the
 * DataSource is (every operation borrows its own connection).
 */
public final class JdbcStore implements SpiritStore {
  /** Rows per page when streaming. */
  static final int STREAM_CHUNK = 500;

  static final String SUBMISSION_COLUMNS =
      "id, campaign_id, status, district, channel, participant_id, received_at, idempotency_key,"
          + " version, record_json";

  private final DataSource dataSource;
  private final Dialect dialect;
  private final String where;
  private final @Nullable AutoCloseable owned;
  private volatile boolean closed;
  private final Transactions tx;
  private final BatchInsert batches;

  private JdbcStore(
      DataSource dataSource, Dialect dialect, String where, @Nullable AutoCloseable owned) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.where = where;
    this.owned = owned;
    this.tx = new Transactions(dataSource, where, this::ensureOpen);
    this.batches = new BatchInsert(dialect);
  }

  /**
   * Opens a store over a DataSource, detecting the database from its driver and migrating the
   * schema to the newest version. The DataSource stays the caller's: closing the store does not
   * close it.
   *
   * @param dataSource a pooled DataSource (HikariCP or any other) for H2 or PostgreSQL
   * @return the open store
   * @throws StorageException if the database cannot be reached, is not H2 or PostgreSQL, or its
   *     schema cannot be migrated
   */
  public static JdbcStore open(DataSource dataSource) {
    Dialect dialect;
    String where;
    try (Connection c = dataSource.getConnection()) {
      dialect = Dialect.fromProductName(c.getMetaData().getDatabaseProductName());
      where = describe(dialect, c.getMetaData().getURL());
    } catch (SQLException e) {
      throw SqlErrors.translate("opening the store", e, false, "DataSource " + dataSource);
    }
    return open(dataSource, dialect, where, null);
  }

  /**
   * Opens a store over a DataSource of a known dialect, migrating the schema to the newest version.
   * The DataSource stays the caller's: closing the store does not close it.
   *
   * @param dataSource a pooled DataSource for the given database
   * @param dialect which database it is
   * @return the open store
   * @throws StorageException if the database cannot be reached or its schema cannot be migrated
   */
  public static JdbcStore open(DataSource dataSource, Dialect dialect) {
    return open(dataSource, dialect, dialect.name() + " DataSource", null);
  }

  /**
   * Opens a store, closing {@code owned} when the store is closed (or when opening fails).
   *
   * @param owned the pool the provider created for this store, or null if the caller owns it
   */
  static JdbcStore open(
      DataSource dataSource, Dialect dialect, String where, @Nullable AutoCloseable owned) {
    try {
      Migrations.migrate(dataSource, dialect, where);
    } catch (SQLException e) {
      closeQuietly(owned);
      throw SqlErrors.translate("migrating the Spirit schema", e, false, where);
    } catch (RuntimeException e) {
      closeQuietly(owned);
      throw e;
    }
    return new JdbcStore(dataSource, dialect, where, owned);
  }

  private static String describe(Dialect dialect, @Nullable String url) {
    return url == null ? dialect.name() : JdbcUrls.redact(url);
  }

  /**
   * The database this store talks to.
   *
   * @return its dialect
   */
  public Dialect dialect() {
    return dialect;
  }

  // ---- campaigns ------------------------------------------------------------------------------

  @Override
  public WriteResult<Campaign> storeNewCampaign(Campaign first) {
    Campaign stored = first;
    Campaign campaign = first;
    return inTransaction(
        "insert campaign " + campaign.id(),
        (c, attempt) -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO spirit_campaigns (id, slug, version, record_json)"
                      + " VALUES (?, ?, ?, ?)")) {
            ps.setObject(1, stored.id().value());
            ps.setString(2, stored.slug());
            ps.setLong(3, stored.version());
            ps.setString(4, SpiritCodec.toJson(stored));
            ps.executeUpdate();
          } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
              throw new UniqueViolation(e);
            }
            throw e;
          }
          return new WriteResult.Stored<>(stored);
        },
        violation -> {
          boolean idTaken =
              withConnection(
                  "look up campaign " + campaign.id(),
                  c ->
                      exists(
                          c, "SELECT 1 FROM spirit_campaigns WHERE id = ?", campaign.id().value()));
          return idTaken ? new WriteResult.IdTaken<>() : new WriteResult.SlugTaken<>();
        });
  }

  @Override
  public WriteResult<Campaign> replaceCampaign(Campaign next, long expectedVersion) {
    Campaign stored = next;
    return inTransaction(
        "update campaign " + next.id(),
        (c, attempt) -> {
          int updated;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE spirit_campaigns SET slug = ?, version = ?, record_json = ?"
                      + " WHERE id = ? AND version = ?")) {
            ps.setString(1, stored.slug());
            ps.setLong(2, stored.version());
            ps.setString(3, SpiritCodec.toJson(stored));
            ps.setObject(4, next.id().value());
            ps.setLong(5, expectedVersion);
            updated = ps.executeUpdate();
          } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
              throw new UniqueViolation(e); // the only unique column an update changes: the slug
            }
            throw e;
          }
          if (updated == 0) {
            return versionProblem(
                c, "SELECT version FROM spirit_campaigns WHERE id = ?", next.id().value());
          }
          return new WriteResult.Stored<>(stored);
        },
        violation -> new WriteResult.SlugTaken<>());
  }

  @Override
  public Optional<Campaign> findCampaign(CampaignId id) {
    return withConnection(
        "find campaign " + id,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT record_json FROM spirit_campaigns WHERE id = ?")) {
            ps.setObject(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(SpiritCodec.campaignFromJson(rs.getString(1)))
                  : Optional.<Campaign>empty();
            }
          }
        });
  }

  @Override
  public List<Campaign> listCampaigns() {
    return withConnection(
        "list campaigns",
        c -> {
          List<Campaign> result = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT record_json FROM spirit_campaigns ORDER BY seq");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              result.add(SpiritCodec.campaignFromJson(rs.getString(1)));
            }
          }
          return List.copyOf(result);
        });
  }

  // ---- submissions ----------------------------------------------------------------------------

  @Override
  public SubmissionWrite storeNewSubmission(Submission first, int maxPerParticipant) {
    try {
      return inTransaction(
          "insert submission " + first.id(),
          (c, attempt) -> insertOne(c, first, maxPerParticipant, attempt > 1));
    } catch (IdTaken taken) {
      return new SubmissionWrite.IdTaken(taken.id);
    }
  }

  private SubmissionWrite insertOne(
      Connection c, Submission submission, int max, boolean checkIdFirst) throws SQLException {
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
          throw new Retry();
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
          throw new Retry(); // another insert created the row first
        }
        throw e;
      }
    }
    Submission stored = submission;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO spirit_submissions ("
                + SUBMISSION_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      bindSubmission(ps, stored);
      ps.executeUpdate();
    } catch (SQLException e) {
      if (SqlErrors.isUniqueViolation(e)) {
        throw new Retry(); // same id (found by the id check next time) or a racing key
      }
      throw e;
    }
    return new SubmissionWrite.Stored(stored);
  }

  @Override
  public List<SubmissionWrite> storeNewSubmissions(
      List<Submission> submissions, int maxPerParticipant) {
    if (submissions.isEmpty()) {
      return List.of();
    }
    try {
      return inTransaction(
          "insert a batch of " + submissions.size() + " submissions",
          (c, attempt) -> batches.insert(c, submissions, maxPerParticipant, attempt > 1));
    } catch (IdTaken taken) {
      return List.of(new SubmissionWrite.IdTaken(taken.id)); // rolled back: nothing stored
    }
  }

  @Override
  public WriteResult<Submission> replaceSubmission(Submission next, long expectedVersion) {
    return inTransaction(
        "update submission " + next.id(),
        (c, attempt) -> {
          int updated;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE spirit_submissions SET status = ?, version = ?, record_json = ?"
                      + " WHERE id = ? AND version = ?")) {
            ps.setString(1, next.status().name());
            ps.setLong(2, next.version());
            ps.setString(3, SpiritCodec.toJson(next));
            ps.setObject(4, next.id().value());
            ps.setLong(5, expectedVersion);
            updated = ps.executeUpdate();
          }
          if (updated == 0) {
            return versionProblem(
                c, "SELECT version FROM spirit_submissions WHERE id = ?", next.id().value());
          }
          return new WriteResult.Stored<>(next);
        });
  }

  @Override
  public Optional<Submission> find(SubmissionId id) {
    return withConnection(
        "find submission " + id,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT record_json FROM spirit_submissions WHERE id = ?")) {
            ps.setObject(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(SpiritCodec.submissionFromJson(rs.getString(1)))
                  : Optional.<Submission>empty();
            }
          }
        });
  }

  @Override
  public Optional<Submission> findByIdempotencyKey(CampaignId campaignId, IdempotencyKey key) {
    return withConnection(
        "find submission by idempotency key in campaign " + campaignId,
        c -> findByKey(c, campaignId, key));
  }

  private static Optional<Submission> findByKey(
      Connection c, CampaignId campaignId, IdempotencyKey key) throws SQLException {
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

  @Override
  public Page<Submission> query(SubmissionFilter filter, PageRequest page) {
    Optional<SubmissionId> after = page.after().map(PageCursor::after);
    List<Submission> found =
        withConnection(
            "query submissions of campaign " + filter.campaignId(),
            c -> scan(c, filter, after, page.limit() + 1));
    if (found.size() > page.limit()) {
      List<Submission> items = found.subList(0, page.limit());
      return new Page<>(items, Optional.of(new PageCursor(items.get(items.size() - 1).id())));
    }
    return new Page<>(found, Optional.empty());
  }

  /**
   * Up to {@code want} submissions matching the filter after {@code after}, in id order. The SQL
   * conditions select a superset only when a time bound has sub-microsecond digits (the column
   * keeps microseconds); {@link SubmissionFilter#matches} then has the final word, and the scan
   * continues until it has enough.
   */
  private static List<Submission> scan(
      Connection c, SubmissionFilter filter, Optional<SubmissionId> after, int want)
      throws SQLException {
    List<Submission> result = new ArrayList<>(Math.min(want, 1024));
    Optional<SubmissionId> cursor = after;
    while (result.size() < want) {
      int fetch = want - result.size();
      List<Object> params = new ArrayList<>();
      StringBuilder sql = new StringBuilder("SELECT record_json FROM spirit_submissions WHERE ");
      appendConditions(sql, params, filter);
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

  private static void appendConditions(
      StringBuilder sql, List<Object> params, SubmissionFilter filter) {
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
    // instants and a superset otherwise.
    filter
        .receivedFrom()
        .ifPresent(f -> add(sql, params, " AND received_at >= ?", utc(floorMicros(f))));
    filter
        .receivedBefore()
        .ifPresent(b -> add(sql, params, " AND received_at < ?", utc(ceilMicros(b))));
  }

  /**
   * The id order, spelled as the columns of the index that serves the filter. Within one campaign
   * (and one status, or one participant) this is the same order as {@code ORDER BY id}, but H2 only
   * reads an index in order, without sorting everything that matches, when the {@code ORDER BY}
   * names the index's leading columns too.
   */
  private static String orderFor(SubmissionFilter filter) {
    if (filter.statuses().size() == 1) {
      return "campaign_id, status, id";
    }
    if (filter.participant().isPresent()) {
      return "participant_id, campaign_id, id";
    }
    return "campaign_id, id";
  }

  private static void add(StringBuilder sql, List<Object> params, String condition, Object value) {
    sql.append(condition);
    params.add(value);
  }

  @Override
  public long count(SubmissionFilter filter) {
    boolean exact =
        filter.receivedFrom().map(JdbcStore::isWholeMicros).orElse(true)
            && filter.receivedBefore().map(JdbcStore::isWholeMicros).orElse(true);
    if (!exact) {
      try (Stream<Submission> all = stream(filter)) {
        return all.count();
      }
    }
    return withConnection(
        "count submissions of campaign " + filter.campaignId(),
        c -> {
          List<Object> params = new ArrayList<>();
          StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM spirit_submissions WHERE ");
          appendConditions(sql, params, filter);
          try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bindAll(ps, 1, params);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  @Override
  public Stream<Submission> stream(SubmissionFilter filter) {
    ensureOpen();
    return lazily(
        (Optional<SubmissionId> after) ->
            withConnection(
                "stream submissions of campaign " + filter.campaignId(),
                c -> scan(c, filter, after, STREAM_CHUNK)),
        Submission::id);
  }

  // ---- reactions and audit --------------------------------------------------------------------

  @Override
  public ReactionWrite storeReaction(Reaction reaction) {
    return inTransaction(
        "add a reaction to submission " + reaction.submissionId(),
        (c, attempt) -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO spirit_reactions"
                      + " (submission_id, campaign_id, participant_id, reaction_type, record_json)"
                      + " VALUES (?, ?, ?, ?, ?)")) {
            ps.setObject(1, reaction.submissionId().value());
            ps.setObject(2, reaction.campaignId().value());
            ps.setString(3, reaction.by().value());
            ps.setString(4, reaction.type().name());
            ps.setString(5, SpiritCodec.toJson(reaction));
            ps.executeUpdate();
            return ReactionWrite.STORED;
          } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
              return ReactionWrite.ALREADY_THERE;
            }
            if (SqlErrors.isForeignKeyViolation(e)) {
              return ReactionWrite.NO_SUBMISSION;
            }
            throw e;
          }
        });
  }

  @Override
  public long countReactions(SubmissionId submissionId, ReactionType type) {
    return withConnection(
        "count reactions to submission " + submissionId,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT COUNT(*) FROM spirit_reactions"
                      + " WHERE submission_id = ? AND reaction_type = ?")) {
            ps.setObject(1, submissionId.value());
            ps.setString(2, type.name());
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  @Override
  public Stream<Reaction> streamReactions(CampaignId campaignId) {
    ensureOpen();
    return sequenced(
        "spirit_reactions",
        campaignId,
        "stream reactions of campaign ",
        SpiritCodec::reactionFromJson);
  }

  @Override
  public void appendAudit(AuditEntry entry) {
    inTransaction(
        "append to the audit log of campaign " + entry.campaignId(),
        (c, attempt) -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO spirit_audit (campaign_id, submission_id, record_json)"
                      + " VALUES (?, ?, ?)")) {
            ps.setObject(1, entry.campaignId().value());
            ps.setObject(2, entry.submissionId().value());
            ps.setString(3, SpiritCodec.toJson(entry));
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public Stream<AuditEntry> streamAudit(CampaignId campaignId) {
    ensureOpen();
    return sequenced(
        "spirit_audit",
        campaignId,
        "stream the audit log of campaign ",
        SpiritCodec::auditFromJson);
  }

  /** A row of a table ordered by its identity column. */
  private record Sequenced<T>(long seq, T value) {}

  private <T> Stream<T> sequenced(
      String table, CampaignId campaignId, String operation, Function<String, T> decode) {
    // The table name is one of two constants of this class, never user input.
    String sql =
        "SELECT seq, record_json FROM "
            + table
            + " WHERE campaign_id = ? AND seq > ? ORDER BY seq LIMIT ?";
    Stream<Sequenced<T>> rows =
        lazily(
            (Optional<Long> after) ->
                withConnection(
                    operation + campaignId,
                    c -> {
                      List<Sequenced<T>> chunk = new ArrayList<>();
                      try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setObject(1, campaignId.value());
                        ps.setLong(2, after.orElse(Long.MIN_VALUE));
                        ps.setInt(3, STREAM_CHUNK);
                        try (ResultSet rs = ps.executeQuery()) {
                          while (rs.next()) {
                            chunk.add(
                                new Sequenced<>(rs.getLong(1), decode.apply(rs.getString(2))));
                          }
                        }
                      }
                      return chunk;
                    }),
            Sequenced::seq);
    return rows.map(Sequenced::value);
  }

  // ---- erasure and lifecycle ------------------------------------------------------------------

  @Override
  public int eraseParticipant(ParticipantId participant) {
    return inTransaction(
        "erase participant " + participant, (c, attempt) -> Erasure.participant(c, participant));
  }

  @Override
  public int eraseSubmissions(CampaignId campaignId) {
    return inTransaction(
        "purge the submissions of campaign " + campaignId,
        (c, attempt) -> Erasure.campaign(c, campaignId));
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (owned != null) {
      try {
        owned.close();
      } catch (Exception e) {
        throw new StorageException("could not close the connection pool of " + where, e);
      }
    }
  }

  @Override
  public String toString() {
    return "JdbcStore[" + where + "]";
  }

  // ---- plumbing -------------------------------------------------------------------------------

  // (transactions, retries and error translation: Transactions)

  /** Thrown inside a transaction when a submission id is already stored; rolls it back. */
  static final class IdTaken extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient SubmissionId id;

    IdTaken(SubmissionId id) {
      super(null, null, false, false);
      this.id = id;
    }
  }

  private <T> T inTransaction(String operation, TxWork<T> work) {
    return tx.inTransaction(operation, work);
  }

  private <T> T inTransaction(
      String operation, TxWork<T> work, Function<UniqueViolation, T> diagnose) {
    return tx.inTransaction(operation, work, diagnose);
  }

  private <T> T withConnection(String operation, Work<T> work) {
    return tx.withConnection(operation, work);
  }

  private void ensureOpen() {
    if (closed) {
      throw new StorageException("the JDBC store (" + where + ") is closed");
    }
  }

  private static void closeQuietly(@Nullable AutoCloseable resource) {
    if (resource != null) {
      try {
        resource.close();
      } catch (Exception ignored) {
        // already failing; the original error is the one to report
      }
    }
  }

  private static void requireNewId(Connection c, SubmissionId id) throws SQLException {
    if (exists(c, "SELECT 1 FROM spirit_submissions WHERE id = ?", id.value())) {
      throw new IdTaken(id);
    }
  }

  private static boolean exists(Connection c, String sql, Object key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static OptionalInt countOf(Connection c, CampaignId campaign, String participant)
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

  private static <T> WriteResult<T> versionProblem(Connection c, String sql, UUID id)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? new WriteResult.VersionWas<>(rs.getLong(1))
            : new WriteResult.Missing<>();
      }
    }
  }

  static void bindSubmission(PreparedStatement ps, Submission s) throws SQLException {
    ps.setObject(1, s.id().value());
    ps.setObject(2, s.campaignId().value());
    ps.setString(3, s.status().name());
    ps.setString(4, s.district().code());
    ps.setString(5, s.channel().name());
    ps.setString(6, s.participant().id().value());
    ps.setObject(7, utc(floorMicros(s.receivedAt())));
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

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Instant floorMicros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  private static Instant ceilMicros(Instant instant) {
    Instant floor = floorMicros(instant);
    return floor.equals(instant) ? floor : floor.plus(1, ChronoUnit.MICROS);
  }

  private static boolean isWholeMicros(Instant instant) {
    return instant.getNano() % 1000 == 0;
  }

  /**
   * A stream that fetches chunks on demand: {@code fetch} gets the chunk after a position (empty
   * for the first), {@code position} tells where an element is.
   */
  private static <T, K> Stream<T> lazily(
      Function<Optional<K>, List<T>> fetch, Function<T, K> position) {
    Iterator<T> iterator =
        new Iterator<>() {
          private List<T> chunk = List.of();
          private int index;
          private Optional<K> after = Optional.empty();
          private boolean exhausted;

          @Override
          public boolean hasNext() {
            if (index < chunk.size()) {
              return true;
            }
            if (exhausted) {
              return false;
            }
            chunk = fetch.apply(after);
            index = 0;
            if (chunk.size() < STREAM_CHUNK) {
              exhausted = true;
            }
            if (!chunk.isEmpty()) {
              after = Optional.of(position.apply(chunk.get(chunk.size() - 1)));
            }
            return !chunk.isEmpty();
          }

          @Override
          public T next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return chunk.get(index++);
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }
}
