package dev.spirit.examples.cli;

import dev.spirit.examples.Wiring;
import dev.spirit.examples.demo.ChongqingDemo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spirit demo}: the "Spirit of Chongqing City" demo. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Run the Spirit of Chongqing City demo: a generated campaign across seven districts and"
            + " every channel, a terminal summary and an HTML report.")
final class DemoCommand implements Callable<Integer> {
  private final CliContext context;

  @SuppressWarnings("NullAway.Init")
  @Spec
  CommandSpec spec;

  @Option(
      names = "--store",
      paramLabel = "URI",
      defaultValue = Wiring.DEFAULT_DEMO_STORE,
      description = "Store to fill (default: ${DEFAULT-VALUE}).")
  String store = Wiring.DEFAULT_DEMO_STORE;

  @Option(
      paramLabel = "N",
      names = "--count",
      defaultValue = "4200",
      description = "Submissions to generate (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(
      paramLabel = "SEED",
      names = "--seed",
      defaultValue = "20240324",
      description =
          "Random seed; the same seed gives the same figures (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      paramLabel = "FILE",
      names = {"-o", "--output"},
      description = "The HTML report (default: a new temporary directory).")
  @Nullable Path output;

  DemoCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    Path report =
        output != null
            ? output
            : Files.createTempDirectory("spirit-demo").resolve("spirit-of-chongqing-report.html");
    ChongqingDemo.run(
        new ChongqingDemo.Options(store, count, seed, report, context.interactive()),
        spec.commandLine().getOut());
    return 0;
  }
}
