package dev.spirit.moderation;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.ModerationSettings;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.campaign.SubmissionRules;
import dev.spirit.participant.Participant;
import dev.spirit.participant.Role;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import java.time.Instant;
import java.util.Optional;

/** Campaigns and candidate submissions for rule tests. */
final class Fixtures {
  static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

  private Fixtures() {}

  static Campaign campaign() {
    return campaign(ModerationSettings.defaults());
  }

  static Campaign campaign(ModerationSettings settings) {
    return Campaign.builder("spirit-of-yuzhong")
        .title("渝中精神", "Spirit of Yuzhong")
        .prompt("用一个词形容渝中", "Describe Yuzhong in one word")
        .districts("yuzhong")
        .allChannels()
        .rules(SubmissionRules.builder().moderation(settings).build())
        .createdAt(T0.minusSeconds(3600))
        .build();
  }

  static Submission candidate(Campaign campaign, String text, String participant, Instant at) {
    return candidate(campaign, text, participant, at, null);
  }

  static Submission candidate(
      Campaign campaign, String text, String participant, Instant at, String collectionPoint) {
    return Submission.builder()
        .id(SubmissionId.generate(at))
        .campaignId(campaign.id())
        .kind(SubmissionKind.SLOGAN)
        .text(text)
        .language(Language.ZH)
        .district(campaign.districts().iterator().next())
        .channel(Channel.MESSAGE_BOARD)
        .collectionPoint(Optional.ofNullable(collectionPoint))
        .participant(Participant.consenting(participant, Role.RESIDENT))
        .receivedAt(at)
        .build();
  }
}
