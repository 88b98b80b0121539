package dev.spirit.benchmarks.jdbc;

import dev.spirit.campaign.Campaign;
import dev.spirit.storage.InsertOutcome;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Insert throughput of the JDBC backend (H2 in a file, PostgreSQL, MariaDB) beside the file backend
 * ({@code FileStore}, SYNC durability) and the in-memory store as the in-run reference: one
 * submission per call (one transaction, or one fsync, each), and batches of {@value #BATCH} through
 * {@code insertAll} (one transaction each). Scores are submissions per second for both. Every
 * submission carries an idempotency key and goes through the per-participant limit, as in a real
 * import.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class JdbcInsertBenchmark {
  static final int BATCH = 1000;

  @Param({"memory", "file", "h2", "postgresql", "mariadb"})
  public String backend;

  private BenchStores.Opened opened;
  private Campaign campaign;
  private long sequence;

  /** Opens a fresh store with one campaign. */
  @Setup(Level.Trial)
  public void open() {
    opened = BenchStores.open(backend);
    campaign = BenchStores.campaign(opened.store);
  }

  /** The next batch, built outside the measured time. */
  @State(Scope.Thread)
  public static class NextBatch {
    List<Submission> submissions;

    /**
     * Builds the batch.
     *
     * @param bench the benchmark state
     */
    @Setup(Level.Invocation)
    public void build(JdbcInsertBenchmark bench) {
      submissions = new ArrayList<>(BATCH);
      for (int i = 0; i < BATCH; i++) {
        submissions.add(
            BenchStores.submission(
                bench.campaign.id(), bench.sequence++, SubmissionStatus.PENDING));
      }
    }
  }

  /** Closes and deletes the store. */
  @TearDown(Level.Trial)
  public void close() {
    opened.close();
  }

  /**
   * One submission, one transaction (building the submission, a few microseconds, is included for
   * every backend alike).
   *
   * @return the outcome
   */
  @Benchmark
  public InsertOutcome insertOne() {
    return opened.store.insert(
        BenchStores.submission(campaign.id(), sequence++, SubmissionStatus.PENDING), 1_000_000);
  }

  /**
   * A batch of {@value #BATCH} submissions in one transaction.
   *
   * @return the outcomes
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public List<InsertOutcome> insertBatch(NextBatch batch) {
    return opened.store.insertAll(batch.submissions, 1_000_000);
  }
}
