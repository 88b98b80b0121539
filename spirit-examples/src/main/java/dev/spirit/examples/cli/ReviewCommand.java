package dev.spirit.examples.cli;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.error.SpiritException;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.ModerationReason;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spirit review}: the moderation queue in the terminal. On a terminal one key press answers
 * (see {@link KeyReader}); piped answers are read a line at a time, so scripts and tests can drive
 * it.
 */
@Command(
    name = "review",
    mixinStandardHelpOptions = true,
    description = {
      "Review waiting submissions one by one, oldest first.",
      "Answer with one key: a approve, r reject, h hide, s skip, q quit (on a terminal a key"
          + " press is enough; piped answers are read one per line)."
    })
final class ReviewCommand extends CampaignCommand {
  @Option(
      paramLabel = "NAME",
      names = "--moderator",
      defaultValue = "${sys:user.name:-moderator}",
      description = "Your name for the audit log (default: ${DEFAULT-VALUE}).")
  String moderator = "moderator";

  @Option(
      paramLabel = "STATUS",
      names = "--status",
      defaultValue = "pending",
      description = "Which queue: pending (default) or hidden (taken down after reports).")
  SubmissionStatus status = SubmissionStatus.PENDING;

  @Option(
      paramLabel = "N",
      names = "--limit",
      defaultValue = "100",
      description = "At most this many (default: ${DEFAULT-VALUE}).")
  int limit;

  ReviewCommand(CliContext context) {
    super(context);
  }

  @Override
  int run(Spirit spirit) throws IOException {
    Campaign c = campaign(spirit);
    List<Submission> queue;
    try (Stream<Submission> s =
        spirit.submissions().stream(SubmissionFilter.builder(c.id()).status(status).build())) {
      queue = s.limit(limit).toList();
    }
    PrintWriter out = out();
    if (queue.isEmpty()) {
      out.println("nothing to review in " + c.slug() + " (" + label(status) + ")");
      return 0;
    }
    try (KeyReader keys =
        KeyReader.open(context.stdin(), context.interactive() && ProgressBar.isTerminal())) {
      return review(spirit, queue, keys, out);
    }
  }

  private int review(Spirit spirit, List<Submission> queue, KeyReader in, PrintWriter out)
      throws IOException {
    int approved = 0;
    int rejected = 0;
    int hidden = 0;
    int skipped = 0;
    int index = 0;
    review:
    for (Submission s : queue) {
      index++;
      out.println();
      out.println(
          "["
              + index
              + "/"
              + queue.size()
              + "] "
              + s.id()
              + " · "
              + s.district()
              + " · "
              + s.channel().key()
              + " · "
              + s.kind().key()
              + " · "
              + s.participant().role().name().toLowerCase(Locale.ROOT));
      out.println("  " + s.text().original());
      s.moderation()
          .filter(m -> !m.reasons().isEmpty())
          .ifPresent(
              m ->
                  out.println(
                      "  moderation: "
                          + m.reasons().stream()
                              .map(ReviewCommand::describe)
                              .collect(Collectors.joining("; "))));
      while (true) {
        out.print("  (a)pprove (r)eject (h)ide (s)kip (q)uit > ");
        out.flush();
        Optional<String> answer = in.next();
        if (answer.isEmpty()) {
          out.println();
          break review;
        }
        String key = answer.get();
        if (in.singleKey()) {
          out.println(key);
        }
        SubmissionStatus target =
            switch (key) {
              case "a" -> SubmissionStatus.APPROVED;
              case "r" -> SubmissionStatus.REJECTED;
              case "h" -> SubmissionStatus.HIDDEN;
              default -> null;
            };
        if (key.equals("q")) {
          break review;
        }
        if (key.equals("s")) {
          skipped++;
          break;
        }
        if (target == null) {
          out.println("  please answer a, r, h, s or q");
          continue;
        }
        try {
          spirit
              .review()
              .changeStatus(s.id(), s.version(), target, moderator, "reviewed in the CLI");
          out.println("  → " + label(target));
          switch (target) {
            case APPROVED -> approved++;
            case REJECTED -> rejected++;
            default -> hidden++;
          }
        } catch (SpiritException e) {
          out.println("  not changed: " + e.getMessage());
          skipped++;
        }
        break;
      }
    }
    int decided = approved + rejected + hidden;
    out.println();
    out.println(
        "approved "
            + approved
            + " · rejected "
            + rejected
            + " · hidden "
            + hidden
            + " · skipped "
            + skipped
            + " · left "
            + (queue.size() - decided - skipped));
    return 0;
  }

  private static String describe(ModerationReason r) {
    return r.code() + " " + r.detail();
  }

  private static String label(SubmissionStatus s) {
    return s.name().toLowerCase(Locale.ROOT);
  }
}
