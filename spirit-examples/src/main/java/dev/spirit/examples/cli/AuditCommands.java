package dev.spirit.examples.cli;

import dev.spirit.Spirit;
import dev.spirit.audit.AuditExport;
import dev.spirit.campaign.Campaign;
import dev.spirit.submission.AuditVerification;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spirit audit export|verify}: a campaign's audit trail and its hash chain. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description =
        "Export a campaign's audit trail as JSON lines, or verify its hash chain (exit 0 when"
            + " intact, 1 when an entry was edited, removed or reordered).",
    synopsisSubcommandLabel = "(export | verify)")
final class AuditCommands implements Runnable {

  @Override
  public void run() {
    // Only reached without a subcommand; SpiritCli shows the usage then.
  }

  /** Exit code of {@code verify} when the chain is broken. */
  static final int BROKEN = 1;

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = {
        "Write the audit trail as JSON lines: every status change (who decided what and when,"
            + " under whose review lease), lexicon revisions, erasures (which submission, when;"
            + " never what was erased), and a last line with the chain's verification and head"
            + " hash. Keep the head hash: a later verify --head finds a truncated or rewritten"
            + " chain."
      })
  static final class Export extends CampaignCommand {
    @Option(
        names = {"-o", "--out"},
        paramLabel = "FILE",
        description = "Write to this file instead of stdout.")
    @Nullable Path output;

    Export(CliContext context) {
      super(context);
    }

    @Override
    int run(Spirit spirit) throws Exception {
      Campaign c = campaign(spirit);
      AuditVerification v;
      if (output == null) {
        v = AuditExport.of(spirit).writeJsonLines(c.id(), out());
        out().flush();
      } else {
        try (Writer w =
            new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8))) {
          v = AuditExport.of(spirit).writeJsonLines(c.id(), w);
        }
        out()
            .println(
                "exported "
                    + v.entries()
                    + " audit entries of campaign "
                    + c.slug()
                    + " to "
                    + output
                    + v.headHash().map(h -> " (head " + h + ")").orElse(""));
      }
      if (!v.intact()) {
        err().println("spirit: " + describe(v));
      }
      return 0;
    }
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Verify the hash chain of a campaign's audit log. Exit 0 if intact; exit 1 naming the"
            + " first broken sequence number and why (edited, removed, reordered)."
      })
  static final class Verify extends CampaignCommand {
    @Option(
        names = "--head",
        paramLabel = "HASH",
        description =
            "A head hash kept from an earlier export: the chain must still contain it, or entries"
                + " were removed from its end or the chain was rewritten.")
    @Nullable String head;

    Verify(CliContext context) {
      super(context);
    }

    @Override
    int run(Spirit spirit) {
      Campaign c = campaign(spirit);
      AuditVerification v = AuditExport.of(spirit).verify(c.id());
      if (!v.intact()) {
        err().println("spirit: audit chain of campaign " + c.slug() + " broken: " + describe(v));
        return BROKEN;
      }
      if (head != null && !AuditExport.of(spirit).containsHash(c.id(), head.strip())) {
        err()
            .println(
                "spirit: audit chain of campaign "
                    + c.slug()
                    + " does not contain the head "
                    + head.strip()
                    + ": entries after it were removed or the chain was rewritten");
        return BROKEN;
      }
      out()
          .println(
              "audit chain of campaign "
                  + c.slug()
                  + " intact: "
                  + v.entries()
                  + " entries"
                  + (v.unsealedEntries() > 0
                      ? " (" + v.unsealedEntries() + " from before the chain, not covered)"
                      : "")
                  + v.headHash().map(h -> ", head " + h).orElse(""));
      return 0;
    }
  }

  private static String describe(AuditVerification v) {
    return v.firstBreak()
        .map(
            b ->
                "sequence "
                    + b.sequence()
                    + " "
                    + b.problem().name().toLowerCase(java.util.Locale.ROOT)
                    + ": "
                    + b.detail())
        .orElse("intact");
  }
}
