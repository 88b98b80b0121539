package dev.spirit.examples.cli;

import dev.spirit.campaign.Channel;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.error.InvalidInputException;
import dev.spirit.error.SpiritException;
import dev.spirit.participant.Role;
import dev.spirit.submission.SubmissionStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code spirit} command line. Exit codes: 0 success, 1 failure (the message says what failed),
 * 2 usage error (unknown option, missing argument, invalid value).
 */
@Command(
    name = "spirit",
    mixinStandardHelpOptions = true,
    version = "spirit 0.1.0",
    description = {
      "Run public collection campaigns: take in words and slogans, moderate, count, report.",
      "",
      "Every command takes --store URI (default file:./spirit-data, or $SPIRIT_STORE); a store"
          + " that does not exist yet is refused unless --create is given.",
      "Only warnings are logged unless --verbose is given."
    },
    footer = {
      "",
      "Exit codes: 0 success, 1 failure, 2 usage error.",
      "Shell completion (bash, zsh): source <(spirit generate-completion)",
      "Example: spirit campaign create spirit-2026 --title-zh 重庆城市精神 --title-en \"Spirit of"
          + " Chongqing City\" --district yuzhong --district jiangbei --open"
    },
    synopsisSubcommandLabel = "COMMAND")
public final class SpiritCli implements Runnable {

  /** Usage error exit code. */
  public static final int USAGE = 2;

  /** The SLF4J Simple property that sets the level; {@code simplelogger.properties} says warn. */
  static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description =
          "Show informational log messages (-vv: debug messages too). By default only warnings"
              + " and errors are logged, to standard error.")
  boolean[] verbose = new boolean[0];

  private SpiritCli() {}

  @Override
  public void run() {
    // "spirit" alone shows the help (see commandLine()).
  }

  /**
   * Runs the CLI and exits with its exit code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    // Before anything creates a logger: SLF4J Simple reads its level once, at first use.
    logLevel(args).ifPresent(level -> System.setProperty(LOG_LEVEL_PROPERTY, level));
    CliContext context =
        new CliContext(SpiritOpener.standard(), System.in, ProgressBar.isTerminal());
    System.exit(commandLine(context).execute(args));
  }

  /**
   * Builds the command line with all subcommands; tests call {@code execute} on it with their own
   * output writers.
   *
   * @param context the opener, standard input and terminal flag the commands use
   * @return the command line
   */
  public static CommandLine commandLine(CliContext context) {
    CommandLine campaign =
        new CommandLine(new CampaignCommands())
            .addSubcommand(new CampaignCommands.Create(context))
            .addSubcommand(new CampaignCommands.Update(context))
            .addSubcommand(new CampaignCommands.ShowLexicon(context))
            .addSubcommand(new CampaignCommands.Open(context))
            .addSubcommand(new CampaignCommands.Pause(context))
            .addSubcommand(new CampaignCommands.Resume(context))
            .addSubcommand(new CampaignCommands.Close(context))
            .addSubcommand(new CampaignCommands.Archive(context))
            .addSubcommand(new CampaignCommands.Schedule(context))
            .addSubcommand(new CampaignCommands.Retention(context))
            .addSubcommand(new CampaignCommands.ListCampaigns(context));
    // picocli hides its completion command; it is part of this CLI's documented surface.
    CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
    completion.getCommandSpec().usageMessage().hidden(false);
    CommandLine kiosk =
        new CommandLine(new KioskCommands())
            .addSubcommand(new KioskCommands.Issue(context))
            .addSubcommand(new KioskCommands.Revoke(context))
            .addSubcommand(new KioskCommands.ListKiosks(context));
    CommandLine cl =
        new CommandLine(new SpiritCli())
            .addSubcommand(campaign)
            .addSubcommand(kiosk)
            .addSubcommand(new SubmitCommand(context))
            .addSubcommand(new ImportCommand(context))
            .addSubcommand(new ReviewCommand(context))
            .addSubcommand(new StatsCommand(context))
            .addSubcommand(new ExportCommand(context))
            .addSubcommand(new ReportCommand(context))
            .addSubcommand(new EraseParticipantCommand(context))
            .addSubcommand(new WithdrawConsentCommand(context))
            .addSubcommand(new PurgeCommand(context))
            .addSubcommand(
                new CommandLine(new AuditCommands())
                    .addSubcommand(new AuditCommands.Export(context))
                    .addSubcommand(new AuditCommands.Verify(context)))
            .addSubcommand(new ModerateCommand(context))
            .addSubcommand(new RemoderateCommand(context))
            .addSubcommand(new ServeCommand(context))
            .addSubcommand(new DemoCommand(context))
            .addSubcommand(completion);
    cl.registerConverter(Channel.class, v -> convert(() -> Channel.parse(v)));
    cl.registerConverter(Role.class, v -> convert(() -> Role.parse(v)));
    cl.registerConverter(SubmissionKind.class, v -> convert(() -> SubmissionKind.parse(v)));
    cl.registerConverter(
        SubmissionStatus.class,
        v -> convert(() -> SubmissionStatus.valueOf(v.trim().toUpperCase(Locale.ROOT))));
    cl.setExecutionStrategy(
        parseResult -> {
          CommandLine.ParseResult last = parseResult;
          while (last.hasSubcommand()) {
            last = last.subcommand();
          }
          Object command = last.commandSpec().userObject();
          if (!(command instanceof java.util.concurrent.Callable)
              && !(command instanceof AutoComplete.GenerateCompletion)
              && !last.isUsageHelpRequested()
              && !last.isVersionHelpRequested()) {
            // A command group without a subcommand: show what it offers, as a usage error.
            last.commandSpec().commandLine().usage(last.commandSpec().commandLine().getErr());
            return USAGE;
          }
          return new CommandLine.RunLast().execute(parseResult);
        });
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          String message;
          if (e instanceof SpiritException) {
            message = e.getMessage();
          } else if (e instanceof UncheckedIOException u) {
            message = u.getMessage() + " (" + String.valueOf(u.getCause()) + ")";
          } else if (e instanceof IOException) {
            message = e.toString();
          } else {
            // A bug, not a user error: keep the stack trace.
            e.printStackTrace(commandLine.getErr());
            message = e.toString();
          }
          commandLine.getErr().println("spirit: " + message);
          commandLine.getErr().flush();
          return e instanceof InvalidInputException ? USAGE : 1;
        });
    return cl;
  }

  /**
   * The log level the arguments ask for: {@code info} for one {@code -v}/{@code --verbose}, {@code
   * debug} for two or more ({@code -vv}), none (the quiet default) otherwise. Arguments after
   * {@code --} are values, not options.
   *
   * @param args the command-line arguments
   * @return the level, if the arguments raise it
   */
  static Optional<String> logLevel(String[] args) {
    int count = 0;
    for (String arg : args) {
      if (arg.equals("--")) {
        break;
      }
      if (arg.equals("--verbose")) {
        count++;
      } else if (arg.matches("-v+")) {
        count += arg.length() - 1;
      }
    }
    return count == 0 ? Optional.empty() : Optional.of(count == 1 ? "info" : "debug");
  }

  private static <T> T convert(java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (SpiritException | IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
