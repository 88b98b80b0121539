package dev.spirit.examples.web;

import dev.spirit.examples.cli.SpiritCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code spirit} JVM started from a test, on the test JVM's class path: {@code spirit serve}
 * (ready once it has printed the URL it listens on) or a one-shot command such as {@code spirit
 * import}. Its output goes to files in a directory the test owns, so a full pipe never blocks it
 * and a failing test can show what the process said.
 */
final class ServeProcess implements AutoCloseable {
  private static final Pattern LISTENING =
      Pattern.compile("message board on (http://[0-9.]+:\\d+)/");

  private final String name;
  private final Process process;
  private final Path out;
  private final Path err;
  private String url = "";

  private ServeProcess(String name, Process process, Path out, Path err) {
    this.name = name;
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /**
   * Starts {@code spirit ARGS...} in a new JVM.
   *
   * @param name a name for its log files
   * @param dir where the log files go (and the process's working directory)
   */
  static ServeProcess start(String name, Path dir, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Small, quick-starting JVMs: the machine running the tests may have two cores for everything.
    command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(SpiritCli.class.getName());
    command.addAll(args);
    Path out = dir.resolve(name + ".out");
    Path err = dir.resolve(name + ".err");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().put("SPIRIT_DB_POOL_SIZE", "6");
    return new ServeProcess(name, builder.start(), out, err);
  }

  /**
   * Waits until the board prints the URL it listens on.
   *
   * @return this process
   * @throws IllegalStateException if it exits first or does not get there in time
   */
  ServeProcess awaitListening(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = LISTENING.matcher(Files.readString(out, StandardCharsets.UTF_8));
      if (m.find()) {
        url = m.group(1);
        return this;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + ": " + log());
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException(name + " is not listening after " + timeout + ": " + log());
  }

  /**
   * Waits for a one-shot command to end.
   *
   * @return its exit code
   */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException(name + " still running after " + timeout + ": " + log());
    }
    return process.exitValue();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The board's base URL, e.g. {@code http://127.0.0.1:41234}. */
  String url() {
    return url;
  }

  String name() {
    return name;
  }

  String stdout() throws IOException {
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  /** What the process printed, for failure messages. */
  String log() {
    try {
      return "\n--- "
          + name
          + " stdout ---\n"
          + stdout()
          + "\n--- "
          + name
          + " stderr ---\n"
          + Files.readString(err, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Kills the JVM at once (as a crash or {@code kill -9} would) and waits until it is gone. */
  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }
}
