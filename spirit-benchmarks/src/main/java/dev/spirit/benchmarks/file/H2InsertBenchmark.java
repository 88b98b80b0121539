package dev.spirit.benchmarks.file;

import dev.spirit.campaign.Campaign;
import dev.spirit.storage.SpiritCodec;
import dev.spirit.submission.Submission;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same inserts into H2 embedded in file mode, one auto-committed row per submission: id,
 * campaign, participant, idempotency key (unique per campaign) and the same JSON the file store
 * writes. {@code DEFAULT} is H2's default commit, which does not fsync (WRITE_DELAY 500 ms); {@code
 * WRITE_DELAY_0} writes at each commit, still without forcing to disk.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class H2InsertBenchmark {

  /** The database, shared by all threads. */
  @State(Scope.Benchmark)
  public static class Database {
    @Param({"DEFAULT", "WRITE_DELAY_0"})
    public String mode;

    Path dir;
    String url;
    Campaign campaign;
    Connection keepOpen;

    /** Creates the database and its table. */
    @Setup(Level.Trial)
    public void open() throws SQLException {
      dir = BenchData.tempDir("h2");
      url =
          "jdbc:h2:file:"
              + dir.resolve("spirit")
              + (mode.equals("WRITE_DELAY_0") ? ";WRITE_DELAY=0" : "");
      keepOpen = DriverManager.getConnection(url, "sa", "");
      try (Statement st = keepOpen.createStatement()) {
        st.execute(
            "CREATE TABLE submission (id UUID PRIMARY KEY, campaign_id UUID NOT NULL,"
                + " participant_id VARCHAR(128) NOT NULL, idempotency_key VARCHAR(128),"
                + " record VARCHAR(1000000) NOT NULL,"
                + " CONSTRAINT uq_key UNIQUE (campaign_id, idempotency_key))");
        st.execute("CREATE INDEX ix_participant ON submission (campaign_id, participant_id)");
      }
      campaign = BenchData.campaign();
    }

    /** Closes and deletes the database. */
    @TearDown(Level.Trial)
    public void close() throws SQLException {
      keepOpen.close();
      BenchData.delete(dir);
    }
  }

  /** One connection per thread. */
  @State(Scope.Thread)
  public static class Session {
    Connection connection;
    PreparedStatement insert;

    /**
     * Connects.
     *
     * @param db the database
     * @throws SQLException if H2 fails
     */
    @Setup(Level.Trial)
    public void connect(Database db) throws SQLException {
      connection = DriverManager.getConnection(db.url, "sa", "");
      connection.setAutoCommit(true);
      insert =
          connection.prepareStatement(
              "INSERT INTO submission (id, campaign_id, participant_id, idempotency_key, record)"
                  + " VALUES (?, ?, ?, ?, ?)");
    }

    /**
     * Disconnects.
     *
     * @throws SQLException if H2 fails
     */
    @TearDown(Level.Trial)
    public void disconnect() throws SQLException {
      connection.close();
    }
  }

  private static int insert(Database db, Session s) throws SQLException {
    Submission sub = BenchData.submission(db.campaign).withVersion(1);
    PreparedStatement p = s.insert;
    p.setObject(1, sub.id().value());
    p.setObject(2, sub.campaignId().value());
    p.setString(3, sub.participant().id().value());
    p.setString(4, sub.idempotencyKey().map(k -> k.value()).orElse(null));
    p.setString(5, SpiritCodec.toJson(sub));
    return p.executeUpdate();
  }

  /**
   * One writer thread.
   *
   * @param db the database
   * @param s this thread's connection
   * @return rows inserted
   * @throws SQLException if H2 fails
   */
  @Benchmark
  @Threads(1)
  public int writers01(Database db, Session s) throws SQLException {
    return insert(db, s);
  }

  /**
   * Four writer threads.
   *
   * @param db the database
   * @param s this thread's connection
   * @return rows inserted
   * @throws SQLException if H2 fails
   */
  @Benchmark
  @Threads(4)
  public int writers04(Database db, Session s) throws SQLException {
    return insert(db, s);
  }

  /**
   * Sixteen writer threads.
   *
   * @param db the database
   * @param s this thread's connection
   * @return rows inserted
   * @throws SQLException if H2 fails
   */
  @Benchmark
  @Threads(16)
  public int writers16(Database db, Session s) throws SQLException {
    return insert(db, s);
  }
}
