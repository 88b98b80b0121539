package dev.spirit.benchmarks.file;

import com.sun.management.OperatingSystemMXBean;
import dev.spirit.storage.file.FileStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Recovery as a restarted application meets it: a store of N submissions opened by a new JVM whose
 * first act is to open it, so the decoding and index code starts interpreted and the heap starts at
 * its default size. {@code java -cp spirit-benchmarks/target/benchmarks.jar
 * dev.spirit.benchmarks.file.FileStoreColdOpen 1000000 5} writes the store (with intake's
 * moderation records, as {@link ReopenBenchmark} does), then starts that many JVMs one after
 * another with default options, each opening the store once, and prints each open's wall-clock and
 * process CPU time (this JVM idles meanwhile). The first open reads a log written with direct I/O
 * from the disk; the later ones usually find it in the page cache. Not a JMH benchmark: JMH's forks
 * warm up before they measure, and a cold start is the point here.
 */
public final class FileStoreColdOpen {
  private FileStoreColdOpen() {}

  /**
   * Runs the measurement, or (with {@code open DIR}) one open in this JVM.
   *
   * @param args the number of submissions (default 1000000) and of JVMs to start (default 5); or
   *     {@code open} and a store directory
   * @throws IOException if a child JVM cannot be started
   * @throws InterruptedException if interrupted while waiting for one
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length == 2 && args[0].equals("open")) {
      openOnce(Path.of(args[1]));
      return;
    }
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path dir = BenchData.tempDir("cold-open");
    try {
      ReopenBenchmark.populate(dir, n, true);
      // Let this JVM's own compiler and collector threads finish the writing's work first, so
      // that they do not compete with the first opening JVM for the processors.
      System.gc();
      Thread.sleep(3_000);
      long[] millis = new long[runs];
      for (int i = 0; i < runs; i++) {
        String line = openInChild(dir);
        System.out.println("open " + (i + 1) + ": " + line);
        millis[i] = Long.parseLong(line.substring(0, line.indexOf(' ')));
      }
      Arrays.sort(millis);
      System.out.printf(
          "submissions=%d opens=%d median=%d ms max=%d ms%n",
          n, runs, millis[runs / 2], millis[runs - 1]);
    } finally {
      BenchData.delete(dir);
    }
  }

  private static void openOnce(Path dir) {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long started = System.nanoTime();
    long records;
    try (FileStore store = FileStore.open(dir)) {
      records = store.recoveryReport().recordsReplayed();
    }
    System.out.printf(
        "%d ms, %d ms of CPU, %d records, load average %.1f%n",
        (System.nanoTime() - started) / 1_000_000,
        (os.getProcessCpuTime() - cpu) / 1_000_000,
        records,
        os.getSystemLoadAverage());
  }

  private static String openInChild(Path dir) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(FileStoreColdOpen.class.getName());
    command.add("open");
    command.add(dir.toString());
    Process child =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String result = null;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.contains(" ms of CPU")) {
          result = line;
        }
      }
    }
    int exit = child.waitFor();
    if (exit != 0 || result == null) {
      throw new IOException("the opening JVM failed (exit " + exit + "): " + command);
    }
    return result;
  }
}
