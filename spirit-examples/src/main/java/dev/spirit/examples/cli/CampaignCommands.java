package dev.spirit.examples.cli;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.ModerationMode;
import dev.spirit.campaign.SubmissionRules;
import dev.spirit.examples.report.TerminalSummary;
import dev.spirit.moderation.CampaignLexicon;
import dev.spirit.moderation.LexiconChange;
import dev.spirit.storage.SubmissionFilter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spirit campaign create|update|lexicon|open|close|retention|list}. */
@Command(
    name = "campaign",
    mixinStandardHelpOptions = true,
    description =
        "Create, update, open, close and list campaigns; show a campaign's lexicon; set its"
            + " retention.",
    synopsisSubcommandLabel = "(create | update | lexicon | open | close | retention | list)")
final class CampaignCommands implements Runnable {

  @Override
  public void run() {
    // Only reached without a subcommand; SpiritCli shows the usage then.
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a campaign (a draft unless --open is given) and print its id.")
  static final class Create extends StoreCommand {
    @Parameters(paramLabel = "SLUG", description = "Unique URL-friendly name, e.g. spirit-2026.")
    String slug = "";

    @Option(
        paramLabel = "TEXT",
        names = "--title-zh",
        required = true,
        description = "Title in Chinese.")
    String titleZh = "";

    @Option(
        paramLabel = "TEXT",
        names = "--title-en",
        required = true,
        description = "Title in English.")
    String titleEn = "";

    @Option(
        paramLabel = "TEXT",
        names = "--prompt-zh",
        defaultValue = "用一个词或一句话说出你心中的城市精神",
        description = "The question in Chinese (default: ${DEFAULT-VALUE}).")
    String promptZh = "";

    @Option(
        paramLabel = "TEXT",
        names = "--prompt-en",
        defaultValue = "Give a word or a slogan for the spirit of the city",
        description = "The question in English (default: ${DEFAULT-VALUE}).")
    String promptEn = "";

    @Option(
        names = "--district",
        required = true,
        paramLabel = "CODE",
        description = "A district it runs in (repeat for more), e.g. yuzhong.")
    List<String> districts = new ArrayList<>();

    @Option(
        names = "--channel",
        paramLabel = "CHANNEL",
        description =
            "A channel it accepts (repeat for more; default all): message-board, mailbox,"
                + " interview, card, online, event.")
    List<Channel> channels = new ArrayList<>();

    @Option(
        names = "--moderation",
        defaultValue = "pre",
        paramLabel = "pre|post",
        description =
            "pre: a person approves everything before it is public; post: clean submissions are"
                + " public at once (default: ${DEFAULT-VALUE}).")
    String moderation = "pre";

    @Option(
        paramLabel = "N",
        names = "--max-per-participant",
        defaultValue = "20",
        description = "Submissions one participant may give (default: ${DEFAULT-VALUE}).")
    int maxPerParticipant;

    @Option(
        paramLabel = "N",
        names = "--report-threshold",
        defaultValue = "3",
        description = "Distinct reports that hide a submission (default: ${DEFAULT-VALUE}).")
    int reportThreshold;

    @Option(names = "--open", description = "Open the campaign right away.")
    boolean open;

    @Mixin LexiconOptions lexicon = new LexiconOptions();

    @Option(
        names = "--retention",
        paramLabel = "PERIOD",
        description =
            "Keep submissions only this long after the campaign closes (90d, 36h or P90D);"
                + " spirit purge then erases them. Default: no limit.")
    @Nullable String retention;

    Create(CliContext context) {
      super(context);
    }

    @Override
    int run(Spirit spirit) {
      ModerationMode mode;
      try {
        mode = ModerationMode.valueOf(moderation.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        err().println("spirit: --moderation must be pre or post, was '" + moderation + "'");
        return SpiritCli.USAGE;
      }
      Campaign.Builder draft =
          Campaign.builder(slug)
              .title(titleZh, titleEn)
              .prompt(promptZh, promptEn)
              .districts(districts.toArray(String[]::new))
              .rules(
                  SubmissionRules.builder()
                      .moderationMode(mode)
                      .maxPerParticipant(maxPerParticipant)
                      .reportThreshold(reportThreshold)
                      .build());
      if (retention != null) {
        draft.retention(RetentionPeriod.parse(retention));
      }
      if (channels.isEmpty()) {
        draft.allChannels();
      } else {
        draft.channels(channels.toArray(Channel[]::new));
      }
      // Read the lexicon files before creating anything, so that a bad one leaves no campaign.
      LexiconOptions.Layers layers = lexicon.given() ? lexicon.layers() : null;
      Campaign campaign = spirit.campaigns().create(draft.build());
      if (open) {
        campaign = spirit.campaigns().open(campaign.id());
      }
      out()
          .println(
              "created campaign "
                  + campaign.slug()
                  + " ("
                  + campaign.id()
                  + "), "
                  + campaign.state().name().toLowerCase(Locale.ROOT));
      if (layers != null) {
        CampaignLexicon attached =
            spirit
                .campaigns()
                .attachLexicon(campaign.id(), layers.layers(), LexiconOptions.actor());
        out().println(LexiconOptions.describe(campaign, attached));
      }
      return 0;
    }
  }

  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      description = {
        "Change a campaign's settings: attach its lexicon layers (--lexicon and --allow, city"
            + " first, then the district), stored as the campaign's next lexicon revision so that"
            + " every command and running instance moderates with it.",
        "A bad file is refused whole (exit 2, file:line and what is wrong); the stored lexicon"
            + " stays in force."
      })
  static final class Update extends StoreCommand {
    @Mixin CampaignArgument target = new CampaignArgument();

    @Mixin LexiconOptions lexicon = new LexiconOptions();

    Update(CliContext context) {
      super(context);
    }

    @Override
    int run(Spirit spirit) {
      Campaign c = target.campaign(spirit);
      if (!lexicon.given()) {
        err().println("spirit: nothing to update: give --lexicon FILE (and --allow FILE)");
        return SpiritCli.USAGE;
      }
      Optional<CampaignLexicon> attached = lexicon.attachIfChanged(spirit, c, out());
      if (attached.isEmpty()) {
        CampaignLexicon stored = spirit.campaigns().lexicon(c.id()).orElseThrow();
        out()
            .println(
                "campaign "
                    + c.slug()
                    + " already has this lexicon (revision "
                    + stored.revision()
                    + ", "
                    + stored.version()
                    + ")");
      }
      return 0;
    }
  }

  @Command(
      name = "lexicon",
      mixinStandardHelpOptions = true,
      description =
          "Show a campaign's stored lexicon: its layers and the audit trail of its revisions"
              + " (revision, version, when, by whom).")
  static final class ShowLexicon extends StoreCommand {
    @Mixin CampaignArgument target = new CampaignArgument();

    ShowLexicon(CliContext context) {
      super(context);
    }

    @Override
    int run(Spirit spirit) {
      Campaign c = target.campaign(spirit);
      Optional<CampaignLexicon> current = spirit.campaigns().lexicon(c.id());
      if (current.isEmpty()) {
        out().println("campaign " + c.slug() + " has no stored lexicon (the default one applies)");
        return 0;
      }
      out()
          .println(
              "campaign "
                  + c.slug()
                  + ": lexicon revision "
                  + current.get().revision()
                  + " ("
                  + current.get().version()
                  + "), layers: "
                  + String.join(", ", current.get().change().layerLabels()));
      for (LexiconChange change : spirit.campaigns().lexiconHistory(c.id())) {
        out()
            .println(
                "  revision "
                    + change.revision()
                    + "  "
                    + change.attachedAt()
                    + "  "
                    + change.attachedBy()
                    + "  "
                    + change.version());
      }
      return 0;
    }
  }

  @Command(
      name = "open",
      mixinStandardHelpOptions = true,
      description = "Open (or reopen) a campaign.")
  static final class Open extends StoreCommand {
    @Mixin CampaignArgument target = new CampaignArgument();

    Open(CliContext context) {
      super(context);
    }

    @Override
    int run(Spirit spirit) {
      Campaign c = spirit.campaigns().open(target.campaign(spirit).id());
      out().println("campaign " + c.slug() + " is open");
      return 0;
    }
  }

  @Command(
      name = "close",
      mixinStandardHelpOptions = true,
      description = "Close a campaign for good.")
  static final class Close extends StoreCommand {
    @Mixin CampaignArgument target = new CampaignArgument();

    Close(CliContext context) {
      super(context);
    }

    @Override
    int run(Spirit spirit) {
      Campaign c = spirit.campaigns().close(target.campaign(spirit).id());
      out().println("campaign " + c.slug() + " is closed");
      return 0;
    }
  }

  @Command(
      name = "retention",
      mixinStandardHelpOptions = true,
      description = "Set how long a campaign keeps its submissions after it closes.")
  static final class Retention extends StoreCommand {
    @Mixin CampaignArgument target = new CampaignArgument();

    @Parameters(
        paramLabel = "PERIOD",
        description = "90d, 36h, P90D, or 'unlimited' to keep submissions without limit.")
    String period = "";

    Retention(CliContext context) {
      super(context);
    }

    @Override
    int run(Spirit spirit) {
      Optional<Duration> keep =
          period.strip().equalsIgnoreCase("unlimited")
              ? Optional.empty()
              : Optional.of(RetentionPeriod.parse(period));
      Campaign c = spirit.campaigns().setRetention(target.campaign(spirit).id(), keep);
      out()
          .println(
              "campaign "
                  + c.slug()
                  + (keep.isEmpty()
                      ? " keeps its submissions without limit"
                      : " keeps its submissions "
                          + RetentionPeriod.format(keep.get())
                          + " after it closes"
                          + c.expiresAt().map(e -> " (until " + e + ")").orElse("")));
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List campaigns with their state and number of submissions.")
  static final class ListCampaigns extends StoreCommand {
    ListCampaigns(CliContext context) {
      super(context);
    }

    @Override
    int run(Spirit spirit) {
      List<Campaign> campaigns = spirit.campaigns().list();
      if (campaigns.isEmpty()) {
        out().println("no campaigns in " + store);
        return 0;
      }
      out()
          .println(
              TerminalSummary.pad("SLUG", 28)
                  + TerminalSummary.pad("STATE", 9)
                  + String.format("%11s  ", "SUBMISSIONS")
                  + "TITLE");
      for (Campaign c : campaigns) {
        out()
            .println(
                TerminalSummary.pad(c.slug(), 28)
                    + TerminalSummary.pad(c.state().name().toLowerCase(Locale.ROOT), 9)
                    + String.format(
                        "%11d  ", spirit.submissions().count(SubmissionFilter.all(c.id())))
                    + c.title().zh()
                    + " · "
                    + c.title().en());
      }
      return 0;
    }
  }
}
