package dev.spirit.aggregation;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.ModerationMode;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.campaign.SubmissionRules;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.submission.Reaction;
import dev.spirit.submission.ReactionType;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionStatus;
import dev.spirit.submission.SubmissionText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Campaigns, submissions and configuration shared by the aggregation tests. */
final class Fixtures {
  static final ZoneId CHONGQING = ZoneId.of("Asia/Shanghai");

  /** The campaign's synonym table: what organizers decided to count as one concept. */
  static final SynonymTable SYNONYMS =
      SynonymTable.builder()
          .concept("热情", "enthusiasm", "enthusiastic", "熱情")
          .concept("耿直", "candor", "candid", "straightforward")
          .concept("繁荣", "prosperity", "prosperous")
          .build();

  /** Campaign vocabulary: places HanLP would split. */
  static final List<String> VOCABULARY = List.of("洪崖洞", "千与千寻", "李子坝");

  static final AggregationConfig CONFIG =
      AggregationConfig.builder().vocabulary(VOCABULARY).synonyms(SYNONYMS).build();

  private Fixtures() {}

  static Campaign campaign(String slug, String... districts) {
    return Campaign.builder(slug)
        .title("重庆城市精神", "Spirit of Chongqing City")
        .prompt("用一个词形容重庆", "Describe Chongqing in one word")
        .districts(districts)
        .allChannels()
        .timeZone(CHONGQING)
        .rules(
            SubmissionRules.builder()
                .moderationMode(ModerationMode.POST)
                .maxPerParticipant(10_000)
                .build())
        .createdAt(Instant.parse("2024-03-01T00:00:00Z"))
        .build();
  }

  static Submission submission(
      CampaignId campaign,
      String participant,
      Role role,
      String district,
      Channel channel,
      SubmissionKind kind,
      String text,
      String receivedAt,
      SubmissionStatus status) {
    Instant at = Instant.parse(receivedAt);
    SubmissionText t = SubmissionText.of(text);
    Language language = Language.detect(t.normalized());
    return Submission.builder()
        .id(SubmissionId.generate(at))
        .campaignId(campaign)
        .kind(kind)
        .text(t)
        .language(language)
        .district(District.of(district))
        .channel(channel)
        .participant(new Participant(ParticipantId.of(participant), role, true))
        .receivedAt(at)
        .status(status)
        .build();
  }

  static Reaction endorsement(Submission s, String by) {
    return new Reaction(
        s.id(),
        s.campaignId(),
        ParticipantId.of(by),
        ReactionType.ENDORSE,
        Optional.empty(),
        s.receivedAt().plusSeconds(60));
  }

  /** A clock tests move by hand. */
  static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void set(Instant instant) {
      this.now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** The shared folder beside the project, found by walking up from the working directory. */
  static Path shared() {
    Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("shared");
      if (Files.isDirectory(candidate.resolve("seeds"))) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "no shared/seeds folder above " + System.getProperty("user.dir"));
  }

  /** The text of the seed news articles. */
  static List<String> seedArticles() throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(shared().resolve("seeds"))) {
      for (Path p : files.sorted().toList()) {
        out.add(Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
