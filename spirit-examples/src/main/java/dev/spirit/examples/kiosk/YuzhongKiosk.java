package dev.spirit.examples.kiosk;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.ModerationMode;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.campaign.SubmissionRules;
import dev.spirit.examples.Wiring;
import dev.spirit.examples.report.ReportData;
import dev.spirit.participant.Participant;
import dev.spirit.participant.Role;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.SubmissionRequest;
import java.io.PrintStream;

/**
 * What a district copies: Yuzhong's kiosk at Jiefangbei takes words from passers-by and prints the
 * campaign's figures. Pass a store URI as the first argument (default an embedded H2 database,
 * {@link Wiring#DEFAULT_KIOSK_STORE}; PostgreSQL with {@code jdbc:postgresql://host/db?user=...}).
 */
public final class YuzhongKiosk {
  private YuzhongKiosk() {}

  /**
   * Runs the kiosk example.
   *
   * @param args optional store URI
   */
  public static void main(String[] args) {
    run(args.length > 0 ? args[0] : Wiring.DEFAULT_KIOSK_STORE, System.out);
  }

  /**
   * Configures the campaign and store, takes a few submissions, prints the figures.
   *
   * @param storeUri the store
   * @param out where to print
   * @return the figures
   */
  public static ReportData run(String storeUri, PrintStream out) {
    try (Spirit spirit =
        Spirit.builder().storeUri(storeUri).moderator(Wiring.defaultModerator()).build()) {
      Campaign campaign =
          spirit
              .campaigns()
              .bySlug("spirit-of-yuzhong")
              .orElseGet(
                  () ->
                      spirit
                          .campaigns()
                          .open(
                              spirit
                                  .campaigns()
                                  .create(
                                      Campaign.builder("spirit-of-yuzhong")
                                          .title("渝中精神", "Spirit of Yuzhong")
                                          .prompt("用一个词形容渝中", "Describe Yuzhong in one word")
                                          .districts("yuzhong")
                                          .channels(Channel.MESSAGE_BOARD, Channel.ONLINE)
                                          .rules(
                                              SubmissionRules.builder()
                                                  .moderationMode(ModerationMode.POST)
                                                  .build())
                                          .build())
                                  .id()));

      String[][] passersBy = {
        {"耿直", "resident"},
        {"热情", "visitor"},
        {"enthusiasm", "visitor"},
        {"繁荣", "resident"},
        {"耿直", "student"},
        {"best casino in town", "visitor"},
        {"解放碑", "resident"}
      };
      for (int i = 0; i < passersBy.length; i++) {
        Receipt receipt =
            spirit.submit(
                SubmissionRequest.builder(campaign.id())
                    .kind(SubmissionKind.KEYWORD)
                    .text(passersBy[i][0])
                    .district("yuzhong")
                    .channel(Channel.MESSAGE_BOARD)
                    .collectionPoint("jiefangbei-kiosk-7")
                    .participant(
                        Participant.consenting("kiosk-7-visitor-" + i, Role.parse(passersBy[i][1])))
                    .idempotencyKey("kiosk-7-" + i) // a retried tap is not counted twice
                    .build());
        out.println(
            passersBy[i][0]
                + " → "
                + (receipt instanceof Receipt.Accepted a
                    ? a.status()
                    : ((Receipt.Rejected) receipt).reasons().get(0).message()));
      }

      ReportData figures = Wiring.reportData(spirit, campaign);
      out.println("submissions: " + figures.total() + " · by status: " + figures.byStatus());
      out.println("top words: " + figures.topTerms(3));
      return figures;
    }
  }
}
