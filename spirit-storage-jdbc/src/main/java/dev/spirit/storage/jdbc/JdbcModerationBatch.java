package dev.spirit.storage.jdbc;

import dev.spirit.error.InvalidInputException;
import dev.spirit.error.StorageException;
import dev.spirit.moderation.state.ModerationState;
import dev.spirit.moderation.state.StateKey;
import dev.spirit.moderation.state.TextMark;
import dev.spirit.participant.ParticipantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One atomic unit of moderation state ({@link JdbcModerationState#atomically}): the view the work
 * of a batch runs against, inside one transaction.
 *
 * <p>Its keys' rows are locked at the start, in key order, with one statement ({@code SELECT ...
 * FOR UPDATE}), so two units never wait for each other in a cycle; the rows are created beforehand
 * in a transaction of their own, because creating a row inside the unit would take its lock out of
 * order. Then one statement reads each key's event count and oldest stamp, and one the remembered
 * texts of the text windows. The calls are answered from what was read plus the unit's own new
 * events, as the one-call transactions of {@link JdbcModerationState} would answer them in order; a
 * call deletes expired events at once (only when the oldest stamp says some expired), and at the
 * end three JDBC batches insert the new events, trim the windows to their {@code keep} and move
 * each key's sequence. A key the work did not declare is locked and read when first used.
 *
 * <p>Trimming keeps the events of a window's newest {@code keep} sequence numbers, which is the
 * newest {@code keep} events unless an event was deleted as expired while a newer one, stamped
 * earlier, was not (stamps further out of order than a whole window).
 */
final class JdbcModerationBatch implements ModerationState {
  private static final TextMark PLACEHOLDER = TextMark.of(ParticipantId.of("count"), "");

  /** A key as the unit knows it. */
  record Declared(StateKey key, String hash, @Nullable String subject) {}

  /** An event: read from the table, or new in this unit. */
  private record Event(long seq, long at, @Nullable String owner, @Nullable String mark) {}

  /** What the unit knows of one locked key. */
  private static final class Window {
    final String hash;
    @Nullable String subject; // the keyed digest of a participant subject (the owner of counts)
    long lastSeq;
    long expires;
    int stored; // events in the table not yet deleted or trimmed by this unit
    long oldestStored = Long.MAX_VALUE; // a lower bound once an expiry ran
    @Nullable List<Event> storedMarks; // the table's events with a text, in sequence order
    final List<Event> added = new ArrayList<>();
    long trimmedUpTo = Long.MIN_VALUE;
    boolean changed;

    Window(String hash) {
      this.hash = hash;
    }
  }

  private final JdbcModerationState owner;
  private final Connection c;
  private final Map<StateKey, Window> windows = new HashMap<>();
  private @Nullable SQLException sqlFailure;
  private @Nullable RuntimeException otherFailure;

  JdbcModerationBatch(JdbcModerationState owner, Connection c) {
    this.owner = owner;
    this.c = c;
  }

  // ---- start and end of the unit --------------------------------------------------------------

  /**
   * Locks and reads the declared keys (sorted by hash).
   *
   * @throws KeysMissing if a row is gone (swept since it was created): create it and start again
   */
  void lockAndRead(TreeMap<String, Declared> declared) throws SQLException {
    List<String> hashes = new ArrayList<>(declared.keySet());
    Map<String, Window> byHash = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT key_hash, next_seq, expires_at FROM spirit_moderation_windows WHERE key_hash IN ("
                + placeholders(hashes.size())
                + ") ORDER BY key_hash FOR UPDATE")) {
      bind(ps, hashes);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Window w = new Window(rs.getString(1));
          w.lastSeq = rs.getLong(2);
          w.expires = rs.getLong(3);
          byHash.put(w.hash, w);
        }
      }
    }
    if (byHash.size() < hashes.size()) {
      throw new KeysMissing();
    }
    readCounts(byHash, hashes);
    List<String> textWindows = new ArrayList<>();
    for (Declared d : declared.values()) {
      Window w = java.util.Objects.requireNonNull(byHash.get(d.hash()));
      w.subject = d.subject();
      windows.put(d.key(), w);
      if (isTextKind(d.key().kind())) {
        textWindows.add(d.hash());
        w.storedMarks = new ArrayList<>();
      }
    }
    readMarks(byHash, textWindows);
  }

  /** Rethrows what a call failed with (a rule caught it), then writes the unit's changes. */
  void finish() throws SQLException {
    if (sqlFailure != null) {
      throw sqlFailure;
    }
    if (otherFailure != null) {
      throw otherFailure;
    }
    List<Window> changed = new ArrayList<>();
    for (Window w : windows.values()) {
      if (w.changed) {
        changed.add(w);
      }
    }
    if (changed.isEmpty()) {
      return;
    }
    changed.sort((a, b) -> a.hash.compareTo(b.hash));
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM spirit_moderation_events WHERE key_hash = ? AND seq <= ?")) {
      int n = 0;
      for (Window w : changed) {
        if (w.trimmedUpTo != Long.MIN_VALUE) {
          ps.setString(1, w.hash);
          ps.setLong(2, w.trimmedUpTo);
          ps.addBatch();
          n++;
        }
      }
      if (n > 0) {
        ps.executeBatch();
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO spirit_moderation_events"
                + " (key_hash, seq, at_nanos, owner_hash, mark) VALUES (?, ?, ?, ?, ?)")) {
      int n = 0;
      for (Window w : changed) {
        for (Event e : w.added) {
          ps.setString(1, w.hash);
          ps.setLong(2, e.seq());
          ps.setLong(3, e.at());
          ps.setString(4, e.owner());
          ps.setString(5, e.mark());
          ps.addBatch();
          n++;
        }
      }
      if (n > 0) {
        ps.executeBatch();
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE spirit_moderation_windows SET next_seq = ?, expires_at = ? WHERE key_hash = ?")) {
      for (Window w : changed) {
        ps.setLong(1, w.lastSeq);
        ps.setLong(2, w.expires);
        ps.setString(3, w.hash);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** A declared key's row is missing: the unit must create it and start again. */
  static final class KeysMissing extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KeysMissing() {
      super(null, null, false, false);
    }
  }

  // ---- the primitives -------------------------------------------------------------------------

  @Override
  public int countThenAdd(StateKey key, Instant now, Duration window, int keep) {
    return step(key, now, window, keep, null).size();
  }

  @Override
  public List<TextMark> recentThenAdd(
      StateKey key, Instant now, Duration window, int keep, TextMark mark) {
    return step(key, now, window, keep, mark);
  }

  @Override
  public void eraseParticipant(ParticipantId participant) {
    throw new StorageException("erasure is not part of a batch of moderation checks");
  }

  @Override
  public <T> T atomically(
      Collection<StateKey> keys, java.util.function.Function<ModerationState, T> work) {
    return work.apply(this); // already one unit
  }

  private List<TextMark> step(
      StateKey key, Instant now, Duration window, int keep, @Nullable TextMark mark) {
    if (window == null || window.isNegative() || window.isZero()) {
      throw new InvalidInputException("window", "must be positive, was " + window);
    }
    if (keep < 1) {
      throw new InvalidInputException("keep", "must be at least 1, was " + keep);
    }
    if (sqlFailure != null || otherFailure != null) {
      throw new StorageException("the moderation-state transaction already failed");
    }
    try {
      return stepIn(key, now, window, keep, mark);
    } catch (SQLException e) {
      sqlFailure = e;
      throw new StorageException("moderation state " + key.kind() + " failed", e);
    } catch (RuntimeException e) {
      otherFailure = e;
      throw e;
    }
  }

  private List<TextMark> stepIn(
      StateKey key, Instant now, Duration window, int keep, @Nullable TextMark mark)
      throws SQLException {
    long at = JdbcModerationState.stamp(now);
    long from = JdbcModerationState.start(at, window);
    long expires = JdbcModerationState.end(at, window);
    Window w = windows.get(key);
    if (w == null) {
      w = lockUndeclared(key);
    }
    if (mark != null && w.storedMarks == null) {
      w.storedMarks = new ArrayList<>();
      readMarks(Map.of(w.hash, w), List.of(w.hash));
    }
    // Expire: only when the oldest stored stamp says something expired.
    if (w.oldestStored < from) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "DELETE FROM spirit_moderation_events"
                  + " WHERE key_hash = ? AND at_nanos < ? AND seq > ?")) {
        ps.setString(1, w.hash);
        ps.setLong(2, from);
        ps.setLong(3, w.trimmedUpTo);
        w.stored = Math.max(0, w.stored - ps.executeUpdate());
      }
      w.oldestStored = from;
      if (w.storedMarks != null) {
        w.storedMarks.removeIf(e -> e.at() < from);
      }
    }
    w.added.removeIf(e -> e.at() < from);
    // What the call sees: stored events, then this unit's, oldest first, at most keep.
    List<TextMark> seen;
    int total = w.stored + w.added.size();
    if (mark == null) {
      seen = new ArrayList<>(Math.min(total, keep));
      for (int i = Math.min(total, keep); i > 0; i--) {
        seen.add(PLACEHOLDER);
      }
    } else {
      List<Event> all = new ArrayList<>(java.util.Objects.requireNonNull(w.storedMarks));
      for (Event e : w.added) {
        if (e.mark() != null) {
          all.add(e);
        }
      }
      seen = new ArrayList<>(Math.min(all.size(), keep));
      for (int i = Math.max(0, all.size() - keep); i < all.size(); i++) {
        Event e = all.get(i);
        String by = e.owner();
        seen.add(
            TextMark.decode(
                ParticipantId.of(by == null ? "unknown" : by),
                java.util.Objects.requireNonNull(e.mark())));
      }
    }
    // Record the new event, then keep the newest keep sequence numbers.
    long seq = ++w.lastSeq;
    String by = mark == null ? w.subject : owner.participantDigest(mark.owner().value());
    w.added.add(new Event(seq, at, by, mark == null ? null : mark.encode()));
    w.expires = Math.max(w.expires, expires);
    w.changed = true;
    if (w.stored + w.added.size() > keep) {
      long cut = seq - keep;
      w.trimmedUpTo = Math.max(w.trimmedUpTo, cut);
      w.added.removeIf(e -> e.seq() <= cut);
      if (w.storedMarks != null && w.stored == w.storedMarks.size()) {
        w.storedMarks.removeIf(e -> e.seq() <= cut);
        w.stored = w.storedMarks.size();
      } else {
        if (w.storedMarks != null) {
          w.storedMarks.removeIf(e -> e.seq() <= cut);
        }
        w.stored = Math.min(w.stored, Math.max(0, keep - w.added.size()));
      }
    }
    return seen;
  }

  /**
   * Locks a key the work did not declare, creating its row if needed (in this transaction: a
   * conflict with a concurrent creator retries the whole unit).
   */
  private Window lockUndeclared(StateKey key) throws SQLException {
    Declared d = owner.declare(key);
    TreeMap<String, Declared> one = new TreeMap<>(Map.of(d.hash(), d));
    try {
      JdbcModerationBatch probe = new JdbcModerationBatch(owner, c);
      probe.lockAndRead(one);
      Window w = java.util.Objects.requireNonNull(probe.windows.get(key));
      windows.put(key, w);
      return w;
    } catch (KeysMissing missing) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO spirit_moderation_windows (key_hash, subject_hash, expires_at, next_seq)"
                  + " VALUES (?, ?, ?, 0)")) {
        ps.setString(1, d.hash());
        ps.setString(2, d.subject());
        ps.setLong(3, Long.MIN_VALUE);
        ps.executeUpdate();
      } catch (SQLException e) {
        if (SqlErrors.isUniqueViolation(e)) {
          throw new Transactions.Retry(); // another process created it first
        }
        throw e;
      }
      Window w = new Window(d.hash());
      w.subject = d.subject();
      w.expires = Long.MIN_VALUE;
      if (isTextKind(key.kind())) {
        w.storedMarks = new ArrayList<>();
      }
      w.stored = 0;
      windows.put(key, w);
      return w;
    }
  }

  // ---- reads ----------------------------------------------------------------------------------

  private void readCounts(Map<String, Window> byHash, List<String> hashes) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT key_hash, COUNT(*), MIN(at_nanos) FROM spirit_moderation_events"
                + " WHERE key_hash IN ("
                + placeholders(hashes.size())
                + ") GROUP BY key_hash")) {
      bind(ps, hashes);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Window w = java.util.Objects.requireNonNull(byHash.get(rs.getString(1)));
          w.stored = rs.getInt(2);
          w.oldestStored = rs.getLong(3);
        }
      }
    }
  }

  private void readMarks(Map<String, Window> byHash, List<String> hashes) throws SQLException {
    if (hashes.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT key_hash, seq, at_nanos, owner_hash, mark FROM spirit_moderation_events"
                + " WHERE key_hash IN ("
                + placeholders(hashes.size())
                + ") AND mark IS NOT NULL ORDER BY key_hash, seq")) {
      bind(ps, hashes);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Window w = java.util.Objects.requireNonNull(byHash.get(rs.getString(1)));
          java.util.Objects.requireNonNull(w.storedMarks)
              .add(new Event(rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5)));
        }
      }
    }
  }

  static boolean isTextKind(StateKey.Kind kind) {
    return kind == StateKey.Kind.PARTICIPANT_TEXTS || kind == StateKey.Kind.COLLECTION_POINT_TEXTS;
  }

  static String placeholders(int n) {
    StringBuilder s = new StringBuilder(n * 3);
    for (int i = 0; i < n; i++) {
      s.append(i == 0 ? "?" : ", ?");
    }
    return s.toString();
  }

  static void bind(PreparedStatement ps, List<String> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      ps.setString(i + 1, values.get(i));
    }
  }
}
