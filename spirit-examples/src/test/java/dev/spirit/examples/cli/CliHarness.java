package dev.spirit.examples.cli;

import dev.spirit.Spirit;
import dev.spirit.examples.Wiring;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs the CLI in-process as a user would: arguments in, stdout, stderr and exit code out.
 *
 * <p>A {@code mem:} store vanishes when closed, so the harness keeps one Spirit per store URI open
 * across invocations (its opener never closes them) — the multi-step tests then behave like
 * successive runs against a persistent store. {@link #close()} closes them all.
 */
final class CliHarness implements AutoCloseable {
  private final Map<String, Spirit> instances = new HashMap<>();

  record Result(int exit, String out, String err) {}

  private final SpiritOpener opener;

  /** A harness whose {@code mem:} stores last across invocations (see the class comment). */
  CliHarness() {
    this.opener =
        new SpiritOpener() {
          @Override
          public Spirit open(String storeUri) {
            return instances.computeIfAbsent(
                storeUri,
                uri -> Spirit.builder().storeUri(uri).moderator(Wiring.defaultModerator()).build());
          }

          @Override
          public void release(Spirit spirit) {
            // kept open for the next invocation
          }
        };
  }

  private CliHarness(SpiritOpener opener) {
    this.opener = opener;
  }

  /**
   * A harness with the CLI's own opener, as a district runs it: every invocation opens the store,
   * works and closes it again, and a missing store is refused unless {@code --create}.
   */
  static CliHarness standard() {
    return new CliHarness(SpiritOpener.standard());
  }

  Result run(String... args) {
    return runWithInput("", args);
  }

  CommandLine commandLine() {
    return SpiritCli.commandLine(
        new CliContext(opener, new ByteArrayInputStream(new byte[0]), false));
  }

  Result runWithInput(String stdin, String... args) {
    return run(stdin, false, args);
  }

  /** Runs as on an interactive terminal: progress bars are drawn in place. */
  Result runInteractive(String... args) {
    return run("", true, args);
  }

  private Result run(String stdin, boolean interactive, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl =
        SpiritCli.commandLine(
            new CliContext(
                opener,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                interactive));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  Spirit spirit(String uri) {
    return opener.open(uri);
  }

  @Override
  public void close() {
    instances.values().forEach(Spirit::close);
  }
}
