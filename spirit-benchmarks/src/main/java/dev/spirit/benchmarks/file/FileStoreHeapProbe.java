package dev.spirit.benchmarks.file;

import dev.spirit.campaign.Campaign;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.storage.file.FileStore;
import dev.spirit.submission.Submission;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Measures the heap a reopened file store holds per submission, and how much of it is the text:
 * {@code java -cp spirit-benchmarks/target/benchmarks.jar
 * dev.spirit.benchmarks.file.FileStoreHeapProbe 1000000 [reopens [SNAPSHOT] [NONE]]}. Not a JMH
 * benchmark: it measures retained heap after full collections, then, if asked, reopens the store a
 * number of times more (a warmed-up JVM) and prints the wall-clock and CPU time of each open; the
 * CPU time (of the whole process, both cores) is what stays comparable when other work loads the
 * machine. With {@code SNAPSHOT} the store is compacted first, so opens read a snapshot instead of
 * the log. The submissions carry the moderation records intake stores (see {@link
 * BenchData#moderatedSubmission}); with {@code NONE} they carry none.
 */
public final class FileStoreHeapProbe {
  private FileStoreHeapProbe() {}

  /**
   * Runs the probe.
   *
   * @param args the number of submissions (default 100000), the number of warm reopens to time
   *     afterwards (default 0), then in any order {@code SNAPSHOT} to compact before opening and
   *     {@code NONE} for submissions without moderation records
   */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int reopens = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    List<String> flags = Arrays.asList(args).subList(Math.min(2, args.length), args.length);
    boolean snapshot = flags.contains("SNAPSHOT");
    boolean moderated = !flags.contains("NONE");
    Path dir = BenchData.tempDir("heap");
    try {
      ReopenBenchmark.populate(dir, n, moderated);
      if (snapshot) {
        try (FileStore store = FileStore.open(dir)) {
          store.compact();
        }
      }
      long before = usedAfterGc();
      long cpuBefore = processCpuNanos();
      long started = System.nanoTime();
      try (FileStore store = FileStore.open(dir)) {
        long openMillis = (System.nanoTime() - started) / 1_000_000;
        long openCpuMillis = (processCpuNanos() - cpuBefore) / 1_000_000;
        long after = usedAfterGc();
        long textBytes = 0;
        long redactedBytes = 0;
        Campaign campaign = store.listCampaigns().get(0);
        try (Stream<Submission> all = store.stream(SubmissionFilter.all(campaign.id()))) {
          for (Submission s : (Iterable<Submission>) all::iterator) {
            textBytes += stringBytes(s.text().original());
            if (s.text().normalized() != s.text().original()) {
              textBytes += stringBytes(s.text().normalized());
            }
            Optional<String> redacted = s.moderation().flatMap(m -> m.redactedText());
            if (redacted.isPresent()) {
              redactedBytes += stringBytes(redacted.get());
            }
          }
        }
        double perSubmission = (after - before) / (double) n;
        double text = textBytes / (double) n;
        double redactedText = redactedBytes / (double) n;
        System.out.printf(
            "submissions=%d (%s) open=%d ms (cold JVM; %d ms of CPU on %d cores, load average %.1f)"
                + " heap=%.1f MiB perSubmission=%.0f B text=%.0f B beyondText=%.0f B"
                + " (of which redacted texts %.1f B)%n",
            n,
            moderated ? "with intake moderation records" : "without moderation records",
            openMillis,
            openCpuMillis,
            Runtime.getRuntime().availableProcessors(),
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage(),
            (after - before) / 1048576.0,
            perSubmission,
            text,
            perSubmission - text,
            redactedText);
      }
      for (int i = 1; i <= reopens; i++) {
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        long records;
        try (FileStore store = FileStore.open(dir)) {
          records = store.recoveryReport().recordsReplayed();
        }
        System.out.printf(
            "warm reopen %d (%s): %d records in %d ms, %d ms of CPU, load average %.1f%n",
            i,
            snapshot ? "SNAPSHOT" : "LOG",
            records,
            (System.nanoTime() - start) / 1_000_000,
            (processCpuNanos() - cpu) / 1_000_000,
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
      }
    } finally {
      BenchData.delete(dir);
    }
  }

  /** Heap of a String with compact strings and compressed oops: header, value array. */
  private static long stringBytes(String s) {
    boolean latin1 = s.chars().allMatch(c -> c < 256);
    long array = 16 + (long) s.length() * (latin1 ? 1 : 2);
    return 24 + ((array + 7) / 8) * 8;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
