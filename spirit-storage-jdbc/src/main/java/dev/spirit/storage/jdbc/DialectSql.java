package dev.spirit.storage.jdbc;

import dev.spirit.submission.Submission;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The statements in which the two dialects differ: the set-at-a-time look-ups of a batch, the
 * element type names of SQL arrays, and how a batch's rows and counts are written. Everything else
 * Spirit runs is the same SQL on both.
 */
interface DialectSql {

  /**
   * The statements for a dialect.
   *
   * @param dialect the database
   * @return its statements
   */
  static DialectSql of(Dialect dialect) {
    return dialect == Dialect.POSTGRESQL ? new PostgresqlSql() : new H2Sql();
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
   * The element type name for {@link Connection#createArrayOf}.
   *
   * @param uuids true for UUID values, false for strings
   * @return the type name
   */
  String arrayType(boolean uuids);

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
