package dev.spirit.benchmarks.jdbc;

import dev.spirit.campaign.Campaign;
import dev.spirit.storage.Page;
import dev.spirit.storage.PageCursor;
import dev.spirit.storage.PageRequest;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One page of 100 approved submissions (the public wall of a campaign) from a campaign of {@code
 * rows} submissions, 80% of them approved, starting after a random cursor: keyset pagination on the
 * id. The data is loaded once per trial with {@code insertAll}; loading is not measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class JdbcPageQueryBenchmark {
  @Param({"memory", "file", "h2", "postgresql"})
  public String backend;

  @Param({"1000000"})
  public int rows;

  private BenchStores.Opened opened;
  private SubmissionFilter approved;
  private final List<SubmissionId> cursors = new ArrayList<>();
  private final SplittableRandom random = new SplittableRandom(42);

  /** Opens a fresh store and loads {@code rows} submissions. */
  @Setup(Level.Trial)
  public void load() {
    opened = BenchStores.open(backend);
    Campaign campaign = BenchStores.campaign(opened.store);
    approved = SubmissionFilter.builder(campaign.id()).status(SubmissionStatus.APPROVED).build();
    long started = System.nanoTime();
    List<Submission> batch = new ArrayList<>(1000);
    for (long n = 0; n < rows; n++) {
      Submission s =
          BenchStores.submission(
              campaign.id(), n, n % 5 == 0 ? SubmissionStatus.PENDING : SubmissionStatus.APPROVED);
      batch.add(s);
      if (n % 997 == 0) {
        cursors.add(s.id());
      }
      if (batch.size() == 1000) {
        opened.store.insertAll(batch, 1_000_000);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      opened.store.insertAll(batch, 1_000_000);
    }
    System.out.printf(
        "%n[load] %s: %,d rows in %.1f s%n", backend, rows, (System.nanoTime() - started) / 1e9);
  }

  /** Closes and deletes the store. */
  @TearDown(Level.Trial)
  public void close() {
    opened.close();
  }

  /**
   * One page of 100 approved submissions after a random cursor.
   *
   * @return the page
   */
  @Benchmark
  public Page<Submission> pageOf100() {
    SubmissionId after = cursors.get(random.nextInt(cursors.size()));
    return opened.store.query(approved, PageRequest.after(new PageCursor(after), 100));
  }
}
