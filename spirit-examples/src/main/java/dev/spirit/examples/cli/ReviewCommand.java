package dev.spirit.examples.cli;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.error.InvalidInputException;
import dev.spirit.error.SpiritException;
import dev.spirit.review.ReviewDecision;
import dev.spirit.review.ReviewFilter;
import dev.spirit.review.ReviewQueue;
import dev.spirit.submission.ModerationReason;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spirit review}: the moderation queue in the terminal. On a terminal one key press answers
 * (see {@link KeyReader}); piped answers are read a line at a time, so scripts and tests can drive
 * it.
 *
 * <p>Several moderators can review one queue at once, from several machines: the command claims a
 * page of free items with a lease ({@link ReviewQueue#claimNext}), renews the leases while the
 * moderator works, decides with the lease, and releases what is left when it ends, also on Ctrl-C
 * or an error ({@link ClaimedItems}). Items someone else holds are not shown.
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

  @Option(
      paramLabel = "DURATION",
      names = "--lease",
      defaultValue = "PT15M",
      description =
          "How long a claim holds without renewal, ISO-8601 (default: ${DEFAULT-VALUE});"
              + " leases are renewed every third of it while you work.")
  Duration lease = ReviewQueue.DEFAULT_LEASE;

  @Option(
      paramLabel = "N",
      names = "--page",
      defaultValue = "20",
      description = "Claim this many items at a time (default: ${DEFAULT-VALUE}).")
  int page;

  ReviewCommand(CliContext context) {
    super(context);
  }

  @Override
  int run(Spirit spirit) throws IOException {
    Campaign c = campaign(spirit);
    if (limit < 1 || page < 1) {
      throw new InvalidInputException("--limit/--page", "must be at least 1");
    }
    ReviewQueue queue = new ReviewQueue(spirit, lease);
    ReviewFilter filter = ReviewFilter.builder(c.id()).status(status).build();
    PrintWriter out = out();
    ClaimedItems claimed = new ClaimedItems(queue, filter, moderator);
    // Ctrl-C runs shutdown hooks but not this method's finally: release there too.
    Thread releaseOnExit = new Thread(claimed::close, "spirit-review-release");
    Runtime.getRuntime().addShutdownHook(releaseOnExit);
    ScheduledExecutorService renewer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "spirit-review-renew");
              t.setDaemon(true);
              return t;
            });
    long every = Math.max(1, lease.toMillis() / 3);
    renewer.scheduleWithFixedDelay(claimed::renewAll, every, every, TimeUnit.MILLISECONDS);
    try (KeyReader keys =
        KeyReader.open(context.stdin(), context.interactive() && ProgressBar.isTerminal())) {
      long waiting = Math.min(limit, queue.count(filter));
      List<Submission> first = claimed.claimPage(Math.min(page, limit));
      if (first.isEmpty()) {
        out.println(
            waiting == 0
                ? "nothing to review in " + c.slug() + " (" + label(status) + ")"
                : "nothing free to review in "
                    + c.slug()
                    + " ("
                    + label(status)
                    + "): other moderators hold "
                    + waiting);
        return 0;
      }
      return review(claimed, first, (int) Math.max(waiting, first.size()), keys, out);
    } finally {
      renewer.shutdownNow();
      claimed.close();
      try {
        Runtime.getRuntime().removeShutdownHook(releaseOnExit);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is exiting; the hook releases (already done above).
      }
    }
  }

  private int review(
      ClaimedItems claimed, List<Submission> first, int total, KeyReader in, PrintWriter out)
      throws IOException {
    int approved = 0;
    int rejected = 0;
    int hidden = 0;
    int skipped = 0;
    int index = 0;
    List<Submission> current = first;
    review:
    while (!current.isEmpty()) {
      for (Submission s : current) {
        index++;
        show(s, index, Math.max(total, index), out);
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
          ReviewDecision decision =
              switch (key) {
                case "a" -> ReviewDecision.APPROVE;
                case "r" -> ReviewDecision.REJECT;
                case "h" -> ReviewDecision.HIDE;
                default -> null;
              };
          if (key.equals("q")) {
            break review;
          }
          if (key.equals("s")) {
            skipped++;
            break;
          }
          if (decision == null) {
            out.println("  please answer a, r, h, s or q");
            continue;
          }
          try {
            Submission decided = claimed.decide(s.id(), decision, "reviewed in the CLI");
            out.println("  → " + label(decided.status()));
            switch (decision) {
              case APPROVE -> approved++;
              case REJECT -> rejected++;
              default -> hidden++;
            }
          } catch (SpiritException e) {
            out.println("  not changed: " + e.getMessage());
            skipped++;
          }
          break;
        }
      }
      // Skipped items stay claimed until the run ends (so the next page does not offer them
      // again); the next page is what is still free.
      int room = limit - index;
      current = room <= 0 ? List.of() : claimed.claimPage(Math.min(page, room));
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
            + Math.max(0, Math.max(total, index) - decided - skipped));
    return 0;
  }

  private static void show(Submission s, int index, int total, PrintWriter out) {
    out.println();
    out.println(
        "["
            + index
            + "/"
            + total
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
  }

  private static String describe(ModerationReason r) {
    return r.code() + " " + r.detail();
  }

  private static String label(SubmissionStatus s) {
    return s.name().toLowerCase(Locale.ROOT);
  }
}
