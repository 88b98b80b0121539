package dev.spirit.examples.cli;

import dev.spirit.Spirit;
import dev.spirit.retention.CampaignPurge;
import dev.spirit.retention.PurgeReport;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spirit purge}: retention, erasing the submissions of campaigns whose period has passed.
 */
@Command(
    name = "purge",
    mixinStandardHelpOptions = true,
    description = {
      "Erase the submissions of every campaign whose retention period has passed (set with"
          + " campaign create --retention or campaign retention), with their keys, reactions and"
          + " the personal data of their audit entries; the campaigns themselves stay.",
      "Prints what it erased; --dry-run prints what it would erase and erases nothing."
    })
final class PurgeCommand extends StoreCommand {
  @Option(names = "--dry-run", description = "Show what would be erased; erase nothing.")
  boolean dryRun;

  @Option(
      names = "--as-of",
      paramLabel = "INSTANT",
      description =
          "Judge expiry at this instant (ISO-8601, e.g. 2027-01-01T00:00:00Z); default now.")
  @Nullable String asOf;

  @Option(
      names = "--json",
      description =
          "Print one JSON object per expired campaign (slug, submissions, expiredAt, erased), one"
              + " per line, and no summary.")
  boolean json;

  PurgeCommand(CliContext context) {
    super(context);
  }

  @Override
  int run(Spirit spirit) throws IOException {
    Instant now;
    try {
      now = asOf == null ? spirit.clock().instant() : Instant.parse(asOf.strip());
    } catch (DateTimeParseException e) {
      err().println("spirit: --as-of must be an ISO-8601 instant such as 2027-01-01T00:00:00Z");
      return SpiritCli.USAGE;
    }
    PurgeReport report =
        dryRun ? spirit.retention().expired(now) : spirit.retention().purgeExpired(now);
    if (json) {
      for (CampaignPurge c : report.campaigns()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("slug", c.slug());
        row.put("submissions", c.submissions());
        row.put("expiredAt", c.expiredAt().toString());
        row.put("erased", !dryRun);
        out().println(JsonLines.write(row));
      }
      return 0;
    }
    String verb = dryRun ? "would erase" : "erased";
    for (CampaignPurge c : report.campaigns()) {
      out()
          .println(
              verb
                  + " "
                  + c.submissions()
                  + " submissions of campaign "
                  + c.slug()
                  + " (expired "
                  + c.expiredAt()
                  + ")");
    }
    out()
        .println(
            (dryRun ? "dry run: would erase " : "purged ")
                + report.submissions()
                + " submissions in "
                + report.campaigns().size()
                + " expired campaign(s) as of "
                + now);
    return 0;
  }
}
