package dev.spirit.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.campaign.SubmissionKind;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Term extraction")
class TermExtractorTest {
  private final TermExtractor extractor = new TermExtractor(Fixtures.CONFIG);

  @ParameterizedTest(name = "{0} stays one word")
  @CsvSource({"繁荣", "热情", "担当", "耿直", "山城", "巴渝", "解放碑", "雄起", "两江"})
  @DisplayName("real campaign words from the seed articles stay whole")
  void campaignWordsStayWhole(String word) {
    assertThat(Segmenter.hanlp().segment(word)).containsExactly(word);
  }

  @Test
  @DisplayName("campaign vocabulary added at run time keeps 洪崖洞 and 千与千寻 whole")
  void vocabularyKeepsPlacesWhole() {
    assertThat(extractor.terms(SubmissionKind.MESSAGE, "我爱解放碑和洪崖洞"))
        .containsExactly("爱", "解放碑", "洪崖洞");
    assertThat(extractor.terms(SubmissionKind.MESSAGE, "洪崖洞像千与千寻"))
        .containsExactly("洪崖洞", "像", "千与千寻");
  }

  @Test
  @DisplayName("traditional text is converted before segmenting, so it counts with simplified")
  void traditionalIsConverted() {
    assertThat(extractor.terms(SubmissionKind.MESSAGE, "重慶人很耿直")).containsExactly("重庆", "人", "耿直");
    assertThat(extractor.terms(SubmissionKind.MESSAGE, "山城熱情")).containsExactly("山城", "热情");
  }

  @Test
  @DisplayName("a keyword submission counts once, whole, not per character or word")
  void keywordCountsWhole() {
    assertThat(extractor.terms(SubmissionKind.KEYWORD, "山城")).containsExactly("山城");
    assertThat(extractor.terms(SubmissionKind.KEYWORD, "「山城重庆」！")).containsExactly("山城重庆");
    assertThat(extractor.terms(SubmissionKind.KEYWORD, "Mountain City"))
        .containsExactly("mountain city");
    assertThat(extractor.terms(SubmissionKind.KEYWORD, "Mountains")).containsExactly("mountain");
    assertThat(extractor.terms(SubmissionKind.KEYWORD, "Candor")).containsExactly("耿直");
    assertThat(extractor.terms(SubmissionKind.KEYWORD, "the")).isEmpty();
    assertThat(extractor.terms(SubmissionKind.KEYWORD, "！！")).isEmpty();
  }

  @Test
  @DisplayName("the synonym table counts 热情, 熱情, enthusiasm and Enthusiastic as one concept")
  void synonymsMergeConcepts() {
    for (String text : List.of("热情", "熱情", "enthusiasm", "Enthusiastic")) {
      assertThat(extractor.terms(SubmissionKind.KEYWORD, text)).as(text).containsExactly("热情");
    }
    assertThat(extractor.terms(SubmissionKind.MESSAGE, "So ENTHUSIASTIC and candid!"))
        .containsExactly("热情", "耿直");
  }

  @Test
  @DisplayName("without a synonym entry, enthusiastic and enthusiasm stay different words")
  void noStemmingAcrossDerivations() {
    TermExtractor plain = new TermExtractor(AggregationConfig.defaults());
    assertThat(plain.terms(SubmissionKind.MESSAGE, "enthusiastic enthusiasm"))
        .containsExactly("enthusiastic", "enthusiasm");
  }

  @Test
  @DisplayName("English is case-folded, lightly stemmed and stripped of stop words and numbers")
  void englishTokenization() {
    assertThat(
            extractor.terms(
                SubmissionKind.MESSAGE, "Chongqing's Mountains and Rivers: the cities of 2024!"))
        .containsExactly("chongqing", "mountain", "river", "city");
    assertThat(extractor.terms(SubmissionKind.MESSAGE, "Shopping, running, interesting people"))
        .containsExactly("shop", "run", "interesting", "people");
  }

  @Test
  @DisplayName("mixed Chinese and English text yields both kinds of terms in order")
  void mixedText() {
    assertThat(extractor.terms(SubmissionKind.MESSAGE, "山城 is so enthusiastic, 巴渝文化 rocks"))
        .containsExactly("山城", "热情", "巴渝", "文化", "rock");
  }

  @Test
  @DisplayName("Chinese stop words and punctuation are dropped and repeated words count once")
  void chineseStopWords() {
    assertThat(extractor.terms(SubmissionKind.MESSAGE, "我们的山城，我们的山城！")).containsExactly("山城");
  }

  @Test
  @DisplayName("the words people gave in the seed articles become their concepts")
  void seedArticleWords() throws Exception {
    String first = Fixtures.seedArticles().get(0);
    List<String> terms = extractor.terms(SubmissionKind.MESSAGE, first);
    // "prosperity," "enthusiasm," "proactivity," and "candor" on the red boards of Jiefangbei.
    assertThat(terms).contains("繁荣", "热情", "proactivity", "耿直", "jiefangbei", "yuzhong");
    assertThat(terms).doesNotContain("the", "and", "prosperity", "candor", "enthusiasm");
  }

  @Test
  @DisplayName("terms come from the public text: what moderation masked never becomes a term")
  void redactedTextIsUsed() {
    dev.spirit.submission.Submission s =
        Fixtures.submission(
                dev.spirit.campaign.CampaignId.generate(java.time.Instant.EPOCH),
                "p1",
                dev.spirit.participant.Role.RESIDENT,
                "yuzhong",
                dev.spirit.campaign.Channel.ONLINE,
                SubmissionKind.MESSAGE,
                "我叫张伟，山城耿直",
                "2024-04-01T02:00:00Z",
                dev.spirit.submission.SubmissionStatus.APPROVED)
            .toBuilder()
            .moderation(
                java.util.Optional.of(
                    new dev.spirit.submission.ModerationRecord(
                        dev.spirit.submission.ModerationDecision.APPROVE,
                        List.of(),
                        java.util.Map.of(),
                        java.util.Optional.of("我叫**，山城耿直"),
                        java.time.Instant.EPOCH)))
            .build();
    assertThat(extractor.terms(s)).contains("山城", "耿直").doesNotContain("张伟");
  }

  @Test
  @DisplayName("slogan keys ignore punctuation, spacing, case and traditional characters")
  void sloganKeys() {
    assertThat(extractor.sloganKey("山水之城，美丽之地！")).isEqualTo("山水之城美丽之地");
    assertThat(extractor.sloganKey("山水之城 美丽之地")).isEqualTo("山水之城美丽之地");
    assertThat(extractor.sloganKey("山水之城 美麗之地")).isEqualTo("山水之城美丽之地");
    assertThat(extractor.sloganKey("A City of Mountains!")).isEqualTo("a city of mountains");
  }
}
