package dev.spirit.storage.jdbc;

import dev.spirit.error.StorageException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Classifies {@link SQLException}s of H2 and PostgreSQL by SQLState, and of MariaDB / MySQL (whose
 * SQLStates are coarse: 23000 for every integrity violation, HY000 for many others) by SQLState and
 * vendor error code, and turns them into {@link StorageException}s whose message says what Spirit
 * was doing and what it means for the data.
 */
final class SqlErrors {
  /** Unique or primary key violation (both databases). */
  private static final String UNIQUE_VIOLATION = "23505";

  /**
   * Foreign key violation: PostgreSQL uses 23503 for both directions, H2 23506 for a missing
   * parent.
   */
  private static final Set<String> FOREIGN_KEY_VIOLATION = Set.of("23503", "23506");

  /**
   * Conflicts that a new attempt of the same transaction resolves: serialization failure and
   * deadlock (40001 on both; 40P01 PostgreSQL), H2's lock timeout (HYT00) and concurrent update of
   * a row (90131).
   */
  private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "HYT00", "90131");

  /**
   * Lost or refused connections: class 08 on both, PostgreSQL's admin shutdown / crash shutdown /
   * cannot-connect-now (57P01..57P03), H2's database-closed codes (90098, 90121, 90007 object
   * closed, 90067 connection broken).
   */
  private static final Set<String> CONNECTION_LOST =
      Set.of("57P01", "57P02", "57P03", "90098", "90121", "90007", "90067");

  /**
   * MariaDB / MySQL duplicate keys (SQLState 23000): ER_DUP_KEY 1022, ER_DUP_ENTRY 1062,
   * ER_DUP_ENTRY_WITH_KEY_NAME 1586.
   */
  private static final Set<Integer> MARIADB_DUPLICATE = Set.of(1022, 1062, 1586);

  /**
   * MariaDB / MySQL foreign keys (SQLState 23000): no parent row (1216, 1452), a child row still
   * refers to the row (1217, 1451).
   */
  private static final Set<Integer> MARIADB_FOREIGN_KEY = Set.of(1216, 1217, 1451, 1452);

  /**
   * MariaDB / MySQL conflicts a new attempt resolves: deadlock (1213, SQLState 40001, already
   * retried by its state), lock wait timeout (1205, HY000; InnoDB rolls back only the statement,
   * Spirit the whole transaction) and "record has changed since last read" (1020, HY000, from
   * snapshot isolation checks).
   */
  private static final Set<Integer> MARIADB_RETRYABLE = Set.of(1020, 1205, 1213);

  /**
   * MariaDB / MySQL: the server shut down (1053) or killed the connection (1927), the client lost
   * it (2006, 2013), or MySQL closed an idle one (4031). The driver reports most losses as SQLState
   * 08xxx already.
   */
  private static final Set<Integer> MARIADB_CONNECTION_LOST = Set.of(1053, 1927, 2006, 2013, 4031);

  /** MariaDB / MySQL messages that quote a stored or rejected value. */
  private static final Pattern QUOTED_VALUE =
      Pattern.compile("(Duplicate entry |Incorrect \\w+ value: )'.*'(?= for (key|column) )");

  private SqlErrors() {}

  static boolean isUniqueViolation(SQLException e) {
    return states(e).contains(UNIQUE_VIOLATION) || hasIntegrityCode(e, MARIADB_DUPLICATE);
  }

  static boolean isForeignKeyViolation(SQLException e) {
    return states(e).stream().anyMatch(FOREIGN_KEY_VIOLATION::contains)
        || hasIntegrityCode(e, MARIADB_FOREIGN_KEY);
  }

  static boolean isRetryable(SQLException e) {
    if (isConnectionLoss(e)) {
      return false;
    }
    return states(e).stream().anyMatch(RETRYABLE::contains)
        || chain(e).stream()
            .anyMatch(
                t ->
                    t instanceof SQLException sql
                        && MARIADB_RETRYABLE.contains(sql.getErrorCode())
                        && isMariaDbState(sql.getSQLState()));
  }

  /**
   * Whether a MariaDB / MySQL vendor code in {@code codes} comes with an integrity SQLState (class
   * 23): H2's vendor codes are five-digit numbers and PostgreSQL's are 0, so neither can match.
   */
  private static boolean hasIntegrityCode(SQLException e, Set<Integer> codes) {
    for (Throwable t : chain(e)) {
      if (t instanceof SQLException sql
          && codes.contains(sql.getErrorCode())
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }

  /** The SQLStates MariaDB and MySQL report their conflicts with (or none). */
  private static boolean isMariaDbState(@Nullable String state) {
    return state == null || state.equals("HY000") || state.equals("40001");
  }

  static boolean isConnectionLoss(SQLException e) {
    for (Throwable t : chain(e)) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if (state != null && (state.startsWith("08") || CONNECTION_LOST.contains(state))) {
          return true;
        }
        if (MARIADB_CONNECTION_LOST.contains(sql.getErrorCode())) {
          return true;
        }
        String message = String.valueOf(sql.getMessage());
        // HikariCP's closed pool and its connection timeout carry no SQLState.
        if (message.contains("has been closed")
            || message.contains("Connection is not available")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Translates a failure of an operation.
   *
   * @param operation what Spirit was doing, e.g. {@code "insert submission 0193..."}
   * @param e the failure
   * @param committing whether the failure happened while committing
   * @param where which database, for the message (no credentials)
   * @return the exception to throw
   */
  static StorageException translate(
      String operation, SQLException e, boolean committing, String where) {
    if (isConnectionLoss(e)) {
      String outcome =
          committing
              ? "the connection broke while committing, so it may or may not have been stored;"
                  + " retrying with the same idempotency keys stores nothing twice"
              : "nothing of it was stored";
      return new StorageException(
          "lost the connection to the database ("
              + where
              + ") during "
              + operation
              + ": "
              + outcome
              + " ("
              + describe(e)
              + ")",
          e);
    }
    return new StorageException(
        "the database (" + where + ") failed during " + operation + ": " + describe(e), e);
  }

  /**
   * The driver's words for a failure, short and without the SQL: PostgreSQL's batch errors quote
   * the whole statement with its values, which are people's submissions and have no place in a log
   * line. MariaDB's messages quote the value of a duplicate key or of a string it cannot store;
   * those quotes are left out too.
   */
  static String describe(SQLException e) {
    SQLException shown = e;
    if (e instanceof BatchUpdateException && e.getNextException() != null) {
      shown = e.getNextException();
    }
    StringBuilder text = new StringBuilder(shorten(String.valueOf(shown.getMessage())));
    if (shown.getSQLState() != null) {
      text.append(" [SQLState ").append(shown.getSQLState()).append(']');
    }
    return text.toString();
  }

  private static String shorten(String message) {
    String firstLine =
        QUOTED_VALUE
            .matcher(message.lines().findFirst().orElse(""))
            .replaceAll("$1(value not shown)");
    return firstLine.length() <= 300 ? firstLine : firstLine.substring(0, 300) + "...";
  }

  private static List<String> states(SQLException e) {
    List<String> result = new ArrayList<>();
    for (Throwable t : chain(e)) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        result.add(sql.getSQLState());
      }
    }
    return result;
  }

  /** The exception, its causes and its chained next-exceptions (batches report through those). */
  private static List<Throwable> chain(SQLException e) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> result = new ArrayList<>();
    List<Throwable> todo = new ArrayList<>();
    todo.add(e);
    while (!todo.isEmpty() && result.size() < 32) {
      Throwable t = todo.remove(todo.size() - 1);
      if (!seen.add(t)) {
        continue;
      }
      result.add(t);
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
      if (t instanceof SQLException sql && sql.getNextException() != null) {
        todo.add(sql.getNextException());
      }
    }
    return result;
  }
}
