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

/**
 * Classifies {@link SQLException}s of H2 and PostgreSQL by SQLState, and turns them into {@link
 * StorageException}s whose message says what Spirit was doing and what it means for the data.
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

  private SqlErrors() {}

  static boolean isUniqueViolation(SQLException e) {
    return states(e).contains(UNIQUE_VIOLATION);
  }

  static boolean isForeignKeyViolation(SQLException e) {
    return states(e).stream().anyMatch(FOREIGN_KEY_VIOLATION::contains);
  }

  static boolean isRetryable(SQLException e) {
    return !isConnectionLoss(e) && states(e).stream().anyMatch(RETRYABLE::contains);
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
   * line.
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
    String firstLine = message.lines().findFirst().orElse("");
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
