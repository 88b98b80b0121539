package dev.spirit.storage.jdbc;

import dev.spirit.submission.Submission;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The statements and values in which the dialects differ: the set-at-a-time look-ups of a batch and
 * how their list of values is passed (an SQL array on H2 and PostgreSQL, a JSON array on MariaDB),
 * how a batch's rows and counts are written, and how an instant is bound to a timestamp column.
 * Everything else Spirit runs is the same SQL on all of them.
 */
interface DialectSql {

  /**
   * The statements for a dialect.
   *
   * @param dialect the database
   * @return its statements
   */
  static DialectSql of(Dialect dialect) {
    return switch (dialect) {
      case POSTGRESQL -> new PostgresqlSql();
      case H2 -> new H2Sql();
      case MARIADB -> new MariaDbSql();
    };
  }

  /**
   * Idempotency key and stored JSON of every submission of a campaign (the second parameter) whose
   * key is in an array of keys (the first).
   *
   * @return the query
   */
  String keyLookup();

  /**
   * Participant and count of every counter row of a campaign (the second parameter) whose
   * participant is in an array (the first), locking the rows in array order.
   *
   * @return the query
   */
  String counterLock();

  /**
   * The ids among an array of submission ids (the only parameter) that are stored.
   *
   * @return the query
   */
  String idLookup();

  /**
   * Binds the list parameter of {@link #keyLookup}, {@link #counterLock} or {@link #idLookup}.
   *
   * @param c the connection
   * @param ps the statement
   * @param index the parameter's index
   * @param values the values, all UUIDs or all strings; not empty
   * @return an array to free once the statement has run, or null
   * @throws SQLException if the driver fails
   */
  @Nullable Array bindList(Connection c, PreparedStatement ps, int index, List<?> values)
      throws SQLException;

  /**
   * The value to bind to a timestamp column ({@code received_at}, {@code applied_at}) for an
   * instant in whole microseconds.
   *
   * @param instant the instant
   * @return the value for {@link PreparedStatement#setObject(int, Object)}
   */
  default Object timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /**
   * The earliest instant a timestamp column can hold; every stored received-at is at or after it.
   *
   * @return the instant
   */
  default Instant earliestTimestamp() {
    return Instant.MIN;
  }

  /**
   * The latest instant a timestamp column can hold; every stored received-at is at or before it.
   *
   * @return the instant
   */
  default Instant latestTimestamp() {
    return Instant.MAX;
  }

  /**
   * Binds a list as an SQL array of {@code uuid} or {@code string} elements.
   *
   * @return the array, to free after the statement
   */
  static Array bindArray(
      Connection c, PreparedStatement ps, int index, List<?> values, String uuid, String string)
      throws SQLException {
    Array array = c.createArrayOf(values.get(0) instanceof UUID ? uuid : string, values.toArray());
    try {
      ps.setArray(index, array);
    } catch (SQLException | RuntimeException e) {
      array.free();
      throw e;
    }
    return array;
  }

  /**
   * Writes a batch's new rows, the new counts of counter rows this transaction has locked, and
   * counter rows that did not exist (a unique violation there means a concurrent batch created one:
   * the caller runs the batch again).
   *
   * @param c the transaction's connection
   * @param rows the new submissions
   * @param updated new counts of existing counter rows
   * @param created counts of new counter rows
   * @throws SQLException if the database fails
   */
  void writeBatch(
      Connection c,
      List<Submission> rows,
      Map<BatchInsert.Slot, Integer> updated,
      Map<BatchInsert.Slot, Integer> created)
      throws SQLException;
}
