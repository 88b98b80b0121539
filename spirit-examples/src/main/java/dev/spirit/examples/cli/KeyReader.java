package dev.spirit.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Reads the reviewer's answers. On an interactive terminal it switches the terminal to single-key
 * mode with {@code stty} (and restores it afterwards), so one key press answers; when input is
 * piped, or {@code stty} is unavailable, it reads a line and takes its first character.
 */
abstract class KeyReader implements AutoCloseable {

  /**
   * Reads the next answer.
   *
   * @return the key, lowercase, or empty at the end of input
   * @throws IOException if input fails
   */
  abstract Optional<String> next() throws IOException;

  @Override
  public void close() {}

  /** Whether this reader echoes answers itself (single-key mode does not echo). */
  abstract boolean singleKey();

  static KeyReader open(InputStream in, boolean terminal) {
    if (terminal) {
      Optional<String> saved = stty("-g");
      if (saved.isPresent() && stty("-icanon", "-echo", "min", "1").isPresent()) {
        return new SingleKey(in, saved.get().trim());
      }
    }
    return new Lines(in);
  }

  private static Optional<String> stty(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "stty";
    System.arraycopy(args, 0, command, 1, args.length);
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.INHERIT)
              .redirectErrorStream(true)
              .start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0
          ? Optional.of(output)
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static final class Lines extends KeyReader {
    private final BufferedReader reader;

    Lines(InputStream in) {
      this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    @Override
    Optional<String> next() throws IOException {
      String line = reader.readLine();
      return line == null
          ? Optional.empty()
          : Optional.of(line.trim().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    boolean singleKey() {
      return false;
    }
  }

  private static final class SingleKey extends KeyReader {
    private final InputStream in;
    private final String saved;

    SingleKey(InputStream in, String saved) {
      this.in = in;
      this.saved = saved;
    }

    @Override
    Optional<String> next() throws IOException {
      int b = in.read();
      if (b < 0 || b == 4) { // end of input or Ctrl-D
        return Optional.empty();
      }
      return Optional.of(String.valueOf((char) b).toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    boolean singleKey() {
      return true;
    }

    @Override
    public void close() {
      stty(saved);
    }
  }
}
