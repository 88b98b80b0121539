package dev.spirit.storage.jdbc;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.error.InvalidInputException;
import dev.spirit.error.StorageException;
import dev.spirit.kiosk.KioskCredential;
import dev.spirit.moderation.CampaignLexicon;
import dev.spirit.moderation.LexiconChange;
import dev.spirit.moderation.state.ModerationState;
import dev.spirit.participant.ParticipantId;
import dev.spirit.storage.ClaimedSubmission;
import dev.spirit.storage.Page;
import dev.spirit.storage.PageCursor;
import dev.spirit.storage.PageRequest;
import dev.spirit.storage.ReactionWrite;
import dev.spirit.storage.SpiritCodec;
import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.storage.SubmissionWrite;
import dev.spirit.storage.WriteResult;
import dev.spirit.submission.AuditChain;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.IdempotencyKey;
import dev.spirit.submission.Reaction;
import dev.spirit.submission.ReactionType;
import dev.spirit.submission.ReviewLease;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SpiritStore} in an SQL database (H2, PostgreSQL or MariaDB / MySQL 8) over a {@link
 * DataSource}. Plain JDBC; every statement is prepared, user data only ever travels as parameters.
 *
 * <p><b>Layout.</b> Each record is stored whole as Spirit's canonical JSON ({@link SpiritCodec}) in
 * a {@code record_json} column, beside copies of the fields Spirit queries by (campaign, status,
 * district, channel, participant, received-at as UTC {@code timestamptz}, idempotency key,
 * version). Core owns the serialisation, so new domain fields need no schema change. The schema is
 * created and upgraded on start by versioned migrations shipped in this jar ({@link Migrations},
 * the one schema source; {@link SchemaScript} prints them as one plain DDL script for DBAs).
 *
 * <p><b>Inserting a submission</b> runs in one read-committed transaction that takes the
 * participant's counter row first, so the participant limit holds across processes without
 * serializable isolation; {@link SubmissionSql} describes the steps and why.
 *
 * <p><b>Batches</b> ({@link #storeNewSubmissions}) run in one transaction, with set-at-a-time
 * look-ups and writes; {@link BatchInsert} describes how.
 *
 * <p><b>Updates</b> are optimistic: {@code UPDATE ... WHERE id = ? AND version = ?}. <b>Pages</b>
 * use keyset pagination on the UUID id column (never {@code OFFSET}); every database orders {@code
 * UUID} values (MariaDB: their canonical text in {@code ascii_bin}) as unsigned 128-bit numbers,
 * the order of {@link SubmissionId#compareTo}. <b>Streams</b> fetch pages of {@value #STREAM_CHUNK}
 * rows lazily, holding no connection between pages.
 *
 * <p><b>Where things live.</b> This class maps the SPI to SQL; {@link Transactions} runs every
 * operation in a retried transaction and translates failures; {@link SubmissionSql} holds the
 * submission row, the single insert and the filtered scan; {@link BatchInsert} the batch insert;
 * {@link DialectSql} ({@link PostgresqlSql}, {@link H2Sql}, {@link MariaDbSql}) the statements the
 * dialects spell differently; {@link ChunkedStream} the lazy streams.
 *
 * <p>Database failures become {@link StorageException}s that say what Spirit was doing; a lost
 * connection says so and whether the operation may have been stored. Thread-safe as far as the
 * DataSource is (every operation borrows its own connection).
 */
public final class JdbcStore implements SpiritStore {
  /** Rows per page when streaming. */
  static final int STREAM_CHUNK = 500;

  private final Dialect dialect;
  private final String where;
  private final @Nullable AutoCloseable owned;
  private final Transactions tx;
  private final DialectSql sql;
  private final BatchInsert batch;
  private final JdbcLexicons lexicons;
  private final JdbcModerationState moderationState;

  private JdbcStore(
      DataSource dataSource, Dialect dialect, String where, @Nullable AutoCloseable owned) {
    this.dialect = dialect;
    this.where = where;
    this.owned = owned;
    this.tx = new Transactions(dataSource, dialect, where);
    this.sql = DialectSql.of(dialect);
    this.batch = new BatchInsert(sql);
    this.lexicons = new JdbcLexicons(tx, sql);
    this.moderationState = new JdbcModerationState(tx);
  }

  /**
   * Opens a store over a DataSource, detecting the database from its driver and migrating the
   * schema to the newest version. The DataSource stays the caller's: closing the store does not
   * close it.
   *
   * @param dataSource a pooled DataSource (HikariCP or any other) for H2, PostgreSQL or MariaDB
   * @return the open store
   * @throws StorageException if the database cannot be reached, is not H2, PostgreSQL or MariaDB /
   *     MySQL, or its schema cannot be migrated
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
    return tx.inTransaction(
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
              throw new Transactions.UniqueViolation(e);
            }
            throw e;
          }
          return new WriteResult.Stored<>(stored);
        },
        violation -> {
          boolean idTaken =
              tx.withConnection(
                  "look up campaign " + campaign.id(),
                  c ->
                      SubmissionSql.exists(
                          c, "SELECT 1 FROM spirit_campaigns WHERE id = ?", campaign.id().value()));
          return idTaken ? new WriteResult.IdTaken<>() : new WriteResult.SlugTaken<>();
        });
  }

  @Override
  public WriteResult<Campaign> replaceCampaign(Campaign next, long expectedVersion) {
    Campaign stored = next;
    return tx.inTransaction(
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
              throw new Transactions.UniqueViolation(
                  e); // the only unique column an update changes: the slug
            }
            throw e;
          }
          if (updated == 0) {
            return SubmissionSql.versionProblem(
                c, "SELECT version FROM spirit_campaigns WHERE id = ?", next.id().value());
          }
          return new WriteResult.Stored<>(stored);
        },
        violation -> new WriteResult.SlugTaken<>());
  }

  @Override
  public Optional<Campaign> findCampaignBySlug(String slug) {
    return findCampaignWhere("slug = ?", slug, "find campaign " + slug);
  }

  @Override
  public Optional<Campaign> findCampaign(CampaignId id) {
    return findCampaignWhere("id = ?", id.value(), "find campaign " + id);
  }

  /** The campaign whose row matches a condition on one unique column. */
  private Optional<Campaign> findCampaignWhere(String condition, Object value, String operation) {
    return tx.withConnection(
        operation,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT record_json FROM spirit_campaigns WHERE " + condition)) {
            ps.setObject(1, value);
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
    return tx.withConnection(
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
      return tx.inTransaction(
          "insert submission " + first.id(),
          (c, attempt) -> SubmissionSql.insertOne(c, sql, first, maxPerParticipant, attempt > 1));
    } catch (Transactions.IdTaken taken) {
      return new SubmissionWrite.IdTaken(taken.id);
    }
  }

  @Override
  public List<SubmissionWrite> storeNewSubmissions(
      List<Submission> submissions, int maxPerParticipant) {
    if (submissions.isEmpty()) {
      return List.of();
    }
    try {
      return tx.inTransaction(
          "insert a batch of " + submissions.size() + " submissions",
          (c, attempt) -> batch.insert(c, submissions, maxPerParticipant, attempt > 1));
    } catch (Transactions.IdTaken taken) {
      return List.of(new SubmissionWrite.IdTaken(taken.id)); // rolled back: nothing stored
    }
  }

  @Override
  public WriteResult<Submission> replaceSubmission(Submission next, long expectedVersion) {
    return tx.inTransaction(
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
            return SubmissionSql.versionProblem(
                c, "SELECT version FROM spirit_submissions WHERE id = ?", next.id().value());
          }
          return new WriteResult.Stored<>(next);
        });
  }

  /**
   * Claims in one transaction: {@code SELECT ... FOR UPDATE SKIP LOCKED} takes the next rows of the
   * queue that no other claimer has locked, the free ones among them are updated with the lease,
   * and the locks are released at commit. Concurrent moderators thus get disjoint pages without
   * waiting for each other. Only as many rows as are still wanted are locked at a time (rows with a
   * live lease, which are locked and passed over, make it read on). H2 takes the generic path of
   * conditional writes.
   */
  @Override
  public List<ClaimedSubmission> claimUnleased(
      SubmissionFilter filter, ReviewLease lease, Instant now, int max) {
    if (dialect == Dialect.H2) {
      return SpiritStore.super.claimUnleased(filter, lease, now, max);
    }
    if (max < 1) {
      throw new InvalidInputException("max", "must be at least 1, was " + max);
    }
    return tx.inTransaction(
        "claim submissions of campaign " + filter.campaignId() + " for review",
        (c, attempt) -> {
          List<ClaimedSubmission> claimed = new ArrayList<>();
          Optional<SubmissionId> cursor = Optional.empty();
          while (claimed.size() < max) {
            int fetch = max - claimed.size();
            List<Object> params = new ArrayList<>();
            StringBuilder select =
                new StringBuilder("SELECT record_json FROM spirit_submissions WHERE ");
            SubmissionSql.appendConditions(select, params, filter, sql);
            if (cursor.isPresent()) {
              select.append(" AND id > ?");
              params.add(cursor.get().value());
            }
            select.append(" ORDER BY ").append(SubmissionSql.orderFor(filter)).append(" LIMIT ?");
            // InnoDB locks every row the WHERE matches before it sorts and applies LIMIT, so one
            // claimer's "LIMIT 5 FOR UPDATE" would lock the whole queue and the others would skip
            // all of it. On MariaDB the page is read without locks and each row is then locked by
            // its primary key, skipping the ones another claimer holds at that moment.
            select.append(dialect == Dialect.MARIADB ? "" : " FOR UPDATE SKIP LOCKED");
            params.add(fetch);
            List<Submission> page = new ArrayList<>(fetch);
            try (PreparedStatement ps = c.prepareStatement(select.toString())) {
              SubmissionSql.bindAll(ps, 1, params);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  page.add(SpiritCodec.submissionFromJson(rs.getString(1)));
                }
              }
            }
            List<Submission> rows = dialect == Dialect.MARIADB ? lockEach(c, page) : page;
            if (!page.isEmpty()) {
              cursor = Optional.of(page.get(page.size() - 1).id());
            }
            for (Submission s : rows) {
              if (!filter.matches(s) || s.reviewLease().map(l -> l.isActiveAt(now)).orElse(false)) {
                continue;
              }
              Submission next =
                  s.toBuilder()
                      .reviewLease(Optional.of(lease))
                      .build()
                      .withVersion(s.version() + 1);
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "UPDATE spirit_submissions SET version = ?, record_json = ?"
                          + " WHERE id = ? AND version = ?")) {
                ps.setLong(1, next.version());
                ps.setString(2, SpiritCodec.toJson(next));
                ps.setObject(3, next.id().value());
                ps.setLong(4, s.version());
                if (ps.executeUpdate() == 1) {
                  claimed.add(new ClaimedSubmission(next, s.reviewLease()));
                }
              }
            }
            if (page.size() < fetch) {
              break;
            }
          }
          return claimed;
        });
  }

  /** The rows of a page that no other transaction has locked, each locked by its key now. */
  private static List<Submission> lockEach(Connection c, List<Submission> page)
      throws SQLException {
    List<Submission> locked = new ArrayList<>(page.size());
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT record_json FROM spirit_submissions WHERE id = ? FOR UPDATE SKIP LOCKED")) {
      for (Submission s : page) {
        ps.setObject(1, s.id().value());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            locked.add(SpiritCodec.submissionFromJson(rs.getString(1)));
          }
        }
      }
    }
    return locked;
  }

  @Override
  public Optional<Submission> find(SubmissionId id) {
    return tx.withConnection(
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
    return tx.withConnection(
        "find submission by idempotency key in campaign " + campaignId,
        c -> SubmissionSql.findByKey(c, campaignId, key));
  }

  /** One query for all the keys (the batch look-up intake uses). */
  @Override
  public Map<IdempotencyKey, Submission> findByIdempotencyKeys(
      CampaignId campaignId, java.util.Collection<IdempotencyKey> keys) {
    if (keys.isEmpty()) {
      return Map.of();
    }
    List<String> values =
        new ArrayList<>(new java.util.TreeSet<>(keys.stream().map(IdempotencyKey::value).toList()));
    return tx.withConnection(
        "look up " + values.size() + " idempotency keys",
        c -> {
          Map<IdempotencyKey, Submission> found = new java.util.HashMap<>();
          batch.lookUpKeys(
              c,
              campaignId.value(),
              values,
              rs ->
                  found.put(
                      IdempotencyKey.of(rs.getString(1)),
                      SpiritCodec.submissionFromJson(rs.getString(2))));
          return found;
        });
  }

  @Override
  public Page<Submission> query(SubmissionFilter filter, PageRequest page) {
    Optional<SubmissionId> after = page.after().map(PageCursor::after);
    List<Submission> found =
        tx.withConnection(
            "query submissions of campaign " + filter.campaignId(),
            c -> SubmissionSql.scan(c, sql, filter, after, page.limit() + 1));
    if (found.size() > page.limit()) {
      List<Submission> items = found.subList(0, page.limit());
      return new Page<>(items, Optional.of(new PageCursor(items.get(items.size() - 1).id())));
    }
    return new Page<>(found, Optional.empty());
  }

  @Override
  public long count(SubmissionFilter filter) {
    boolean exact =
        filter.receivedFrom().map(SubmissionSql::isWholeMicros).orElse(true)
            && filter.receivedBefore().map(SubmissionSql::isWholeMicros).orElse(true);
    if (!exact) {
      try (Stream<Submission> all = stream(filter)) {
        return all.count();
      }
    }
    return tx.withConnection(
        "count submissions of campaign " + filter.campaignId(),
        c -> {
          List<Object> params = new ArrayList<>();
          StringBuilder query = new StringBuilder("SELECT COUNT(*) FROM spirit_submissions WHERE ");
          SubmissionSql.appendConditions(query, params, filter, sql);
          try (PreparedStatement ps = c.prepareStatement(query.toString())) {
            SubmissionSql.bindAll(ps, 1, params);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  @Override
  public Stream<Submission> stream(SubmissionFilter filter) {
    tx.ensureOpen();
    return ChunkedStream.lazily(
        (Optional<SubmissionId> after) ->
            tx.withConnection(
                "stream submissions of campaign " + filter.campaignId(),
                c -> SubmissionSql.scan(c, sql, filter, after, STREAM_CHUNK)),
        Submission::id);
  }

  // ---- reactions and audit --------------------------------------------------------------------

  @Override
  public ReactionWrite storeReaction(Reaction reaction) {
    return tx.inTransaction(
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
    return tx.withConnection(
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
    tx.ensureOpen();
    return ChunkedStream.sequenced(
        tx,
        "spirit_reactions",
        campaignId,
        "stream reactions of campaign ",
        SpiritCodec::reactionFromJson);
  }

  @Override
  public void appendAudit(AuditEntry entry) {
    appendAuditAll(List.of(entry));
  }

  /**
   * One transaction for all the entries. Each campaign's chain is extended under the lock of its
   * campaign row (campaigns in id order), so concurrent appends from several instances wait for
   * each other instead of colliding; the unique (campaign_id, chain_seq) index still turns any
   * append that took the same sequence into a retry on top of it.
   */
  @Override
  public void appendAuditAll(List<AuditEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    Map<java.util.UUID, List<AuditEntry>> byCampaign = new java.util.TreeMap<>();
    for (AuditEntry e : entries) {
      byCampaign.computeIfAbsent(e.campaignId().value(), x -> new ArrayList<>()).add(e);
    }
    tx.inTransaction(
        entries.size() == 1
            ? "append to the audit log of campaign " + entries.get(0).campaignId()
            : "append " + entries.size() + " entries to the audit log",
        (c, attempt) -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO spirit_audit (campaign_id, submission_id, chain_seq, record_json)"
                      + " VALUES (?, ?, ?, ?)")) {
            for (List<AuditEntry> chain : byCampaign.values()) {
              CampaignId campaign = chain.get(0).campaignId();
              lockCampaignRow(c, campaign);
              Optional<AuditEntry> last = lastChained(c, campaign);
              for (AuditEntry entry : chain) {
                AuditEntry sealed = AuditChain.seal(last, entry);
                ps.setObject(1, entry.campaignId().value());
                ps.setObject(2, entry.submissionId().value());
                ps.setLong(3, sealed.seal().orElseThrow().sequence());
                ps.setString(4, SpiritCodec.toJson(sealed));
                ps.addBatch();
                last = Optional.of(sealed);
              }
            }
            return ps.executeBatch().length;
          } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
              throw new Transactions.Retry();
            }
            throw e;
          }
        });
  }

  private static void lockCampaignRow(Connection c, CampaignId campaignId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id FROM spirit_campaigns WHERE id = ? FOR UPDATE")) {
      ps.setObject(1, campaignId.value());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next(); // a campaign without its row (none in practice) is appended optimistically
      }
    }
  }

  private static Optional<AuditEntry> lastChained(Connection c, CampaignId campaignId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT record_json FROM spirit_audit WHERE campaign_id = ? AND chain_seq IS NOT NULL"
                + " ORDER BY chain_seq DESC LIMIT 1")) {
      ps.setObject(1, campaignId.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(SpiritCodec.auditFromJson(rs.getString(1)))
            : Optional.empty();
      }
    }
  }

  @Override
  public Stream<AuditEntry> streamAudit(CampaignId campaignId) {
    tx.ensureOpen();
    return ChunkedStream.sequenced(
        tx,
        "spirit_audit",
        campaignId,
        "stream the audit log of campaign ",
        SpiritCodec::auditFromJson);
  }

  // ---- campaign lexicons (SQL in JdbcLexicons) ------------------------------------------------

  @Override
  public WriteResult<CampaignLexicon> storeLexicon(CampaignLexicon next) {
    return lexicons.store(next);
  }

  @Override
  public Optional<CampaignLexicon> findLexicon(CampaignId campaignId) {
    return lexicons.current(campaignId);
  }

  @Override
  public List<LexiconChange> lexiconHistory(CampaignId campaignId) {
    return lexicons.history(campaignId);
  }

  // ---- erasure and lifecycle ------------------------------------------------------------------

  @Override
  public ModerationState moderationState() {
    return moderationState;
  }

  @Override
  public void storeKiosk(KioskCredential credential) {
    tx.inTransaction(
        "store kiosk credential " + credential.id(),
        (c, attempt) -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE spirit_kiosks SET name = ?, record_json = ? WHERE id = ?")) {
            ps.setString(1, credential.name());
            ps.setString(2, SpiritCodec.toJson(credential));
            ps.setString(3, credential.id());
            if (ps.executeUpdate() == 1) {
              return Boolean.TRUE;
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO spirit_kiosks (id, name, record_json) VALUES (?, ?, ?)")) {
            ps.setString(1, credential.id());
            ps.setString(2, credential.name());
            ps.setString(3, SpiritCodec.toJson(credential));
            ps.executeUpdate();
          } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
              throw new Transactions.Retry(); // stored concurrently: update it next time
            }
            throw e;
          }
          return Boolean.TRUE;
        });
  }

  @Override
  public Optional<KioskCredential> findKiosk(String id) {
    return tx.withConnection(
        "find kiosk credential " + id,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT record_json FROM spirit_kiosks WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(SpiritCodec.kioskFromJson(rs.getString(1)))
                  : Optional.<KioskCredential>empty();
            }
          }
        });
  }

  @Override
  public List<KioskCredential> listKiosks() {
    return tx.withConnection(
        "list kiosk credentials",
        c -> {
          List<KioskCredential> all = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT record_json FROM spirit_kiosks ORDER BY seq");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              all.add(SpiritCodec.kioskFromJson(rs.getString(1)));
            }
          }
          return all;
        });
  }

  @Override
  public int eraseParticipant(ParticipantId participant) {
    String digest = moderationState.digestOf(participant);
    return tx.inTransaction(
        "erase participant " + participant,
        (c, attempt) -> {
          moderationState.eraseIn(c, digest);
          return Erasure.participant(c, participant);
        });
  }

  @Override
  public int eraseSubmissions(CampaignId campaignId) {
    return tx.inTransaction(
        "purge the submissions of campaign " + campaignId,
        (c, attempt) -> Erasure.campaign(c, campaignId));
  }

  @Override
  public void close() {
    if (!tx.close()) {
      return;
    }
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
  private static void closeQuietly(@Nullable AutoCloseable resource) {
    if (resource != null) {
      try {
        resource.close();
      } catch (Exception ignored) {
        // already failing; the original error is the one to report
      }
    }
  }
}
