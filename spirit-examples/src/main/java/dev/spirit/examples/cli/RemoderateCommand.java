package dev.spirit.examples.cli;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.review.RemoderationSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spirit remoderate}: the content rules again over a campaign's public submissions. */
@Command(
    name = "remoderate",
    mixinStandardHelpOptions = true,
    description = {
      "Check a campaign's public submissions again with its current lexicon (after a change, say)"
          + " and the other content rules (personal data, quality; not rate, duplicates or floods,"
          + " which judge a submission against those around it when it arrived).",
      "Those that now match are taken down for review (hidden, with an audit entry naming the"
          + " lexicon version); a moderator then decides. Prints a summary."
    })
final class RemoderateCommand extends CampaignCommand {
  @Option(
      paramLabel = "NAME",
      names = "--actor",
      description = "Who asks for it, recorded in the audit log (default: cli:<user>).")
  String actor = LexiconOptions.actor();

  RemoderateCommand(CliContext context) {
    super(context);
  }

  @Override
  int run(Spirit spirit) {
    Campaign c = campaign(spirit);
    RemoderationSummary summary = spirit.review().remoderate(c.id(), actor);
    out()
        .println(
            "re-moderated campaign "
                + c.slug()
                + " with "
                + summary
                    .lexiconRevision()
                    .map(
                        r ->
                            "lexicon revision "
                                + r
                                + " ("
                                + summary.lexiconVersion().orElse("")
                                + ")")
                    .orElse("the default lexicon (none stored)")
                + ": "
                + summary.scanned()
                + " public submissions checked, "
                + summary.sentToReview().size()
                + " sent to review, "
                + summary.unchanged()
                + " unchanged"
                + (summary.skipped() > 0
                    ? ", " + summary.skipped() + " skipped (changed meanwhile)"
                    : ""));
    for (var id : summary.sentToReview()) {
      out().println("  sent to review: " + id);
    }
    return 0;
  }
}
