package dev.spirit.aggregation;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionRequest;
import dev.spirit.submission.SubmissionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Random campaign histories for property tests: a seeded list of operations (submit, change status,
 * endorse, erase) that can be replayed against any Spirit instance, so the same history can feed an
 * incremental aggregator, a store to scan, or a combined store.
 */
final class RandomHistory {
  sealed interface Op permits Submit, ChangeStatus, Endorse, Erase {}

  record Submit(
      int participant,
      String district,
      Channel channel,
      SubmissionKind kind,
      String text,
      Instant at)
      implements Op {}

  record ChangeStatus(int submission, SubmissionStatus target) implements Op {}

  record Endorse(int submission, int participant) implements Op {}

  record Erase(int participant) implements Op {}

  static final String[] KEYWORDS = {
    "山城",
    "山城！",
    "耿直",
    "熱情",
    "热情",
    "Enthusiasm",
    "candor",
    "Candor",
    "火锅",
    "麻辣",
    "雄起",
    "巴渝",
    "解放碑",
    "洪崖洞",
    "Mountain City",
    "mountains",
    "the",
    "繁荣"
  };
  static final String[] SLOGANS = {
    "山水之城，美丽之地",
    "山水之城 美丽之地！",
    "山水之城美丽之都",
    "行千里 致广大",
    "行千里，致广大！",
    "耿直热情 重庆人",
    "A City of Mountains and Rivers",
    "a city of mountain and river!",
    "Chongqing: candid, enthusiastic, proud",
    "雄起重庆 雄起山城",
    "巴渝文化 源远流长"
  };
  static final String[] MESSAGES = {
    "重庆人耿直热情，我爱解放碑",
    "Chongqing people are enthusiastic and candid",
    "洪崖洞像千与千寻，晚上特别美",
    "山城 is so enthusiastic, 巴渝文化 rocks",
    "重慶的夜景很繁榮",
    "Prosperity, enthusiasm, proactivity and candor on the red boards",
    "担当有为，开放包容",
    "火锅麻辣，人也热情"
  };
  static final String[] DISTRICTS = {"yuzhong", "jiangbei", "wanzhou"};
  private static final Role[] ROLES = Role.values();
  private static final SubmissionStatus[] STATUSES = SubmissionStatus.values();

  /** A participant index that makes an endorsement a no-op (keeps histories aligned). */
  static final int NOBODY = -1;

  private RandomHistory() {}

  /**
   * Generates a history.
   *
   * @param random the source of randomness
   * @param operations how many operations
   * @param participants how many distinct people (ids p0..pN-1)
   * @param districts the districts submissions come from
   * @param erasures whether to include erasures
   * @return the operations
   */
  static List<Op> generate(
      Random random, int operations, int participants, String[] districts, boolean erasures) {
    List<Op> ops = new ArrayList<>();
    Instant t = Instant.parse("2024-04-01T00:00:00Z");
    int submitted = 0;
    for (int i = 0; i < operations; i++) {
      int dice = random.nextInt(100);
      t = t.plus(Duration.ofMinutes(random.nextInt(240)));
      if (submitted == 0 || dice < 50) {
        SubmissionKind kind =
            switch (random.nextInt(3)) {
              case 0 -> SubmissionKind.KEYWORD;
              case 1 -> SubmissionKind.SLOGAN;
              default -> SubmissionKind.MESSAGE;
            };
        String[] texts =
            switch (kind) {
              case KEYWORD -> KEYWORDS;
              case SLOGAN -> SLOGANS;
              default -> MESSAGES;
            };
        ops.add(
            new Submit(
                random.nextInt(participants),
                districts[random.nextInt(districts.length)],
                Channel.values()[random.nextInt(Channel.values().length)],
                kind,
                texts[random.nextInt(texts.length)],
                t));
        submitted++;
      } else if (dice < 75) {
        ops.add(
            new ChangeStatus(random.nextInt(submitted), STATUSES[random.nextInt(STATUSES.length)]));
      } else if (dice < 95 || !erasures) {
        ops.add(new Endorse(random.nextInt(submitted), random.nextInt(participants)));
      } else {
        ops.add(new Erase(random.nextInt(participants)));
      }
    }
    return ops;
  }

  static String participantId(int index) {
    return "p" + index;
  }

  static Role role(int participant) {
    return ROLES[participant % ROLES.length];
  }

  /**
   * Replays a history against a Spirit instance (its campaign must be open and in POST moderation
   * mode, so submissions start approved). Operations that the domain refuses at that point
   * (endorsing a hidden submission, a forbidden status move, touching an erased submission) are
   * skipped, exactly as a real client would be refused.
   *
   * @param spirit the instance
   * @param clock its clock, moved to each submission's time
   * @param campaign the campaign
   * @param ops the history
   */
  static void replay(Spirit spirit, Fixtures.MovableClock clock, Campaign campaign, List<Op> ops) {
    List<Optional<SubmissionId>> created = new ArrayList<>();
    for (Op op : ops) {
      if (op instanceof Submit s) {
        clock.set(s.at());
        Receipt r =
            spirit.submit(
                SubmissionRequest.builder(campaign.id())
                    .kind(s.kind())
                    .text(s.text())
                    .district(s.district())
                    .channel(s.channel())
                    .participant(
                        Participant.consenting(
                            participantId(s.participant()), role(s.participant())))
                    .build());
        created.add(
            r instanceof Receipt.Accepted a ? Optional.of(a.id()) : Optional.<SubmissionId>empty());
      } else if (op instanceof ChangeStatus c) {
        Optional<Submission> current =
            created.get(c.submission()).flatMap(spirit.submissions()::find);
        if (current.isPresent() && current.get().status().canMoveTo(c.target())) {
          spirit
              .review()
              .changeStatus(
                  current.get().id(),
                  current.get().version(),
                  c.target(),
                  "moderator:test",
                  "test");
        }
      } else if (op instanceof Endorse e) {
        Optional<Submission> current =
            created.get(e.submission()).flatMap(spirit.submissions()::find);
        if (e.participant() != NOBODY && current.isPresent() && current.get().status().isPublic()) {
          spirit
              .review()
              .endorse(current.get().id(), ParticipantId.of(participantId(e.participant())));
        }
      } else if (op instanceof Erase x) {
        spirit.eraseParticipant(ParticipantId.of(participantId(x.participant())));
      }
    }
  }
}
