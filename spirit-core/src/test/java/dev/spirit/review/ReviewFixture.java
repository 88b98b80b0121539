package dev.spirit.review;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.ModerationMode;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.campaign.SubmissionRules;
import dev.spirit.event.SpiritListener;
import dev.spirit.moderation.LexiconRule;
import dev.spirit.moderation.ModerationPipeline;
import dev.spirit.moderation.PersonalDataRule;
import dev.spirit.moderation.TermLexicon;
import dev.spirit.participant.Participant;
import dev.spirit.participant.Role;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionRequest;
import java.time.Instant;
import java.util.List;

/** A Spirit instance on the in-memory store with a moderation pipeline and a hand-moved clock. */
final class ReviewFixture implements AutoCloseable {
  final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T08:00:00Z"));
  final Spirit spirit;
  final Campaign campaign;

  ReviewFixture(ModerationMode mode, SpiritListener... listeners) {
    LexiconRule lexicon =
        new LexiconRule(
            TermLexicon.builder().block("赌场", "gambling").review("垃圾", "insult").build());
    Spirit.Builder b =
        Spirit.builder()
            .storeUri("mem:")
            .clock(clock)
            .moderator(ModerationPipeline.of(lexicon, new PersonalDataRule()));
    for (SpiritListener l : List.of(listeners)) {
      b.listener(l);
    }
    spirit = b.build();
    Campaign draft =
        Campaign.builder("spirit-of-yuzhong")
            .title("渝中精神", "Spirit of Yuzhong")
            .prompt("用一个词形容渝中", "Describe Yuzhong in one word")
            .districts("yuzhong", "jiangbei")
            .allChannels()
            .createdAt(clock.instant())
            .rules(
                SubmissionRules.builder()
                    .moderationMode(mode)
                    .reportThreshold(2)
                    .maxPerParticipant(1000)
                    .build())
            .build();
    spirit.campaigns().create(draft);
    campaign = spirit.campaigns().open(draft.id());
  }

  SubmissionId submit(String text, String participant) {
    return submit(text, participant, "yuzhong", Channel.MESSAGE_BOARD);
  }

  SubmissionId submit(String text, String participant, String district, Channel channel) {
    Receipt r =
        spirit.submit(
            SubmissionRequest.builder(campaign.id())
                .kind(SubmissionKind.SLOGAN)
                .text(text)
                .district(district)
                .channel(channel)
                .participant(Participant.consenting(participant, Role.RESIDENT))
                .build());
    return ((Receipt.Accepted) r).id();
  }

  Submission get(SubmissionId id) {
    return spirit.submissions().find(id).orElseThrow();
  }

  @Override
  public void close() {
    spirit.close();
  }
}
