package dev.spirit.examples.demo;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.ModerationMode;
import dev.spirit.campaign.ModerationSettings;
import dev.spirit.campaign.PersonalDataAction;
import dev.spirit.campaign.PersonalDataType;
import dev.spirit.campaign.SubmissionRules;
import dev.spirit.examples.Wiring;
import dev.spirit.examples.cli.ProgressBar;
import dev.spirit.examples.report.HtmlReport;
import dev.spirit.examples.report.ReportData;
import dev.spirit.examples.report.TerminalSummary;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.SubmissionRequest;
import dev.spirit.submission.SubmissionStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The "Spirit of Chongqing City" demo: creates the campaign, takes in a generated set of
 * submissions through the real intake (with moderation), prints a summary and writes the HTML
 * report. Run it with {@code java -jar spirit-examples/target/spirit.jar demo}.
 */
public final class ChongqingDemo {
  private static final int BATCH = 50;

  private ChongqingDemo() {}

  /**
   * What to run.
   *
   * @param storeUri the store to fill
   * @param count how many distinct submissions to generate
   * @param seed the random seed; the same seed gives the same figures
   * @param report where to write the HTML report
   * @param interactive whether to draw the progress bar in place
   */
  public record Options(String storeUri, int count, long seed, Path report, boolean interactive) {}

  /**
   * What the demo did.
   *
   * @param campaign the campaign it created
   * @param accepted submissions stored
   * @param replayed retries answered with the earlier submission
   * @param refused requests intake refused (no consent, wrong district, ...)
   * @param data the campaign's figures
   * @param report the HTML report written
   */
  public record Result(
      Campaign campaign, int accepted, int replayed, int refused, ReportData data, Path report) {}

  /**
   * Runs the demo.
   *
   * @param options what to run
   * @param out where to print progress and the summary
   * @return what it did
   */
  public static Result run(Options options, PrintWriter out) {
    ZoneId zone = ZoneId.of("Asia/Shanghai");
    SettableClock clock =
        new SettableClock(DemoData.FIRST_DAY.atStartOfDay(zone).toInstant().minusSeconds(3600));
    try (Spirit spirit =
        Spirit.builder()
            .storeUri(options.storeUri())
            .moderator(Wiring.defaultModerator())
            .clock(clock)
            .build()) {
      Campaign campaign = spirit.campaigns().create(campaignDraft(spirit, zone));
      spirit.campaigns().open(campaign.id());
      out.println(
          "Campaign "
              + campaign.slug()
              + " in "
              + String.join(", ", DemoData.DISTRICTS)
              + " · store "
              + options.storeUri());

      List<DemoData.Item> items =
          DemoData.generate(campaign.id(), options.count(), options.seed(), zone);
      int accepted = 0;
      int replayed = 0;
      int refused = 0;
      try (ProgressBar bar =
          new ProgressBar(out, "Ingesting", items.size(), options.interactive())) {
        for (int start = 0; start < items.size(); start += BATCH) {
          List<DemoData.Item> batch = items.subList(start, Math.min(items.size(), start + BATCH));
          clock.set(batch.get(0).at());
          List<SubmissionRequest> requests = new ArrayList<>(batch.size());
          batch.forEach(i -> requests.add(i.request()));
          for (Receipt receipt : spirit.submitAll(requests)) {
            if (receipt instanceof Receipt.Accepted a) {
              if (a.replayed()) {
                replayed++;
              } else {
                accepted++;
              }
            } else {
              refused++;
            }
          }
          bar.step(batch.size());
        }
      }
      clock.set(clock.instant().plusSeconds(3600));
      spirit.campaigns().close(campaign.id());
      Campaign closed = spirit.campaigns().find(campaign.id()).orElse(campaign);

      ReportData data = Wiring.reportData(spirit, closed);
      out.println();
      TerminalSummary.print(data, out);
      out.println(
          "Intake      accepted "
              + accepted
              + " · retries answered with the first receipt "
              + replayed
              + " · refused "
              + refused);
      Path report = writeReport(data, options.report());
      out.println();
      out.println("Report: " + report.toAbsolutePath());
      return new Result(closed, accepted, replayed, refused, data, report.toAbsolutePath());
    }
  }

  /**
   * Creates the demo campaign under pre-moderation for the web message board and fills it: every
   * generated submission moderation found clean is approved, as a moderator would; the rest wait in
   * the review queue.
   *
   * @param spirit the instance the board serves
   * @param count how many submissions to generate
   * @return the open campaign
   */
  public static Campaign seedBoard(Spirit spirit, int count) {
    ZoneId zone = ZoneId.of("Asia/Shanghai");
    Campaign draft = campaignDraft(spirit, zone);
    Campaign campaign =
        spirit
            .campaigns()
            .create(
                Campaign.builder(draft.slug())
                    .title(draft.title())
                    .prompt(draft.prompt())
                    .districts(draft.districts())
                    .allChannels()
                    .timeZone(zone)
                    .rules(SubmissionRules.builder().moderationMode(ModerationMode.PRE).build())
                    .build());
    spirit.campaigns().open(campaign.id());
    List<SubmissionRequest> requests = new ArrayList<>();
    for (DemoData.Item item : DemoData.generate(campaign.id(), count, 20240324L, zone)) {
      if (!item.retry()) {
        requests.add(item.request());
      }
    }
    for (Receipt receipt : spirit.submitAll(requests)) {
      if (receipt instanceof Receipt.Accepted a) {
        spirit
            .submissions()
            .find(a.id())
            .filter(s -> s.moderation().map(m -> m.reasons().isEmpty()).orElse(true))
            .filter(s -> s.status() == SubmissionStatus.PENDING)
            .ifPresent(
                s ->
                    spirit
                        .review()
                        .changeStatus(
                            s.id(), s.version(), SubmissionStatus.APPROVED, "demo", "demo data"));
      }
    }
    return campaign;
  }

  private static Campaign campaignDraft(Spirit spirit, ZoneId zone) {
    String slug = "spirit-of-chongqing-city";
    for (int n = 2; spirit.campaigns().bySlug(slug).isPresent(); n++) {
      slug = "spirit-of-chongqing-city-" + n;
    }
    return Campaign.builder(slug)
        .title("重庆城市精神", "Spirit of Chongqing City")
        .prompt("用一个词或一句话说出你心中的重庆城市精神", "Give a word or a slogan for the spirit of Chongqing")
        .districts(DemoData.DISTRICTS.toArray(String[]::new))
        .allChannels()
        .timeZone(zone)
        .rules(
            SubmissionRules.builder()
                .moderationMode(ModerationMode.POST)
                .maxPerParticipant(20)
                // A phone number on a public card is masked, and a person checks the card too.
                .moderation(
                    ModerationSettings.defaults()
                        .withAction(PersonalDataType.MOBILE, PersonalDataAction.REVIEW))
                .build())
        .createdAt(DemoData.FIRST_DAY.atStartOfDay(zone).toInstant().minusSeconds(86_400))
        .build();
  }

  /**
   * Writes the HTML report of some figures.
   *
   * @param data the figures
   * @param file where to write (parent directories are created)
   * @return the file
   */
  public static Path writeReport(ReportData data, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(
          file,
          HtmlReport.render(data, LocalDate.now(data.campaign().timeZone())),
          StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + file, e);
    }
  }
}
