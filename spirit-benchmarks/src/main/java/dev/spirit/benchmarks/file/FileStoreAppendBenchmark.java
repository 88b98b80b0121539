package dev.spirit.benchmarks.file;

import dev.spirit.campaign.Campaign;
import dev.spirit.storage.InsertOutcome;
import dev.spirit.storage.file.Durability;
import dev.spirit.storage.file.FileStore;
import dev.spirit.storage.file.FileStoreOptions;
import java.nio.file.Path;
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
 * Acknowledged submission inserts per second into a {@link FileStore}, each insert a new submission
 * (id, JSON encoding, atomic checks, append, and in SYNC mode the fsync covering it).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class FileStoreAppendBenchmark {

  /** One store for all threads of a run. */
  @State(Scope.Benchmark)
  public static class Store {
    @Param({"SYNC", "ASYNC"})
    public Durability durability;

    /**
     * {@link FileStoreOptions#yieldWhileWaiting()}: whether SYNC writers waiting for a force yield
     * their processor before they park (the default) or park at once; ASYNC writers never wait.
     */
    @Param({"true", "false"})
    public boolean yieldWhileWaiting;

    FileStore store;
    Campaign campaign;
    Path dir;

    /** Opens a fresh store. */
    @Setup(Level.Trial)
    public void open() {
      dir = BenchData.tempDir("file-append");
      store =
          FileStore.open(
              FileStoreOptions.builder(dir)
                  .durability(durability)
                  .yieldWhileWaiting(yieldWhileWaiting)
                  .build());
      campaign = store.insertCampaign(BenchData.campaign());
    }

    /** Closes and deletes it. */
    @TearDown(Level.Trial)
    public void close() {
      store.close();
      BenchData.delete(dir);
    }
  }

  private static InsertOutcome insert(Store s) {
    return s.store.insert(BenchData.submission(s.campaign), Integer.MAX_VALUE);
  }

  /**
   * One writer thread.
   *
   * @param s the store
   * @return the outcome
   */
  @Benchmark
  @Threads(1)
  public InsertOutcome writers01(Store s) {
    return insert(s);
  }

  /**
   * Four writer threads.
   *
   * @param s the store
   * @return the outcome
   */
  @Benchmark
  @Threads(4)
  public InsertOutcome writers04(Store s) {
    return insert(s);
  }

  /**
   * Sixteen writer threads.
   *
   * @param s the store
   * @return the outcome
   */
  @Benchmark
  @Threads(16)
  public InsertOutcome writers16(Store s) {
    return insert(s);
  }
}
