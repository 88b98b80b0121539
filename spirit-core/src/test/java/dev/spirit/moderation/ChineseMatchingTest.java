package dev.spirit.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.error.InvalidInputException;
import dev.spirit.submission.ModerationDecision;
import java.io.StringReader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Chinese-aware term matching")
class ChineseMatchingTest {
  private static final TermLexicon LEXICON =
      TermLexicon.parse(
          "term\tcategory\taction\taliases\toptions\n"
              + "赌场\tgambling\tblock\n"
              + "冰毒\tdrugs\tblock\n"
              + "色情\tsexual\tblock\n"
              + "博彩\tgambling\tblock\n"
              + "办证\tfraud\tblock\n"
              + "傻逼\tprofanity\tblock\tsb\n"
              + "贷款\tspam\treview\t\texact\n",
          "垃圾分类\n");

  private static boolean finds(String text, String term) {
    return LEXICON.find(text).stream().anyMatch(m -> m.term().text().equals(term));
  }

  @ParameterizedTest(name = "\"{0}\" holds {1}")
  @DisplayName("catches the evasion families")
  @CsvSource({
    "明晚duchang见,赌场",
    "DuChang开门,赌场",
    "du-chang在哪,赌场",
    "dǔchǎng,赌场",
    "ｄｕｃｈａｎｇ,赌场",
    "赌chang见,赌场",
    "du场见,赌场",
    "睹场开门,赌场",
    "贝者场欢迎,赌场",
    "賭場,赌场",
    "来点冰🧊毒,冰毒",
    "'色，情，',色情",
    "你就是sb吧,傻逼",
    "du3chang3,赌场",
    "du3-chang3,赌场",
    "DU3CHANG3,赌场",
    "明晚 du3 chang3 见,赌场",
    "duchang3,赌场",
    "se4qing2 图片,色情",
    "博采平台,博彩",
    "线上博采返水高,博彩",
  })
  void catches(String text, String term) {
    assertThat(finds(text, term)).isTrue();
  }

  @ParameterizedTest(name = "\"{0}\" is clean")
  @DisplayName("leaves innocent texts alone")
  @ValueSource(
      strings = {
        "重庆特色情调",
        "景色情意",
        "The dancers wore bingdun costumes",
        "The Duchamp exhibition",
        "电脑中了病毒",
        "asbestos and sbarro",
        "带宽不够",
        "博采众长",
        "mp3 and win10",
      })
  void clean(String text) {
    assertThat(LEXICON.find(text)).isEmpty();
  }

  @Test
  @DisplayName("sends a text that warns against a blocked term to review, not rejection")
  void warnings() {
    LexiconRule rule = new LexiconRule(LEXICON);
    assertThat(rule.check("远离赌场，珍爱家庭").decision()).isEqualTo(ModerationDecision.REVIEW);
    assertThat(rule.check("严禁冰毒").findings())
        .extracting(f -> f.code())
        .containsExactly("warned-term");
    assertThat(rule.check("冰毒诈骗案件").decision()).isEqualTo(ModerationDecision.REVIEW);
    assertThat(rule.check("冰毒现货").decision()).isEqualTo(ModerationDecision.REJECT);
  }

  @ParameterizedTest(name = "\"{0}\" goes to review")
  @DisplayName("sends a blocked term naming a public service to review, not rejection")
  @ValueSource(strings = {"办证大厅搬到了新址", "办证指南已更新", "办证须知请看公告栏", "办证预约电话"})
  void publicService(String text) {
    RuleVerdict verdict = new LexiconRule(LEXICON).check(text);
    assertThat(verdict.decision()).isEqualTo(ModerationDecision.REVIEW);
    assertThat(verdict.findings()).extracting(f -> f.code()).containsExactly("warned-term");
  }

  @ParameterizedTest(name = "\"{0}\" is still rejected")
  @DisplayName("still rejects the offer itself")
  @ValueSource(strings = {"办证加急", "专业办证请联系", "ban3zheng4 不用排队"})
  void offers(String text) {
    assertThat(new LexiconRule(LEXICON).check(text).decision())
        .isEqualTo(ModerationDecision.REJECT);
  }

  @Test
  @DisplayName("matches only the exact characters of a term marked exact")
  void exactTerms() {
    assertThat(finds("低息贷款", "贷款")).isTrue();
    assertThat(finds("低息代款", "贷款")).isFalse();
  }

  @Nested
  @DisplayName("refuses a bad file whole, naming file:line")
  class BadInput {
    private void refused(String lexicon, String allow, String where, String what) {
      assertThatThrownBy(
              () ->
                  TermLexicon.read(
                      new StringReader(lexicon), "city.tsv", new StringReader(allow), "allow.txt"))
          .isInstanceOf(LexiconFormatException.class)
          .hasMessageContaining(where)
          .hasMessageContaining(what);
    }

    @Test
    @DisplayName("a missing column")
    void missingColumn() {
      refused("term\tcategory\taction\n赌场\tgambling\n", "", "city.tsv:2", "at least 3");
    }

    @Test
    @DisplayName("an unknown action or option")
    void unknownAction() {
      refused("赌场\tgambling\tban\n", "", "city.tsv:1", "block or review");
      refused("赌场\tgambling\tblock\t\tfuzzy\n", "", "city.tsv:1", "unknown option");
    }

    @Test
    @DisplayName("an empty term, or one that folds to nothing")
    void emptyTerm() {
      refused("x\ty\tblock\n \tgambling\tblock\n", "", "city.tsv:2", "empty");
      refused("x\ty\tblock\n…！\tgambling\tblock\n", "", "city.tsv:2", "no letters");
      refused("x\ty\tblock\n", "ok\n、、\n", "allow.txt:2", "no letters");
    }

    @Test
    @DisplayName("a term given twice with two actions")
    void duplicate() {
      refused("赌场\tgambling\tblock\n赌场\tgambling\treview\n", "", "city.tsv:2", "line 1");
    }
  }

  @Test
  @DisplayName("layers a district's lexicon over the city's, refusing to lower a block term")
  void layering() {
    TermLexicon city = LEXICON;
    TermLexicon district = TermLexicon.parse("办证\tfraud\tblock\n贷款\tspam\tblock\n", "赌场规则\n");
    TermLexicon layered = TermLexicon.layered(city, district);
    assertThat(layered.terms()).extracting(Term::text).contains("赌场", "办证", "贷款");
    assertThat(
            layered.terms().stream()
                .filter(t -> t.text().equals("贷款"))
                .findFirst()
                .orElseThrow()
                .action())
        .isEqualTo(TermAction.BLOCK);
    assertThat(layered.allowList()).contains("垃圾分类", "赌场规则");
    assertThat(layered.version()).isNotEqualTo(city.version());
    TermLexicon lowering = TermLexicon.parse("赌场\tgambling\treview\n", "");
    assertThatThrownBy(() -> TermLexicon.layered(city, lowering))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cannot lower");
  }

  @Test
  @DisplayName("gives equal content an equal SHA-256 version, whatever the row order")
  void version() {
    TermLexicon a = TermLexicon.parse("赌场\tg\tblock\n色情\ts\tblock\n", "");
    TermLexicon b = TermLexicon.parse("色情\ts\tblock\n赌场\tg\tblock\n", "");
    TermLexicon c = TermLexicon.parse("色情\ts\tblock\n赌场\tg\treview\n", "");
    assertThat(a.version())
        .isEqualTo(b.version())
        .isNotEqualTo(c.version())
        .matches("2t-0a-[0-9a-f]{64}");
  }
}
