package dev.spirit.storage.jdbc;

import dev.spirit.error.InvalidInputException;
import dev.spirit.error.StorageException;
import dev.spirit.moderation.state.ModerationState;
import dev.spirit.moderation.state.StateKey;
import dev.spirit.moderation.state.TextMark;
import dev.spirit.participant.ParticipantId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ModerationState} in the database (schema version 5), shared by every process on it.
 *
 * <p><b>Atomic across processes.</b> Each call is one read-committed transaction that first locks
 * the key's row in {@code spirit_moderation_windows} (a conditional {@code UPDATE}; if there is no
 * row, an {@code INSERT}, and two processes racing to create it meet at its primary key: the loser
 * rolls back and runs again, when its {@code UPDATE} waits for the winner's lock). Under that lock
 * it deletes the key's expired events, reads the rest, inserts the new one and trims the key to
 * {@code keep} events: of concurrent calls for one key, each sees exactly the events committed
 * before it. Never check-then-act; the same SQL on H2, PostgreSQL and MariaDB.
 *
 * <p><b>No personal data.</b> Keys, subjects and owners are HMAC-SHA256 digests (first 128 bits)
 * under a random key created once per database in {@code spirit_moderation_key}; texts are {@link
 * TextMark}s (hashes). Erasure deletes a participant's rows by the digest of their id.
 *
 * <p><b>Bounded tables.</b> A key holds at most {@code keep} events, and its expired events go on
 * its next call. Keys that are never used again are swept: about every {@value #SWEEP_EVERY}th
 * call, up to {@value #SWEEP_BATCH} keys whose newest event's window ended before the call's
 * instant are deleted with their events (each key row re-checked under its lock), so the tables
 * hold about the keys active within the longest window.
 */
final class JdbcModerationState implements ModerationState {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcModerationState.class);
  static final int SWEEP_EVERY = 256;
  static final int SWEEP_BATCH = 500;
  private static final long MAX_SECOND = Long.MAX_VALUE / 1_000_000_000L - 1;

  private final Transactions tx;
  private final AtomicLong calls = new AtomicLong();
  private volatile byte @Nullable [] secret;

  JdbcModerationState(Transactions tx) {
    this.tx = tx;
  }

  // ---- the primitives -------------------------------------------------------------------------

  @Override
  public int countThenAdd(StateKey key, Instant now, Duration window, int keep) {
    List<TextMark> none = run(key, now, window, keep, null);
    return none.size();
  }

  @Override
  public List<TextMark> recentThenAdd(
      StateKey key, Instant now, Duration window, int keep, TextMark mark) {
    return run(key, now, window, keep, mark);
  }

  /**
   * One call: for a count ({@code mark} null) the result holds one placeholder per counted event,
   * for texts the marks.
   */
  private List<TextMark> run(
      StateKey key, Instant now, Duration window, int keep, @Nullable TextMark mark) {
    if (window == null || window.isNegative() || window.isZero()) {
      throw new InvalidInputException("window", "must be positive, was " + window);
    }
    if (keep < 1) {
      throw new InvalidInputException("keep", "must be at least 1, was " + keep);
    }
    long at = stamp(now);
    long from = start(at, window);
    long expires = end(at, window);
    String keyHash = digest(key.kind().name(), key.campaign().toString(), key.subject());
    @Nullable String subject = key.kind().participantSubject() ? participant(key.subject()) : null;
    @Nullable String owner = mark == null ? subject : participant(mark.owner().value());
    List<TextMark> result =
        tx.inTransaction(
            "moderation state " + key.kind(),
            (c, attempt) -> {
              long seq = lockKey(c, keyHash, subject, expires);
              delete(
                  c,
                  "DELETE FROM spirit_moderation_events WHERE key_hash = ? AND at_nanos < ?",
                  keyHash,
                  from);
              List<Long> seqs = new ArrayList<>();
              List<TextMark> seen = new ArrayList<>();
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT seq, at_nanos, owner_hash, mark FROM spirit_moderation_events"
                          + " WHERE key_hash = ? ORDER BY seq")) {
                ps.setString(1, keyHash);
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    seqs.add(rs.getLong(1));
                    // An event stamped after this call's instant was recorded first by a
                    // concurrent intake (another instance stamped a moment later): it counts, or
                    // simultaneous copies of one text sent to several instances would all pass.
                    if (mark == null) {
                      seen.add(PLACEHOLDER);
                    } else {
                      String encoded = rs.getString(4);
                      String by = rs.getString(3);
                      if (encoded != null) {
                        seen.add(
                            TextMark.decode(
                                ParticipantId.of(by == null ? "unknown" : by), encoded));
                      }
                    }
                  }
                }
              }
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO spirit_moderation_events"
                          + " (key_hash, seq, at_nanos, owner_hash, mark) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, keyHash);
                ps.setLong(2, seq);
                ps.setLong(3, at);
                ps.setString(4, owner);
                ps.setString(5, mark == null ? null : mark.encode());
                ps.executeUpdate();
              }
              seqs.add(seq);
              if (seqs.size() > keep) {
                delete(
                    c,
                    "DELETE FROM spirit_moderation_events WHERE key_hash = ? AND seq <= ?",
                    keyHash,
                    seqs.get(seqs.size() - keep - 1));
              }
              return seen.size() <= keep ? seen : seen.subList(seen.size() - keep, seen.size());
            });
    if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
      sweep(at);
    }
    return result;
  }

  private static final TextMark PLACEHOLDER = TextMark.of(ParticipantId.of("count"), "");

  // ---- batches --------------------------------------------------------------------------------

  /**
   * One transaction for the whole work ({@link JdbcModerationBatch}): the keys' rows are created if
   * missing (a transaction of their own), then locked in key order and read with a few statements;
   * the work's calls are answered from that, and its events written in three JDBC batches before
   * the one commit. A conflict retries the work.
   */
  @Override
  public <T> T atomically(Collection<StateKey> keys, Function<ModerationState, T> work) {
    if (keys.isEmpty()) {
      return work.apply(this);
    }
    TreeMap<String, JdbcModerationBatch.Declared> declared = new TreeMap<>();
    for (StateKey key : keys) {
      JdbcModerationBatch.Declared d = declare(key);
      declared.putIfAbsent(d.hash(), d);
    }
    for (int round = 1; ; round++) {
      createMissing(declared);
      try {
        T result =
            tx.inTransaction(
                "moderation state of a batch (" + declared.size() + " keys)",
                (c, attempt) -> {
                  JdbcModerationBatch unit = new JdbcModerationBatch(this, c);
                  unit.lockAndRead(declared);
                  T done = work.apply(unit);
                  unit.finish();
                  return done;
                });
        long before = calls.getAndAdd(declared.size());
        if (before / SWEEP_EVERY != (before + declared.size()) / SWEEP_EVERY) {
          sweep(stamp(Instant.now()));
        }
        return result;
      } catch (JdbcModerationBatch.KeysMissing missing) {
        if (round >= 5) {
          throw new StorageException(
              "moderation-state keys kept disappearing while a batch locked them (" + round + ")");
        }
      }
    }
  }

  /** A key with its digests. */
  JdbcModerationBatch.Declared declare(StateKey key) {
    String hash = digest(key.kind().name(), key.campaign().toString(), key.subject());
    return new JdbcModerationBatch.Declared(
        key, hash, key.kind().participantSubject() ? participant(key.subject()) : null);
  }

  /** The digest a participant's id is stored under. */
  String participantDigest(String id) {
    return participant(id);
  }

  /**
   * Creates the rows of keys that have none, in a transaction of its own and in key order (a unit
   * must lock all its rows in key order, so it cannot create one in the middle).
   */
  private void createMissing(TreeMap<String, JdbcModerationBatch.Declared> declared) {
    tx.inTransaction(
        "creating moderation-state keys",
        (c, attempt) -> {
          List<String> hashes = new ArrayList<>(declared.keySet());
          java.util.Set<String> present = new java.util.HashSet<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT key_hash FROM spirit_moderation_windows WHERE key_hash IN ("
                      + JdbcModerationBatch.placeholders(hashes.size())
                      + ")")) {
            JdbcModerationBatch.bind(ps, hashes);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                present.add(rs.getString(1));
              }
            }
          }
          if (present.size() == hashes.size()) {
            return 0;
          }
          // Not swept before it is used: its window ends a day from now until the unit writes.
          long until = stamp(Instant.now().plus(Duration.ofDays(1)));
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO spirit_moderation_windows"
                      + " (key_hash, subject_hash, expires_at, next_seq) VALUES (?, ?, ?, 0)")) {
            for (JdbcModerationBatch.Declared d : declared.values()) {
              if (!present.contains(d.hash())) {
                ps.setString(1, d.hash());
                ps.setString(2, d.subject());
                ps.setLong(3, until);
                ps.addBatch();
              }
            }
            ps.executeBatch();
          } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
              throw new Transactions.Retry(); // another process created one first: look again
            }
            throw e;
          }
          return hashes.size() - present.size();
        });
  }

  /**
   * Locks the key's row (creating it if needed) and returns the sequence number of the new event.
   */
  private static long lockKey(Connection c, String keyHash, @Nullable String subject, long expires)
      throws SQLException {
    int updated;
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE spirit_moderation_windows SET next_seq = next_seq + 1,"
                + " expires_at = CASE WHEN expires_at < ? THEN ? ELSE expires_at END"
                + " WHERE key_hash = ?")) {
      ps.setLong(1, expires);
      ps.setLong(2, expires);
      ps.setString(3, keyHash);
      updated = ps.executeUpdate();
    }
    if (updated == 0) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO spirit_moderation_windows (key_hash, subject_hash, expires_at, next_seq)"
                  + " VALUES (?, ?, ?, 1)")) {
        ps.setString(1, keyHash);
        ps.setString(2, subject);
        ps.setLong(3, expires);
        ps.executeUpdate();
      } catch (SQLException e) {
        if (SqlErrors.isUniqueViolation(e)) {
          throw new Transactions.Retry(); // another process created the row first
        }
        throw e;
      }
      return 1;
    }
    try (PreparedStatement ps =
        c.prepareStatement("SELECT next_seq FROM spirit_moderation_windows WHERE key_hash = ?")) {
      ps.setString(1, keyHash);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new Transactions.Retry(); // swept between our update and this read
        }
        return rs.getLong(1);
      }
    }
  }

  /** Deletes keys whose windows all ended before {@code at}, with their events. */
  private void sweep(long at) {
    try {
      int swept =
          tx.inTransaction(
              "sweeping expired moderation state",
              (c, attempt) -> {
                List<String> keys = new ArrayList<>();
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "SELECT key_hash FROM spirit_moderation_windows WHERE expires_at < ?"
                            + " ORDER BY key_hash")) {
                  ps.setMaxRows(SWEEP_BATCH);
                  ps.setLong(1, at);
                  try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                      keys.add(rs.getString(1));
                    }
                  }
                }
                int n = 0;
                for (String k : keys) {
                  // Re-checked under the row's lock: a call may have used the key since.
                  if (delete(
                          c,
                          "DELETE FROM spirit_moderation_windows WHERE key_hash = ? AND expires_at < ?",
                          k,
                          at)
                      == 1) {
                    delete(c, "DELETE FROM spirit_moderation_events WHERE key_hash = ?", k);
                    n++;
                  }
                }
                return n;
              });
      LOG.debug("swept {} expired moderation-state keys", swept);
    } catch (StorageException e) {
      // Opportunistic: the next sweep tries again; the checks themselves are unaffected.
      LOG.warn("could not sweep expired moderation state", e);
    }
  }

  // ---- erasure --------------------------------------------------------------------------------

  @Override
  public void eraseParticipant(ParticipantId participant) {
    String who = digestOf(participant);
    tx.inTransaction(
        "erase the moderation state of participant " + participant,
        (c, attempt) -> {
          eraseIn(c, who);
          return Boolean.TRUE;
        });
  }

  /**
   * The digest under which a participant's rows are stored (read before a transaction: it may need
   * one of its own, the first time).
   */
  String digestOf(ParticipantId participant) {
    return participant(participant.value());
  }

  /** Deletes a participant's rows, by their digest, inside the caller's transaction. */
  void eraseIn(Connection c, String who) throws SQLException {
    delete(c, "DELETE FROM spirit_moderation_events WHERE owner_hash = ?", who);
    delete(
        c,
        "DELETE FROM spirit_moderation_events WHERE key_hash IN"
            + " (SELECT key_hash FROM spirit_moderation_windows WHERE subject_hash = ?)",
        who);
    delete(c, "DELETE FROM spirit_moderation_windows WHERE subject_hash = ?", who);
  }

  // ---- keyed digests --------------------------------------------------------------------------

  private String participant(String id) {
    return digest("participant", id);
  }

  private String digest(String... parts) {
    Mac mac = macs.get();
    for (String part : parts) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      // Length-prefixed, so ("ab", "c") and ("a", "bc") differ.
      mac.update(
          new byte[] {
            (byte) (bytes.length >>> 24),
            (byte) (bytes.length >>> 16),
            (byte) (bytes.length >>> 8),
            (byte) bytes.length
          });
      mac.update(bytes);
    }
    return HexFormat.of().formatHex(mac.doFinal(), 0, 16);
  }

  // One initialised Mac per thread: Mac.getInstance and init cost more than the digest itself.
  private final ThreadLocal<Mac> macs =
      ThreadLocal.withInitial(
          () -> {
            try {
              Mac mac = Mac.getInstance("HmacSHA256");
              mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
              return mac;
            } catch (GeneralSecurityException e) {
              throw new StorageException("HmacSHA256 is not available in this JVM", e);
            }
          });

  /** The database's digest key, created by the first instance that needs it. */
  private byte[] secret() {
    byte[] known = secret;
    if (known != null) {
      return known;
    }
    byte[] read =
        tx.inTransaction(
            "reading the moderation-state key",
            (c, attempt) -> {
              try (PreparedStatement ps =
                      c.prepareStatement("SELECT secret FROM spirit_moderation_key WHERE id = 1");
                  ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                  return HexFormat.of().parseHex(rs.getString(1));
                }
              }
              byte[] fresh = new byte[32];
              new SecureRandom().nextBytes(fresh);
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO spirit_moderation_key (id, secret) VALUES (1, ?)")) {
                ps.setString(1, HexFormat.of().formatHex(fresh));
                ps.executeUpdate();
              } catch (SQLException e) {
                if (SqlErrors.isUniqueViolation(e)) {
                  throw new Transactions.Retry(); // another instance created it: read that one
                }
                throw e;
              }
              return fresh;
            });
    secret = read;
    return read;
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static int delete(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps.executeUpdate();
    }
  }

  /** Epoch nanoseconds, saturated outside the years 1678–2262 (as the in-memory state). */
  static long stamp(Instant t) {
    long s = t.getEpochSecond();
    if (s > MAX_SECOND) {
      return Long.MAX_VALUE;
    }
    if (s < -MAX_SECOND) {
      return Long.MIN_VALUE;
    }
    return s * 1_000_000_000L + t.getNano();
  }

  private static long nanos(Duration window) {
    return window.getSeconds() > MAX_SECOND ? Long.MAX_VALUE : window.toNanos();
  }

  static long start(long at, Duration window) {
    long from = at - nanos(window);
    return from > at ? Long.MIN_VALUE : from;
  }

  static long end(long at, Duration window) {
    long to = at + nanos(window);
    return to < at ? Long.MAX_VALUE : to;
  }
}
