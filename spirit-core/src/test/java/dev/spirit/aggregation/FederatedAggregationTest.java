package dev.spirit.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.hash.Hashing;
import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.error.InvalidInputException;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.storage.memory.InMemoryStore;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The federated example: Yuzhong and Wanzhou each run the campaign on their own store and publish
 * their statistics as JSON; the city merges what they published. The result equals one aggregation
 * over a store that holds both districts' submissions.
 */
@DisplayName("Federated aggregation across two district stores")
class FederatedAggregationTest {
  private final Fixtures.MovableClock clock =
      new Fixtures.MovableClock(Instant.parse("2024-04-01T02:00:00Z"));

  /** One district's own deployment, plus a copy of everything it does in the city's store. */
  private final class District2 {
    final Spirit spirit = Spirit.builder().store(new InMemoryStore()).clock(clock).build();
    final Campaign campaign;
    final String code;

    District2(String code) {
      this.code = code;
      Campaign c = spirit.campaigns().create(Fixtures.campaign("spirit-" + code, code));
      spirit.campaigns().open(c.id());
      this.campaign = spirit.campaigns().find(c.id()).orElseThrow();
    }

    SubmissionId submit(String person, Role role, SubmissionKind kind, String text) {
      Receipt r =
          spirit.submit(
              SubmissionRequest.builder(campaign.id())
                  .kind(kind)
                  .text(text)
                  .district(code)
                  .channel(Channel.MESSAGE_BOARD)
                  .participant(Participant.consenting(person, role))
                  .build());
      return ((Receipt.Accepted) r).id();
    }
  }

  @Test
  @DisplayName("merging the districts' published statistics equals aggregating their union")
  void mergeOfDistrictsEqualsUnion() {
    District2 yuzhong = new District2("yuzhong");
    District2 wanzhou = new District2("wanzhou");
    // The city's reference: one store that sees both districts.
    Spirit city = Spirit.builder().store(new InMemoryStore()).clock(clock).build();
    Campaign cityCampaign =
        city.campaigns().create(Fixtures.campaign("spirit-city", "yuzhong", "wanzhou"));
    city.campaigns().open(cityCampaign.id());

    String[][] yuzhongGives = {
      {"ann", "山城"}, {"bo", "耿直"}, {"cy", "山水之城，美丽之地"}, {"dee", "Enthusiastic"}, {"eve", "解放碑"}
    };
    String[][] wanzhouGives = {
      {"ann", "热情"}, {"fu", "山水之城 美丽之地"}, {"gil", "万州烤鱼"}, {"hal", "candor"}
    };
    SubmissionId slogan1 = null;
    SubmissionId slogan2 = null;
    for (String[] g : yuzhongGives) {
      SubmissionKind kind = g[1].contains("之城") ? SubmissionKind.SLOGAN : SubmissionKind.KEYWORD;
      SubmissionId id = yuzhong.submit(g[0], Role.RESIDENT, kind, g[1]);
      submitTo(city, cityCampaign, "yuzhong", g[0], kind, g[1]);
      if (kind == SubmissionKind.SLOGAN) {
        slogan1 = id;
      }
    }
    clock.set(Instant.parse("2024-04-03T02:00:00Z"));
    for (String[] g : wanzhouGives) {
      SubmissionKind kind = g[1].contains("之城") ? SubmissionKind.SLOGAN : SubmissionKind.KEYWORD;
      SubmissionId id = wanzhou.submit(g[0], Role.VISITOR, kind, g[1]);
      submitTo(city, cityCampaign, "wanzhou", g[0], kind, g[1]);
      if (kind == SubmissionKind.SLOGAN) {
        slogan2 = id;
      }
    }
    // "gil" endorses the slogan in both districts; in the city store the same two endorsements.
    yuzhong.spirit.review().endorse(slogan1, ParticipantId.of("gil"));
    wanzhou.spirit.review().endorse(slogan2, ParticipantId.of("gil"));
    city.submissions().stream(dev.spirit.storage.SubmissionFilter.all(cityCampaign.id()))
        .filter(s -> s.kind() == SubmissionKind.SLOGAN)
        .toList()
        .forEach(s -> city.review().endorse(s.id(), ParticipantId.of("gil")));

    // Each district publishes JSON; the city reads and merges.
    String fromYuzhong =
        AggregationJson.toJson(
            BatchAggregator.aggregate(yuzhong.spirit.store(), yuzhong.campaign, Fixtures.CONFIG));
    String fromWanzhou =
        AggregationJson.toJson(
            BatchAggregator.aggregate(wanzhou.spirit.store(), wanzhou.campaign, Fixtures.CONFIG));
    CampaignStats merged =
        AggregationJson.campaignStats(fromYuzhong)
            .merge(AggregationJson.campaignStats(fromWanzhou));

    CampaignStats union = BatchAggregator.aggregate(city.store(), cityCampaign, Fixtures.CONFIG);
    assertThat(merged).isEqualTo(union);
    // "ann" gave in both districts and "gil" endorsed in both: each counts once citywide.
    assertThat(merged.participants().all().count()).isEqualTo(8);
    assertThat(merged.participants().byDistrict().get(District.of("yuzhong")).count()).isEqualTo(6);
    // The slogan given once in each district is one candidate: cy, fu and gil support it.
    Candidate top = merged.shortlist(1).candidates().get(0);
    assertThat(top.submissions()).isEqualTo(2);
    assertThat(top.supporters()).isEqualTo(3);
    // 热情 from 热情 and Enthusiastic; 耿直 from 耿直 and candor (the synonym table).
    assertThat(merged.terms().overall()).containsEntry("热情", 2L).containsEntry("耿直", 2L);
  }

  @Test
  @DisplayName(
      "statistics keyed under another city secret refuse to merge, naming both key ids, instead"
          + " of counting a person twice")
  void differentKeysRefuseToMerge() {
    District2 yuzhong = new District2("yuzhong");
    yuzhong.submit("ann", Role.RESIDENT, SubmissionKind.KEYWORD, "山城");
    AggregationConfig cityKey =
        AggregationConfig.builder()
            .participantKey(ParticipantKey.fromSecret("chongqing-city-secret-2026"))
            .build();
    AggregationConfig otherKey =
        AggregationConfig.builder()
            .participantKey(ParticipantKey.fromSecret("another-city-secret-2026"))
            .build();
    CampaignStats a = BatchAggregator.aggregate(yuzhong.spirit.store(), yuzhong.campaign, cityKey);
    CampaignStats b = BatchAggregator.aggregate(yuzhong.spirit.store(), yuzhong.campaign, otherKey);

    assertThat(a.participantKeyId()).isEqualTo(cityKey.participantKey().id()).hasSize(16);
    assertThat(a.participantKeyId()).isNotEqualTo(b.participantKeyId());
    assertThatThrownBy(() -> a.merge(b))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(a.participantKeyId())
        .hasMessageContaining(b.participantKeyId())
        .hasMessageContaining("count twice");
    assertThat(a.merge(a).participants().all().count()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "published statistics hold no hash anyone can recompute from a participant id: not the"
          + " unkeyed MurmurHash3 of earlier versions, not SipHash under a zero key, not the id")
  void publishedStatisticsCannotBeReidentified() {
    District2 yuzhong = new District2("yuzhong");
    List<String> people = List.of("13800138000", "kiosk-7-visitor-42", "wx-abc123");
    for (String person : people) {
      yuzhong.submit(person, Role.RESIDENT, SubmissionKind.KEYWORD, "耿直");
    }
    AggregationConfig config =
        AggregationConfig.builder()
            .participantKey(ParticipantKey.fromSecret("chongqing-city-secret-2026"))
            .build();
    CampaignStats stats =
        BatchAggregator.aggregate(yuzhong.spirit.store(), yuzhong.campaign, config);
    String json = AggregationJson.toJson(stats);
    List<Long> members = stats.participants().all().members();
    assertThat(members).hasSize(3);

    for (String person : people) {
      byte[] utf8 = person.getBytes(StandardCharsets.UTF_8);
      long murmur = Hashing.murmur3_128().hashBytes(utf8).asLong();
      long zeroKeySip = Hashing.sipHash24(0, 0).hashBytes(utf8).asLong();
      assertThat(members).doesNotContain(murmur, zeroKeySip);
      assertThat(json)
          .doesNotContain(person)
          .doesNotContain(Long.toString(murmur))
          .doesNotContain(Long.toString(zeroKeySip));
    }
    // The same secret gives the same hashes, so districts sharing it merge correctly.
    CampaignStats again =
        BatchAggregator.aggregate(
            yuzhong.spirit.store(),
            yuzhong.campaign,
            AggregationConfig.builder()
                .participantKey(ParticipantKey.fromSecret("chongqing-city-secret-2026"))
                .build());
    assertThat(again.participants().all().members()).isEqualTo(members);
  }

  private static void submitTo(
      Spirit city,
      Campaign campaign,
      String district,
      String person,
      SubmissionKind kind,
      String text) {
    Role role = district.equals("yuzhong") ? Role.RESIDENT : Role.VISITOR;
    city.submit(
        SubmissionRequest.builder(campaign.id())
            .kind(kind)
            .text(text)
            .district(district)
            .channel(Channel.MESSAGE_BOARD)
            .participant(Participant.consenting(person, role))
            .build());
  }
}
