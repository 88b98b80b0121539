package dev.spirit.examples.boot;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.participant.Participant;
import dev.spirit.participant.Role;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionRequest;
import dev.spirit.submission.SubmissionStatus;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Campaigns and submissions for the app's tests, each test on a campaign of its own. */
public final class Fixtures {
  /** The moderator of the tests' properties, and their password. */
  public static final String MODERATOR = "moderator";

  public static final String PASSWORD = "demo-moderator-password";

  /** Properties every app test starts with: an in-memory store, no rate limit to speak of. */
  public static final String MEMORY_STORE = "spirit.store-uri=mem:";

  public static final String NO_RATE_LIMIT = "spirit.demo.posts-per-minute=100000";

  /** The MockMvc tests share one context: these settings, whatever each test needs of them. */
  public static final String CLOUD_OF_TWO = "spirit.demo.cloud-minimum-people=2";

  public static final String SMALL_BODIES = "spirit.demo.max-body-bytes=2048";

  private static final AtomicInteger CAMPAIGNS = new AtomicInteger();

  private Fixtures() {}

  /** Issues a kiosk token in the instance's store, valid for a day, and returns the token. */
  public static String kioskToken(Spirit spirit) {
    return spirit.kiosks().issue("test-kiosk", Duration.ofDays(1)).token();
  }

  public static Campaign openCampaign(Spirit spirit, String prefix) {
    return openCampaign(spirit, prefix, dev.spirit.campaign.SubmissionRules.defaults());
  }

  /** An open campaign with these rules (e.g. a consent text). */
  public static Campaign openCampaign(
      Spirit spirit, String prefix, dev.spirit.campaign.SubmissionRules rules) {
    Campaign c =
        spirit
            .campaigns()
            .create(
                Campaign.builder(prefix + "-" + CAMPAIGNS.incrementAndGet())
                    .title("渝中城市精神", "The Spirit of Yuzhong")
                    .prompt("用一个词说出渝中的精神", "Give one word")
                    .districts("yuzhong", "jiangbei")
                    .allChannels()
                    .rules(rules)
                    .build());
    return spirit.campaigns().open(c.id());
  }

  public static Submission pending(Spirit spirit, Campaign c, String text, String who) {
    return spirit
        .submissions()
        .find(
            spirit
                .submit(
                    SubmissionRequest.builder(c.id())
                        .text(text)
                        .kind(SubmissionKind.KEYWORD)
                        .district("yuzhong")
                        .channel(Channel.ONLINE)
                        .participant(Participant.consenting(who, Role.RESIDENT))
                        .build())
                .orThrow()
                .id())
        .orElseThrow();
  }

  public static Submission approved(Spirit spirit, Campaign c, String text, String who) {
    Submission s = pending(spirit, c, text, who);
    return spirit
        .review()
        .changeStatus(s.id(), s.version(), SubmissionStatus.APPROVED, "test", "fixture");
  }
}
