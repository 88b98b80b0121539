package dev.spirit.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.campaign.ModerationMode;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.campaign.SubmissionRules;
import dev.spirit.participant.Participant;
import dev.spirit.participant.Role;
import dev.spirit.submission.SubmissionRequest;
import dev.spirit.submission.SubmissionStatus;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Report figures and the HTML report")
class HtmlReportTest {
  private Spirit spirit;
  private Campaign campaign;

  @BeforeEach
  void setUp() {
    spirit = Spirit.builder().storeUri("mem:").build();
    campaign =
        spirit
            .campaigns()
            .create(
                Campaign.builder("report-test")
                    .title("渝中<精神>", "Spirit & <Yuzhong>")
                    .prompt("一个词", "One word")
                    .districts("yuzhong", "jiangbei")
                    .allChannels()
                    .rules(SubmissionRules.builder().moderationMode(ModerationMode.POST).build())
                    .build());
    spirit.campaigns().open(campaign.id());
  }

  @AfterEach
  void tearDown() {
    spirit.close();
  }

  private void give(String text, String who, String district, SubmissionKind kind) {
    spirit
        .submit(
            SubmissionRequest.builder(campaign.id())
                .text(text)
                .kind(kind)
                .district(district)
                .channel(Channel.CARD)
                .participant(Participant.consenting(who, Role.RESIDENT))
                .build())
        .orThrow();
  }

  @Test
  @DisplayName("words count each participant once, case-insensitively, only when approved")
  void figures() {
    give("Candor", "a", "yuzhong", SubmissionKind.KEYWORD);
    give("candor", "b", "yuzhong", SubmissionKind.KEYWORD);
    give("candor", "b", "jiangbei", SubmissionKind.KEYWORD);
    give("耿直", "c", "jiangbei", SubmissionKind.KEYWORD);
    give("山水之城 美丽之地", "d", "jiangbei", SubmissionKind.SLOGAN);
    var s =
        spirit.submissions().stream(dev.spirit.storage.SubmissionFilter.all(campaign.id()))
            .toList();
    spirit
        .review()
        .changeStatus(s.get(3).id(), s.get(3).version(), SubmissionStatus.HIDDEN, "t", "test");

    ReportData data =
        ScanReportData.scan(spirit, spirit.campaigns().find(campaign.id()).orElseThrow());
    assertThat(data.total()).isEqualTo(5);
    assertThat(data.topTerms(5)).containsExactly(new ReportData.TermCount("candor", 2));
    assertThat(data.topTermsByDistrict(5).get(District.of("jiangbei")))
        .containsExactly(new ReportData.TermCount("candor", 1));
    assertThat(data.shortlist(5))
        .extracting(ReportData.ShortlistEntry::text)
        .containsExactly("candor", "山水之城 美丽之地");
    assertThat(data.shortlist(1).get(0).districts()).hasSize(2);
    assertThat(data.byStatus()).containsEntry(SubmissionStatus.HIDDEN, 1L);
    assertThat(data.byChannel()).containsEntry(Channel.CARD, 5L).containsEntry(Channel.ONLINE, 0L);
  }

  @Test
  @DisplayName("escapes every text it shows")
  void escapes() {
    give("<b>x</b>", "a", "yuzhong", SubmissionKind.SLOGAN);
    String html =
        HtmlReport.render(
            ScanReportData.scan(spirit, spirit.campaigns().find(campaign.id()).orElseThrow()),
            LocalDate.of(2024, 4, 1));
    assertThat(html)
        .contains("渝中&lt;精神&gt;", "Spirit &amp; &lt;Yuzhong&gt;", "&lt;b&gt;x&lt;/b&gt;")
        .doesNotContain("<b>x</b>", "<精神>");
  }

  @Test
  @DisplayName("word cloud layout keeps words inside the box and apart from each other")
  void cloudLayout() {
    List<ReportData.TermCount> terms =
        List.of(
            new ReportData.TermCount("耿直", 90),
            new ReportData.TermCount("enthusiasm", 40),
            new ReportData.TermCount("热情", 30),
            new ReportData.TermCount("prosperity", 10),
            new ReportData.TermCount("包容", 5));
    List<WordCloud.PlacedWord> placed = WordCloud.layout(terms, 360, 220);
    assertThat(placed).hasSize(5);
    assertThat(placed.get(0).size()).isGreaterThan(placed.get(4).size());
    for (WordCloud.PlacedWord w : placed) {
      double half = WordCloud.estimateWidth(w.text(), w.size()) / 2;
      assertThat(w.x() - half).isGreaterThanOrEqualTo(0);
      assertThat(w.x() + half).isLessThanOrEqualTo(360);
    }
    assertThat(WordCloud.layout(terms, 360, 220)).isEqualTo(placed);
  }
}
