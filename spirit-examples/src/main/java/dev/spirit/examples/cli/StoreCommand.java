package dev.spirit.examples.cli;

import dev.spirit.Spirit;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Base of the commands that work on a store: the {@code --store} option, declared once here for
 * every one of them (it names the store {@link #call()} opens), and output helpers. {@code demo
 * --store} is a different option (the store the demo fills, with its own default) and stays in
 * {@link DemoCommand}.
 */
abstract class StoreCommand implements Callable<Integer> {
  protected final CliContext context;

  @SuppressWarnings("NullAway.Init")
  @Spec
  protected CommandSpec spec;

  @Option(
      names = "--store",
      paramLabel = "URI",
      defaultValue = "${env:SPIRIT_STORE:-file:./spirit-data}",
      description =
          "Store to use: file:DIR, jdbc:h2:..., jdbc:postgresql://..., or mem: (empty, in memory)."
              + " Default: ${DEFAULT-VALUE} (or the SPIRIT_STORE environment variable).")
  protected String store = "file:./spirit-data";

  @Option(
      names = "--create",
      description =
          "Create the store if it does not exist yet (without it, a --store naming no store is"
              + " refused, so a mistyped path cannot start an empty one).")
  protected boolean create;

  StoreCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    Spirit spirit = context.opener().open(store, create);
    try {
      return run(spirit);
    } finally {
      context.opener().release(spirit);
    }
  }

  /**
   * Runs the command.
   *
   * @param spirit an open instance on the store
   * @return the exit code
   * @throws Exception on failure; the CLI prints its message
   */
  abstract int run(Spirit spirit) throws Exception;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
