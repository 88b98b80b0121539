package dev.spirit.examples.cli;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.examples.Wiring;
import dev.spirit.examples.demo.ChongqingDemo;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spirit report}: the self-contained HTML report of a campaign. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Write a campaign's HTML report (one self-contained file: charts, daily series, word"
            + " clouds per district, shortlist) and print its path.")
final class ReportCommand extends CampaignCommand {
  @Option(
      paramLabel = "FILE",
      names = {"-o", "--output"},
      description = "The HTML file (default: ./SLUG-report.html).")
  @Nullable Path output;

  ReportCommand(CliContext context) {
    super(context);
  }

  @Override
  int run(Spirit spirit) {
    Campaign c = campaign(spirit);
    Path file = output != null ? output : Path.of(c.slug() + "-report.html");
    Path written = ChongqingDemo.writeReport(Wiring.reportData(spirit, c), file);
    out().println("Report: " + written.toAbsolutePath());
    return 0;
  }
}
