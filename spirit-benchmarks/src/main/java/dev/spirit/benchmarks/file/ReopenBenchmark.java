package dev.spirit.benchmarks.file;

import dev.spirit.campaign.Campaign;
import dev.spirit.storage.file.FileStore;
import dev.spirit.storage.file.FileStoreOptions;
import dev.spirit.submission.Submission;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * Recovery time: opening (and closing) a store whose log holds N submissions, all frames verified
 * and decoded, all indexes rebuilt. {@code SNAPSHOT} opens the same data after {@code compact()};
 * {@code moderation} says whether the submissions carry intake's moderation records.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class ReopenBenchmark {
  @Param({"100000", "1000000"})
  public int submissions;

  @Param({"LOG", "SNAPSHOT"})
  public String form;

  /**
   * {@code INTAKE}: every submission carries the moderation record the standard pipeline gives it,
   * as intake stores it; {@code NONE}: no moderation records (the earlier measurements).
   */
  @Param({"INTAKE", "NONE"})
  public String moderation;

  private Path dir;

  /** Writes the store once per trial. */
  @Setup(Level.Trial)
  public void populate() {
    dir = BenchData.tempDir("reopen");
    populate(dir, submissions, moderation.equals("INTAKE"));
    if (form.equals("SNAPSHOT")) {
      try (FileStore store = FileStore.open(dir)) {
        store.compact();
      }
    }
  }

  static void populate(Path dir, int n, boolean moderated) {
    try (FileStore store =
        FileStore.open(FileStoreOptions.builder(dir).async(Duration.ofMillis(200)).build())) {
      Campaign campaign = store.insertCampaign(BenchData.campaign());
      List<Submission> batch = new ArrayList<>(1000);
      for (int i = 0; i < n; i++) {
        batch.add(
            moderated ? BenchData.moderatedSubmission(campaign) : BenchData.submission(campaign));
        if (batch.size() == 1000 || i == n - 1) {
          store.insertAll(batch, Integer.MAX_VALUE);
          batch.clear();
        }
      }
    }
  }

  /** Deletes the store. */
  @TearDown(Level.Trial)
  public void delete() {
    BenchData.delete(dir);
  }

  /**
   * Opens and closes the store.
   *
   * @return records replayed
   */
  @Benchmark
  public long reopen() {
    try (FileStore store = FileStore.open(dir)) {
      return store.recoveryReport().recordsReplayed();
    }
  }
}
