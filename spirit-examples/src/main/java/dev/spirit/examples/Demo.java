package dev.spirit.examples;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.campaign.ModerationMode;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.campaign.SubmissionRules;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.storage.SpiritStores;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionRequest;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The README's demo: a "Spirit of Chongqing City" campaign that takes submissions from several
 * districts and channels and prints a summary. Run with {@code mvn -q -pl spirit-examples -am
 * exec:java}; pass a store URI as the first argument to keep the data (default {@code mem:}).
 */
public final class Demo {
  private Demo() {}

  /**
   * Runs the demo.
   *
   * @param args optional store URI
   */
  public static void main(String[] args) {
    String uri = args.length > 0 ? args[0] : "mem:demo";
    run(uri, System.out);
  }

  /**
   * Runs the demo against a store and prints the summary.
   *
   * @param storeUri where to keep the data
   * @param out where to print
   * @return the number of accepted submissions
   */
  public static int run(String storeUri, PrintStream out) {
    try (Spirit spirit = Spirit.builder().store(SpiritStores.open(storeUri)).build()) {
      Campaign campaign =
          spirit.createCampaign(
              Campaign.builder("spirit-of-chongqing-" + System.currentTimeMillis())
                  .title("重庆城市精神", "Spirit of Chongqing City")
                  .prompt("用一个词或一句话说出重庆的城市精神", "Give a word or slogan for Chongqing")
                  .districts(
                      "yuzhong", "wushan", "fengjie", "yubei", "wanzhou", "dadukou", "jiangbei")
                  .allChannels()
                  .rules(SubmissionRules.builder().moderationMode(ModerationMode.POST).build())
                  .build());
      spirit.openCampaign(campaign.id());

      List<Object[]> samples =
          List.of(
              new Object[] {"yuzhong", Channel.MESSAGE_BOARD, SubmissionKind.KEYWORD, "耿直"},
              new Object[] {"yuzhong", Channel.ONLINE, SubmissionKind.KEYWORD, "candor"},
              new Object[] {"wushan", Channel.CARD, SubmissionKind.KEYWORD, "热情"},
              new Object[] {"fengjie", Channel.EVENT, SubmissionKind.POEM, "白帝彩云间，千里江陵还"},
              new Object[] {"yubei", Channel.MAILBOX, SubmissionKind.SLOGAN, "山水之城 美丽之地"},
              new Object[] {"wanzhou", Channel.INTERVIEW, SubmissionKind.KEYWORD, "担当"},
              new Object[] {"dadukou", Channel.MESSAGE_BOARD, SubmissionKind.KEYWORD, "繁荣"},
              new Object[] {"jiangbei", Channel.ONLINE, SubmissionKind.KEYWORD, "enthusiasm"},
              new Object[] {"jiangbei", Channel.CARD, SubmissionKind.KEYWORD, "热情"},
              new Object[] {"hechuan", Channel.ONLINE, SubmissionKind.KEYWORD, "包容"});
      int accepted = 0;
      int n = 0;
      for (Object[] sample : samples) {
        n++;
        Receipt receipt =
            spirit.submit(
                SubmissionRequest.builder(campaign.id())
                    .district(District.of((String) sample[0]))
                    .channel((Channel) sample[1])
                    .kind((SubmissionKind) sample[2])
                    .text((String) sample[3])
                    .participant(
                        new Participant(ParticipantId.of("demo-" + n), Role.RESIDENT, true))
                    .build());
        if (receipt instanceof Receipt.Rejected rejected) {
          out.println("rejected: " + sample[3] + " — " + rejected.reasons().get(0).message());
        } else {
          accepted++;
        }
      }

      out.println();
      out.println("Campaign: " + campaign.title().zh() + " / " + campaign.title().en());
      out.println("Accepted submissions: " + accepted);
      try (Stream<Submission> all = spirit.stream(SubmissionFilter.all(campaign.id()))) {
        List<Submission> list = all.toList();
        out.println("By district: " + countBy(list, s -> s.district().code()));
        out.println("By channel:  " + countBy(list, s -> s.channel().key()));
        out.println("By status:   " + countBy(list, s -> s.status().name()));
        out.println(
            "Words:       "
                + list.stream().map(Submission::displayText).collect(Collectors.joining(" · ")));
      }
      return accepted;
    }
  }

  private static Map<String, Long> countBy(
      List<Submission> submissions, java.util.function.Function<Submission, String> key) {
    return submissions.stream()
        .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
  }
}
