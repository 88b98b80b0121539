package dev.spirit;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignState;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.SubmissionRules;
import dev.spirit.event.SpiritListener;
import dev.spirit.moderation.Moderator;
import dev.spirit.participant.Participant;
import dev.spirit.participant.Role;
import dev.spirit.storage.memory.InMemoryStore;
import dev.spirit.submission.SubmissionRequest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A Spirit over a real in-memory store with a hand-set clock, and helpers to make campaigns and
 * requests. One per test.
 */
final class IntakeFixture implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

  private static final AtomicInteger SLUGS = new AtomicInteger();

  final MutableClock clock = new MutableClock(NOW);
  final InMemoryStore store = new InMemoryStore();
  final Spirit spirit;

  IntakeFixture() {
    this(Moderator.NONE, List.of());
  }

  IntakeFixture(Moderator moderator, List<SpiritListener> listeners) {
    Spirit.Builder builder = Spirit.builder().store(store).clock(clock).moderator(moderator);
    listeners.forEach(builder::listener);
    this.spirit = builder.build();
  }

  /** A draft campaign in Yuzhong and Jiangbei on message boards, mailboxes and online. */
  Campaign.Builder campaignBuilder() {
    return Campaign.builder("spec-" + SLUGS.incrementAndGet())
        .title("重庆城市精神", "Spirit of Chongqing City")
        .prompt("用一个词形容重庆", "Describe Chongqing in one word")
        .districts("yuzhong", "jiangbei")
        .channels(Channel.MESSAGE_BOARD, Channel.MAILBOX, Channel.ONLINE)
        .createdAt(NOW.minusSeconds(3600));
  }

  /** Stores a campaign with the given rules and moves it to {@code state}. */
  Campaign campaign(CampaignState state, UnaryOperator<SubmissionRules.Builder> rules) {
    return campaign(state, rules, UnaryOperator.identity());
  }

  /** Stores a customised campaign with the given rules and moves it to {@code state}. */
  Campaign campaign(
      CampaignState state,
      UnaryOperator<SubmissionRules.Builder> rules,
      UnaryOperator<Campaign.Builder> customize) {
    Campaign c =
        spirit
            .campaigns()
            .create(
                customize
                    .apply(campaignBuilder())
                    .rules(rules.apply(SubmissionRules.builder()).build())
                    .build());
    List<CampaignState> path =
        switch (state) {
          case DRAFT -> List.of();
          case OPEN -> List.of(CampaignState.OPEN);
          case PAUSED -> List.of(CampaignState.OPEN, CampaignState.PAUSED);
          case CLOSED -> List.of(CampaignState.OPEN, CampaignState.CLOSED);
          case ARCHIVED ->
              List.of(CampaignState.OPEN, CampaignState.CLOSED, CampaignState.ARCHIVED);
        };
    for (CampaignState step : path) {
      c = spirit.campaigns().move(c.id(), step);
    }
    return c;
  }

  /** An open campaign with default rules. */
  Campaign openCampaign() {
    return campaign(CampaignState.OPEN, UnaryOperator.identity());
  }

  /** A valid request: keyword 耿直 in Yuzhong on a message board by a consenting resident. */
  SubmissionRequest.Builder request(Campaign campaign, String participant) {
    return SubmissionRequest.builder(campaign.id())
        .text("耿直")
        .district("yuzhong")
        .channel(Channel.MESSAGE_BOARD)
        .participant(Participant.consenting(participant, Role.RESIDENT));
  }

  @Override
  public void close() {
    spirit.close();
  }
}
