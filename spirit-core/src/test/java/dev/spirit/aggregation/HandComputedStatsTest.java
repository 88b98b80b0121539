package dev.spirit.aggregation;

import static dev.spirit.aggregation.Fixtures.endorsement;
import static dev.spirit.aggregation.Fixtures.submission;
import static dev.spirit.campaign.Channel.CARD;
import static dev.spirit.campaign.Channel.EVENT;
import static dev.spirit.campaign.Channel.INTERVIEW;
import static dev.spirit.campaign.Channel.MAILBOX;
import static dev.spirit.campaign.Channel.MESSAGE_BOARD;
import static dev.spirit.campaign.Channel.ONLINE;
import static dev.spirit.campaign.SubmissionKind.KEYWORD;
import static dev.spirit.campaign.SubmissionKind.MESSAGE;
import static dev.spirit.campaign.SubmissionKind.SLOGAN;
import static dev.spirit.participant.Role.EXPERT;
import static dev.spirit.participant.Role.RESIDENT;
import static dev.spirit.participant.Role.STUDENT;
import static dev.spirit.participant.Role.VISITOR;
import static dev.spirit.submission.SubmissionStatus.APPROVED;
import static dev.spirit.submission.SubmissionStatus.HIDDEN;
import static dev.spirit.submission.SubmissionStatus.PENDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.participant.Role;
import dev.spirit.storage.memory.InMemoryStore;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionStatus;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A small campaign whose every figure was computed by hand (zh, en and mixed). Local times are in
 * Asia/Shanghai (UTC+8); 2024-04-01 and 2024-04-08 are Mondays.
 */
@DisplayName("Statistics of a small fixed campaign, computed by hand")
class HandComputedStatsTest {
  private static final District YUZHONG = District.of("yuzhong");
  private static final District JIANGBEI = District.of("jiangbei");

  private CampaignStats stats;

  @BeforeEach
  void aggregate() {
    InMemoryStore store = new InMemoryStore();
    Campaign campaign = store.insertCampaign(Fixtures.campaign("hand", "yuzhong", "jiangbei"));
    var id = campaign.id();
    // #1-#2: two cards saying 山城 (Monday 1 April, 10:00 and 11:30 local).
    Submission s1 =
        s(
            id,
            "p1",
            RESIDENT,
            "yuzhong",
            MESSAGE_BOARD,
            KEYWORD,
            "山城",
            "2024-04-01T02:00:00Z",
            APPROVED);
    Submission s2 =
        s(id, "p2", VISITOR, "yuzhong", CARD, KEYWORD, "山城！", "2024-04-01T03:30:00Z", APPROVED);
    // #3: a Chinese message; #4: an English message (20:00 local on 2 April).
    Submission s3 =
        s(
            id,
            "p3",
            RESIDENT,
            "jiangbei",
            ONLINE,
            MESSAGE,
            "重庆人耿直热情，我爱解放碑",
            "2024-04-02T01:00:00Z",
            APPROVED);
    Submission s4 =
        s(
            id,
            "p4",
            EXPERT,
            "jiangbei",
            EVENT,
            MESSAGE,
            "Chongqing people are enthusiastic and candid",
            "2024-04-02T12:00:00Z",
            APPROVED);
    // #5-#7: one slogan given three times, twice identically (up to punctuation), once nearly.
    Submission s5 =
        s(
            id,
            "p2",
            VISITOR,
            "yuzhong",
            ONLINE,
            SLOGAN,
            "山水之城，美丽之地",
            "2024-04-08T01:00:00Z",
            APPROVED);
    Submission s6 =
        s(
            id,
            "p5",
            STUDENT,
            "yuzhong",
            MAILBOX,
            SLOGAN,
            "山水之城 美丽之地！",
            "2024-04-08T02:00:00Z",
            APPROVED);
    Submission s7 =
        s(
            id,
            "p1",
            RESIDENT,
            "jiangbei",
            INTERVIEW,
            SLOGAN,
            "山水之城美丽之都",
            "2024-04-08T03:00:00Z",
            APPROVED);
    // #8: an English keyword that the synonym table counts as 热情.
    Submission s8 =
        s(
            id,
            "p6",
            RESIDENT,
            "yuzhong",
            ONLINE,
            KEYWORD,
            "Enthusiasm",
            "2024-04-08T04:00:00Z",
            APPROVED);
    // Not counted: one pending, one hidden (with an endorsement from before it was hidden).
    Submission s9 =
        s(id, "p7", VISITOR, "yuzhong", ONLINE, KEYWORD, "麻辣", "2024-04-08T05:00:00Z", PENDING);
    Submission s10 =
        s(
            id,
            "p8",
            VISITOR,
            "jiangbei",
            ONLINE,
            SLOGAN,
            "雄起重庆 雄起山城",
            "2024-04-08T06:00:00Z",
            HIDDEN);
    for (Submission sub : List.of(s1, s2, s3, s4, s5, s6, s7, s8, s9, s10)) {
      store.insert(sub, 100);
    }
    store.addReaction(endorsement(s5, "p3"));
    store.addReaction(endorsement(s6, "p4"));
    store.addReaction(endorsement(s7, "p3"));
    store.addReaction(endorsement(s10, "p9"));
    stats = BatchAggregator.aggregate(store, campaign, Fixtures.CONFIG);
  }

  private static Submission s(
      dev.spirit.campaign.CampaignId id,
      String participant,
      Role role,
      String district,
      Channel channel,
      SubmissionKind kind,
      String text,
      String at,
      SubmissionStatus status) {
    return submission(id, participant, role, district, channel, kind, text, at, status);
  }

  @Test
  @DisplayName("status counts cover every submission; other counts only the 8 approved ones")
  void counts() {
    Counts c = stats.counts();
    assertThat(c.byStatus())
        .containsExactly(Map.entry(PENDING, 1L), Map.entry(APPROVED, 8L), Map.entry(HIDDEN, 1L));
    assertThat(c.submissions()).isEqualTo(8);
    assertThat(c.byDistrict()).containsExactly(Map.entry(JIANGBEI, 3L), Map.entry(YUZHONG, 5L));
    assertThat(c.byChannel())
        .containsExactly(
            Map.entry(MESSAGE_BOARD, 1L),
            Map.entry(MAILBOX, 1L),
            Map.entry(INTERVIEW, 1L),
            Map.entry(CARD, 1L),
            Map.entry(ONLINE, 3L),
            Map.entry(EVENT, 1L));
    assertThat(c.byRole())
        .containsExactly(
            Map.entry(RESIDENT, 4L),
            Map.entry(VISITOR, 2L),
            Map.entry(EXPERT, 1L),
            Map.entry(STUDENT, 1L));
    assertThat(c.byKind())
        .containsExactly(Map.entry(KEYWORD, 3L), Map.entry(SLOGAN, 3L), Map.entry(MESSAGE, 2L));
    assertThat(c.byLanguage())
        .containsExactly(Map.entry(Language.EN, 2L), Map.entry(Language.ZH, 6L));
    assertThat(c.endorsements()).isEqualTo(3);
  }

  @Test
  @DisplayName("time buckets are local hours, days and Monday-based weeks in Asia/Shanghai")
  void timeBuckets() {
    Counts c = stats.counts();
    assertThat(c.byHour())
        .containsEntry(LocalDateTime.parse("2024-04-01T10:00"), 1L)
        .containsEntry(LocalDateTime.parse("2024-04-01T11:00"), 1L)
        .containsEntry(LocalDateTime.parse("2024-04-02T20:00"), 1L)
        .hasSize(8);
    assertThat(c.byDay())
        .containsExactly(
            Map.entry(LocalDate.parse("2024-04-01"), 2L),
            Map.entry(LocalDate.parse("2024-04-02"), 2L),
            Map.entry(LocalDate.parse("2024-04-08"), 4L));
    assertThat(c.byWeek())
        .containsExactly(
            Map.entry(LocalDate.parse("2024-04-01"), 4L),
            Map.entry(LocalDate.parse("2024-04-08"), 4L));
  }

  @Test
  @DisplayName("participants are authors of counted submissions and endorsers of them")
  void participants() {
    ParticipantStats p = stats.participants();
    // p1..p6 gave counted submissions; p3 and p4 also endorsed; p7 (pending), p8 (hidden) and p9
    // (endorsed the hidden one) are not participants.
    assertThat(p.all().count()).isEqualTo(6);
    assertThat(p.all().exact()).isTrue();
    // Yuzhong: authors p1 p2 p5 p6, endorsers p3 (of #5) and p4 (of #6). Jiangbei: p3 p4 p1.
    assertThat(p.byDistrict().get(YUZHONG).count()).isEqualTo(6);
    assertThat(p.byDistrict().get(JIANGBEI).count()).isEqualTo(3);
  }

  @Test
  @DisplayName(
      "terms: keywords whole, synonyms merged, stop words dropped, one count per submission")
  void terms() {
    TermStats t = stats.terms();
    // 热情: #3 (热情), #4 (enthusiastic), #8 (Enthusiasm). 耿直: #3, #4 (candid).
    // 山水, 城, 美丽: #5, #6, #7 (之, 地 and 都 are stop words). 山城: #1, #2.
    assertThat(t.top(6))
        .containsExactly(
            new TermCount("城", 3),
            new TermCount("山水", 3),
            new TermCount("热情", 3),
            new TermCount("美丽", 3),
            new TermCount("山城", 2),
            new TermCount("耿直", 2));
    assertThat(t.overall())
        .containsEntry("chongqing", 1L)
        .containsEntry("people", 1L)
        .containsEntry("重庆", 1L)
        .containsEntry("解放碑", 1L)
        .doesNotContainKeys("麻辣", "雄起", "我", "are", "and");
    assertThat(t.top(2, YUZHONG)).containsExactly(new TermCount("城", 2), new TermCount("山城", 2));
    assertThat(t.top(1, Role.EXPERT)).containsExactly(new TermCount("chongqing", 1));
    assertThat(t.top(5, Channel.CARD)).containsExactly(new TermCount("山城", 1));
  }

  @Test
  @DisplayName("rising terms compare a week with the week before, above a minimum support")
  void risingTerms() {
    List<RisingTerm> rising = stats.terms().rising(LocalDate.parse("2024-04-08"), 7, 2, 10);
    assertThat(rising)
        .extracting(RisingTerm::term)
        .containsExactly("城", "山水", "美丽"); // 热情: 1 this week < support 2
    assertThat(rising.get(0)).isEqualTo(new RisingTerm("城", 3, 0, 4.0));
  }

  @Test
  @DisplayName("co-occurring terms count the submissions two terms share")
  void cooccurrence() {
    List<TermCount> with = stats.terms().cooccurring("热情", 10);
    assertThat(with.get(0)).isEqualTo(new TermCount("耿直", 2));
    // #3 has six terms; only its first five (重庆 人 耿直 热情 爱) form pairs, so not 解放碑.
    assertThat(with)
        .extracting(TermCount::term)
        .contains("chongqing", "people", "重庆", "爱")
        .doesNotContain("热情", "解放碑");
  }

  @Test
  @DisplayName(
      "identical and near-identical slogans merge into one candidate with combined support")
  void sloganCandidate() {
    List<Candidate> candidates = stats.candidates();
    assertThat(candidates).hasSize(1);
    Candidate c = candidates.get(0);
    assertThat(c.submissions()).isEqualTo(3);
    // Authors p2 p5 p1, endorsers p3 (twice) and p4: five distinct supporters.
    assertThat(c.supporters()).isEqualTo(5);
    assertThat(c.endorsements()).isEqualTo(3);
    // Variants are the normalized (NFKC) texts: full-width punctuation became ASCII.
    assertThat(c.variants()).containsExactlyInAnyOrder("山水之城,美丽之地", "山水之城 美丽之地!", "山水之城美丽之都");
    // Trials: participants of Yuzhong or Jiangbei = 6.
    assertThat(c.trials()).isEqualTo(6);
    // Wilson lower bound for 5/6 at z = 1.96, by hand: 0.4365.
    assertThat(c.score()).isCloseTo(0.4365, within(1e-4));
    assertThat(c.byDistrict()).containsExactly(Map.entry(JIANGBEI, 1L), Map.entry(YUZHONG, 2L));
  }

  @Test
  @DisplayName("the shortlist exports to JSON and CSV")
  void shortlistExport() {
    Shortlist shortlist = stats.shortlist(10);
    String json = AggregationJson.toJson(shortlist);
    assertThat(json).contains("\"candidates\"", "\"supporters\":5", "\"trials\":6");
    assertThat(AggregationJson.shortlist(json)).isEqualTo(shortlist);
    String csv = AggregationJson.toCsv(shortlist);
    assertThat(csv.split("\r\n"))
        .containsExactly(
            "rank,text,score,supporters,trials,submissions,endorsements,districts,variants",
            "1,"
                + shortlist.candidates().get(0).text()
                + ",0.436491,5,6,3,3,jiangbei;yuzhong,\""
                + String.join(" | ", shortlist.candidates().get(0).variants())
                + "\"");
  }

  @Test
  @DisplayName("statistics survive a JSON round trip unchanged, with stable field names")
  void jsonRoundTrip() {
    String json = AggregationJson.toJson(stats);
    assertThat(json)
        .startsWith(
            "{\"zone\":\"Asia/Shanghai\",\"participantKeyId\":\""
                + stats.participantKeyId()
                + "\",\"counts\":{\"byStatus\":{\"PENDING\":1,")
        .contains("\"byDistrict\":{\"jiangbei\":3,\"yuzhong\":5}")
        .contains("\"2024-04-02T20:00\":1")
        .doesNotContain("p1", "p2");
    assertThat(AggregationJson.campaignStats(json)).isEqualTo(stats);
    assertThat(AggregationJson.toJson(AggregationJson.campaignStats(json))).isEqualTo(json);
  }

  @Test
  @DisplayName(
      "open data at k = 3 keeps the cells of at least 3 people and holds back the rest, with no"
          + " participant hashes")
  void openDataAtThree() {
    OpenDataStats open = stats.openData(3);
    assertThat(open.submissions()).isEqualTo(8);
    assertThat(open.participants()).isEqualTo(6);
    assertThat(open.districts())
        .containsEntry(District.of("jiangbei"), new OpenDataStats.DistrictFigures(3, 3))
        .containsEntry(District.of("yuzhong"), new OpenDataStats.DistrictFigures(5, 6));
    assertThat(open.byChannel()).containsExactly(Map.entry(ONLINE, 3L));
    assertThat(open.byRole()).containsExactly(Map.entry(RESIDENT, 4L));
    assertThat(open.topTerms()).extracting(TermCount::term).containsExactly("城", "山水", "热情", "美丽");
    assertThat(open.slogans())
        .singleElement()
        .satisfies(s -> assertThat(s.supporters()).isEqualTo(4));
    // channels 5 of 6 cells, roles 3 of 4, terms 8 of 12, slogans 1 of 2
    assertThat(open.suppressed()).isEqualTo(5 + 3 + 8 + 1);
    assertThat(AggregationJson.toJson(stats)).contains("members");
    assertThat(open.toString()).doesNotContain("members");
  }

  @Test
  @DisplayName(
      "open data at the default k = 5 holds back Jiangbei (3 people) and every cell under 5")
  void openDataAtDefault() {
    OpenDataStats open = stats.openData(OpenDataStats.DEFAULT_K);
    assertThat(open.districts()).containsOnlyKeys(District.of("yuzhong"));
    assertThat(open.byChannel()).isEmpty();
    assertThat(open.topTerms()).isEmpty();
    assertThat(open.slogans()).isEmpty();
    assertThat(open.participants()).isEqualTo(6);
  }

  @Test
  @DisplayName("a campaign with fewer than k participants publishes nothing but what was held back")
  void openDataBelowK() {
    OpenDataStats open = stats.openData(7);
    assertThat(open.submissions()).isZero();
    assertThat(open.participants()).isZero();
    assertThat(open.districts()).isEmpty();
    assertThat(open.suppressed()).isEqualTo(2 + 6 + 4 + 12 + 2);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> stats.openData(0))
        .isInstanceOf(dev.spirit.error.InvalidInputException.class)
        .hasMessageContaining("at least 1");
  }
}
