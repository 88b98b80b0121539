package dev.spirit.storage.jdbc;

import dev.spirit.error.StorageException;
import dev.spirit.submission.SubmissionId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Runs the store's work on borrowed connections: one transaction per operation, rolled back and run
 * again (a bounded number of times, with a short random pause) when it meets a concurrency conflict
 * that is safe to retry, and every {@link SQLException} translated once into a {@link
 * StorageException} that says what Spirit was doing and where.
 */
final class Transactions {
  /** Attempts of one transaction that keeps meeting concurrency conflicts. */
  private static final int MAX_ATTEMPTS = 50;

  private final DataSource dataSource;
  private final String where;

  /**
   * Whether to make sure each transaction runs read committed. H2 and PostgreSQL default to it;
   * InnoDB defaults to repeatable read, whose consistent snapshot taken by the first read would let
   * the key look-up and the counter-row read of an insert see an older state than the locking
   * update between them, and whose gap locks turn concurrent inserts into deadlocks.
   */
  private final boolean ensureReadCommitted;

  private volatile boolean closed;

  Transactions(DataSource dataSource, Dialect dialect, String where) {
    this.dataSource = dataSource;
    this.where = where;
    this.ensureReadCommitted = dialect == Dialect.MARIADB;
  }

  /**
   * Refuses all further work.
   *
   * @return false if it was closed already
   */
  boolean close() {
    if (closed) {
      return false;
    }
    closed = true;
    return true;
  }

  /** Work inside a transaction; {@code attempt} counts from 1. */
  @FunctionalInterface
  interface TxWork<T> {
    T run(Connection c, int attempt) throws SQLException;
  }

  /** Work on a connection in auto-commit mode. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Thrown inside a transaction to roll it back and run it again. */
  static final class Retry extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Retry() {
      super(null, null, false, false);
    }
  }

  /** Thrown inside a transaction when a submission id is already stored; rolls it back. */
  static final class IdTaken extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient SubmissionId id;

    IdTaken(SubmissionId id) {
      super(null, null, false, false);
      this.id = id;
    }
  }

  /** A unique violation the work leaves to a diagnosis after the rollback. */
  static final class UniqueViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UniqueViolation(SQLException cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }

  <T> T inTransaction(String operation, TxWork<T> work) {
    return inTransaction(
        operation,
        work,
        violation -> {
          throw new StorageException(operation + " violated a unique constraint", violation);
        });
  }

  <T> T inTransaction(String operation, TxWork<T> work, Function<UniqueViolation, T> diagnose) {
    ensureOpen();
    for (int attempt = 1; ; attempt++) {
      boolean committing = false;
      try (Connection c = dataSource.getConnection()) {
        boolean autoCommit = c.getAutoCommit();
        if (autoCommit) {
          c.setAutoCommit(false);
        }
        int isolation = readCommitted(c);
        try {
          T result = work.run(c, attempt);
          committing = true;
          c.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          if (!committing) {
            rollbackQuietly(c, e);
          }
          throw e;
        } finally {
          if (!c.isClosed()) {
            try {
              if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
                c.setTransactionIsolation(isolation);
              }
              if (autoCommit) {
                c.setAutoCommit(true);
              }
            } catch (SQLException ignored) {
              // the pool will discard a broken connection
            }
          }
        }
      } catch (Retry retry) {
        if (attempt >= MAX_ATTEMPTS) {
          throw new StorageException(
              operation + " kept conflicting with concurrent writes (" + attempt + " attempts)");
        }
        pause(attempt);
      } catch (UniqueViolation violation) {
        return diagnose.apply(violation);
      } catch (SQLException e) {
        if (!committing && SqlErrors.isRetryable(e) && attempt < MAX_ATTEMPTS) {
          pause(attempt);
          continue;
        }
        throw SqlErrors.translate(operation, e, committing, where);
      }
    }
  }

  <T> T withConnection(String operation, Work<T> work) {
    ensureOpen();
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw SqlErrors.translate(operation, e, false, where);
    }
  }

  /**
   * Switches the connection to read committed where the dialect needs it (a no-op when the pool
   * already hands out read-committed connections, as the provider's does).
   *
   * @return the isolation level to restore afterwards
   */
  private int readCommitted(Connection c) throws SQLException {
    if (!ensureReadCommitted) {
      return Connection.TRANSACTION_READ_COMMITTED;
    }
    int isolation = c.getTransactionIsolation();
    if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    }
    return isolation;
  }

  private static void rollbackQuietly(Connection c, Throwable failure) {
    try {
      c.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(1, 2 + Math.min(attempt, 20)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while retrying a database transaction", e);
    }
  }

  void ensureOpen() {
    if (closed) {
      throw new StorageException("the JDBC store (" + where + ") is closed");
    }
  }
}
