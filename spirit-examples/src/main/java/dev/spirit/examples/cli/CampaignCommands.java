package dev.spirit.examples.cli;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignState;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.ModerationMode;
import dev.spirit.campaign.SubmissionRules;
import dev.spirit.examples.report.TerminalSummary;
import dev.spirit.moderation.CampaignLexicon;
import dev.spirit.moderation.LexiconChange;
import dev.spirit.participant.ConsentPurpose;
import dev.spirit.participant.ConsentText;
import dev.spirit.storage.SpiritStores;
import dev.spirit.storage.SubmissionFilter;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spirit campaign
 * create|update|lexicon|open|pause|resume|close|archive|schedule|retention|list}.
 */
@Command(
    name = "campaign",
    mixinStandardHelpOptions = true,
    description =
        "Create, update, open, pause, resume, close, archive and list campaigns; set when they"
            + " take submissions; show a campaign's lexicon; set its retention.",
    synopsisSubcommandLabel =
        "(create | update | lexicon | open | pause | resume | close | archive | schedule |"
            + " retention | list)")
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

    @Mixin ScheduleOptions schedule = new ScheduleOptions();

    @Mixin LexiconOptions lexicon = new LexiconOptions();

    @Mixin ConsentOptions consent = new ConsentOptions();

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
      SubmissionRules.Builder rules =
          SubmissionRules.builder()
              .moderationMode(mode)
              .maxPerParticipant(maxPerParticipant)
              .reportThreshold(reportThreshold);
      // Read the consent text before creating anything, so that a bad one leaves no campaign.
      consent.text().ifPresent(rules::consentText);
      consent
          .requiredPurposes()
          .ifPresent(p -> rules.requiredPurposes(p.toArray(ConsentPurpose[]::new)));
      Campaign.Builder draft =
          Campaign.builder(slug)
              .title(titleZh, titleEn)
              .prompt(promptZh, promptEn)
              .districts(districts.toArray(String[]::new))
              .rules(rules.build());
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
      Campaign built = draft.build();
      ZoneId zone = schedule.zone().orElse(built.timeZone());
      Campaign campaign =
          spirit
              .campaigns()
              .create(built.withSchedule(schedule.opens(zone), schedule.closes(zone), zone));
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
      if (consent.given()) {
        out().println(ConsentOptions.describe(campaign.rules()));
      }
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
            + " every command and running instance moderates with it; set the consent text it"
            + " presents and the purposes it requires (--consent-text, --consent-version,"
            + " --require-purposes).",
        "A bad file is refused whole (exit 2, file:line and what is wrong); the stored lexicon"
            + " and consent rules stay in force."
      })
  static final class Update extends StoreCommand {
    @Mixin CampaignArgument target = new CampaignArgument();

    @Mixin LexiconOptions lexicon = new LexiconOptions();

    @Mixin ConsentOptions consent = new ConsentOptions();

    Update(CliContext context) {
      super(context);
    }

    @Override
    int run(Spirit spirit) {
      Campaign c = target.campaign(spirit);
      if (!lexicon.given() && !consent.given()) {
        err()
            .println(
                "spirit: nothing to update: give --lexicon FILE (and --allow FILE), or"
                    + " --consent-text FILE --consent-version VERSION, or --require-purposes");
        return SpiritCli.USAGE;
      }
      if (consent.given()) {
        // Everything is read and checked before anything is stored.
        Optional<ConsentText> text = consent.text();
        Optional<Set<ConsentPurpose>> required = consent.requiredPurposes();
        if (lexicon.given()) {
          lexicon.layers();
        }
        SubmissionRules before = c.rules();
        c =
            spirit
                .campaigns()
                .setConsent(
                    c.id(),
                    text.or(before::consentText),
                    required.orElse(before.requiredPurposes()));
        out().println("campaign " + c.slug() + ": " + ConsentOptions.describe(c.rules()));
        if (!lexicon.given()) {
          return 0;
        }
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

    @Option(
        names = "--json",
        description = "Print one JSON object per lexicon revision, one per line, oldest first.")
    boolean json;

    ShowLexicon(CliContext context) {
      super(context);
    }

    @Override
    int run(Spirit spirit) throws IOException {
      Campaign c = target.campaign(spirit);
      if (json) {
        for (LexiconChange change : spirit.campaigns().lexiconHistory(c.id())) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("campaign", c.slug());
          row.put("revision", change.revision());
          row.put("version", change.version());
          row.put("attachedAt", change.attachedAt().toString());
          row.put("attachedBy", change.attachedBy());
          row.put("layers", change.layerLabels());
          out().println(JsonLines.write(row));
        }
        return 0;
      }
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
  static final class Open extends Move {
    Open(CliContext context) {
      super(context, CampaignState.OPEN, "open");
    }
  }

  @Command(
      name = "close",
      mixinStandardHelpOptions = true,
      description = "Close a campaign for good.")
  static final class Close extends Move {
    Close(CliContext context) {
      super(context, CampaignState.CLOSED, "closed");
    }
  }

  /** {@code open}, {@code pause}, {@code resume}, {@code close}, {@code archive}: one move each. */
  abstract static class Move extends StoreCommand {
    @Mixin CampaignArgument target = new CampaignArgument();

    private final CampaignState state;
    private final String done;

    Move(CliContext context, CampaignState state, String done) {
      super(context);
      this.state = state;
      this.done = done;
    }

    @Override
    int run(Spirit spirit) {
      Campaign c = spirit.campaigns().move(target.campaign(spirit).id(), state);
      out().println("campaign " + c.slug() + " is " + done);
      return 0;
    }
  }

  @Command(
      name = "pause",
      mixinStandardHelpOptions = true,
      description = "Stop taking submissions for a while (an open campaign; resume reopens it).")
  static final class Pause extends Move {
    Pause(CliContext context) {
      super(context, CampaignState.PAUSED, "paused");
    }
  }

  @Command(
      name = "resume",
      mixinStandardHelpOptions = true,
      description = "Take submissions again (a paused campaign).")
  static final class Resume extends Move {
    Resume(CliContext context) {
      super(context, CampaignState.OPEN, "open again");
    }
  }

  @Command(
      name = "archive",
      mixinStandardHelpOptions = true,
      description = "Keep a closed campaign for the record, read-only.")
  static final class Archive extends Move {
    Archive(CliContext context) {
      super(context, CampaignState.ARCHIVED, "archived");
    }
  }

  @Command(
      name = "schedule",
      mixinStandardHelpOptions = true,
      description = {
        "Set when a campaign takes submissions and its time zone. Times are in the campaign's"
            + " zone unless they carry an offset; an open campaign takes nothing outside them.",
        "Example: spirit campaign schedule spirit-2026 --opens 2026-12-10T09:00 --closes"
            + " 2027-01-31T18:00 --time-zone Asia/Shanghai"
      })
  static final class Schedule extends StoreCommand {
    @Mixin CampaignArgument target = new CampaignArgument();

    @Mixin ScheduleOptions schedule = new ScheduleOptions();

    @Option(names = "--no-window", description = "Remove the window: take submissions while open.")
    boolean noWindow;

    Schedule(CliContext context) {
      super(context);
    }

    @Override
    int run(Spirit spirit) {
      Campaign c = target.campaign(spirit);
      if (noWindow && schedule.windowGiven()) {
        err().println("spirit: --no-window cannot be combined with --opens or --closes");
        return SpiritCli.USAGE;
      }
      if (!noWindow && !schedule.windowGiven() && schedule.zone().isEmpty()) {
        err()
            .println(
                "spirit: nothing to change: give --opens, --closes, --time-zone or --no-window");
        return SpiritCli.USAGE;
      }
      ZoneId zone = schedule.zone().orElse(c.timeZone());
      Optional<Instant> opens = noWindow ? Optional.empty() : schedule.opens(zone).or(c::opensAt);
      Optional<Instant> closes =
          noWindow ? Optional.empty() : schedule.closes(zone).or(c::closesAt);
      Campaign stored = spirit.campaigns().schedule(c.id(), opens, closes, zone);
      out().println("campaign " + stored.slug() + " " + describeWindow(stored));
      return 0;
    }
  }

  static String describeWindow(Campaign c) {
    String from = c.opensAt().map(o -> "from " + CampaignTimes.local(o, c.timeZone())).orElse("");
    String until =
        c.closesAt().map(o -> "until " + CampaignTimes.local(o, c.timeZone())).orElse("");
    if (from.isEmpty() && until.isEmpty()) {
      return "takes submissions whenever it is open (no window; time zone "
          + c.timeZone().getId()
          + ")";
    }
    return "takes submissions " + (from + " " + until).strip();
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
    @Option(names = "--json", description = "Print one JSON object per campaign, one per line.")
    boolean json;

    ListCampaigns(CliContext context) {
      super(context);
    }

    @Override
    int run(Spirit spirit) throws IOException {
      List<Campaign> campaigns = spirit.campaigns().list();
      if (json) {
        for (Campaign c : campaigns) {
          out().println(JsonLines.write(campaignJson(c, spirit)));
        }
        return 0;
      }
      if (campaigns.isEmpty()) {
        out().println("no campaigns in " + SpiritStores.redacted(store));
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

    private static Map<String, Object> campaignJson(Campaign c, Spirit spirit) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("slug", c.slug());
      row.put("id", c.id().toString());
      row.put("state", c.state().name().toLowerCase(Locale.ROOT));
      row.put("submissions", spirit.submissions().count(SubmissionFilter.all(c.id())));
      row.put("titleZh", c.title().zh());
      row.put("titleEn", c.title().en());
      row.put("opensAt", c.opensAt().map(Instant::toString).orElse(null));
      row.put("closesAt", c.closesAt().map(Instant::toString).orElse(null));
      row.put("timeZone", c.timeZone().getId());
      row.put("districts", c.districts().stream().map(d -> d.code()).sorted().toList());
      row.putAll(ConsentOptions.json(c.rules()));
      return row;
    }
  }
}
