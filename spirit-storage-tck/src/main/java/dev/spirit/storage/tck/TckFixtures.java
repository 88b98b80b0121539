package dev.spirit.storage.tck;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.submission.IdempotencyKey;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Builders for the campaigns and submissions the contract tests store. */
public final class TckFixtures {
  /** The instant fixtures are based on: 2026-06-01T08:00:00Z. */
  public static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

  private static final AtomicLong SEQUENCE = new AtomicLong();

  private TckFixtures() {}

  /**
   * A draft campaign with a unique slug in Yuzhong and Jiangbei, accepting every channel.
   *
   * @return the campaign
   */
  public static Campaign campaign() {
    long n = SEQUENCE.incrementAndGet();
    return Campaign.builder("tck-campaign-" + n + "-" + System.nanoTime())
        .title("重庆城市精神", "Spirit of Chongqing City")
        .prompt("用一个词形容重庆", "Describe Chongqing in one word")
        .districts("yuzhong", "jiangbei", "wanzhou")
        .allChannels()
        .createdAt(T0)
        .build();
  }

  /**
   * A submission builder with every required field set: keyword 耿直 from a consenting resident in
   * Yuzhong on a message board, received at {@code T0} plus a growing number of milliseconds.
   *
   * @param campaign the campaign
   * @param participant the participant id
   * @return a builder to adjust
   */
  public static Submission.Builder submission(CampaignId campaign, String participant) {
    Instant at = T0.plusMillis(SEQUENCE.incrementAndGet());
    return Submission.builder()
        .id(SubmissionId.generate(at))
        .campaignId(campaign)
        .kind(SubmissionKind.KEYWORD)
        .text("耿直")
        .language(Language.ZH)
        .district(District.of("yuzhong"))
        .channel(Channel.MESSAGE_BOARD)
        .participant(new Participant(ParticipantId.of(participant), Role.RESIDENT, true))
        .receivedAt(at);
  }

  /**
   * A submission with an idempotency key.
   *
   * @param campaign the campaign
   * @param participant the participant id
   * @param key the idempotency key
   * @return the submission
   */
  public static Submission withKey(CampaignId campaign, String participant, String key) {
    return submission(campaign, participant)
        .idempotencyKey(Optional.of(IdempotencyKey.of(key)))
        .build();
  }
}
