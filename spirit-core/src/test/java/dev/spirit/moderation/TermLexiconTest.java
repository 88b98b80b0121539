package dev.spirit.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.error.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("A term lexicon")
class TermLexiconTest {
  private static final TermLexicon LEXICON =
      TermLexicon.builder()
          .block("casino", "gambling")
          .block("ass", "profanity")
          .block("scam", "fraud")
          .block("buy followers", "spam")
          .block("赌场", "gambling")
          .block("代开发票", "fraud")
          .review("垃圾", "insult")
          .allow("垃圾分类")
          .allow("classic")
          .build();

  @ParameterizedTest(name = "finds {1} in \"{0}\" at \"{2}\"")
  @DisplayName("finds evasions and maps the span back to the original text")
  @CsvSource(
      delimiter = '|',
      value = {
        "visit the CASINO now|casino|CASINO",
        "ｃａｓｉｎｏ tonight|casino|ｃａｓｉｎｏ",
        "the c.a.s.i.n.o and hills|casino|c.a.s.i.n.o",
        "c\u200Ba\u200Dsino|casino|c\u200Ba\u200Dsino",
        "caaaasino!|casino|caaaasino",
        "cas1n0 here|casino|cas1n0",
        "ca$ino here|casino|ca$ino",
        "c a s i n o|casino|c a s i n o",
        "\u0441asino|casino|\u0441asino",
        "cas\u0301ino|casino|cas\u0301ino",
        "a s s|ass|a s s",
        "ｂｕｙ　ｆｏｌｌｏｗｅｒｓ now|buy followers|ｂｕｙ　ｆｏｌｌｏｗｅｒｓ",
        "洪崖洞旁边有賭場|赌场|賭場",
        "重庆代、开、\u200B发、票欢迎你|代开发票|代、开、\u200B发、票",
        "赌 * 场|赌场|赌 * 场",
        "我爱casino|casino|casino",
        "caasino tonight|casino|caasino",
        "casiino tonight|casino|casiino",
      })
  void findsEvasions(String text, String term, String span) {
    List<TermMatch> found = LEXICON.find(text);
    assertThat(found).extracting(m -> m.term().text()).contains(term);
    TermMatch match = found.stream().filter(m -> m.term().text().equals(term)).findFirst().get();
    assertThat(match.span().of(text)).isEqualTo(span);
  }

  @ParameterizedTest(name = "\"{0}\" is clean")
  @DisplayName("does not flag innocent words that contain a term or words that merely sit together")
  @CsvSource(
      delimiter = '|',
      value = {
        "a classic city",
        "the embassy district",
        "Cassino is a town in Italy",
        "scampi in Jiefangbei",
        "this is camping",
        "pass it on",
        "垃圾分类从我做起",
        "景色，情意",
        "5 apples, 3 pears",
        "2023年10月1日",
        "FUCK!!! is not a term here",
        "Cassino again",
        "casinno",
      })
  void clean(String text) {
    assertThat(LEXICON.find(text)).isEmpty();
  }

  private static final TermLexicon PROFANITY =
      TermLexicon.builder().block("fuck", "profanity").block("escort", "sexual").build();

  @ParameterizedTest(name = "\"{0}\" holds {1}: {2}")
  @DisplayName("reads a letter doubled where English never doubles it as the term's single letter")
  @CsvSource(
      delimiter = '|',
      value = {
        "fuuck off|fuck|true",
        "fucck off|fuck|true",
        "FUUCK|fuck|true",
        "f.u.u.c.k|fuck|true",
        "call an escorrt|escort|true",
        "ｅｓｃｏｒｒｔ|escort|true",
        "escort|escort|true",
        // English doubles a consonant between vowels: a double there is still no single letter.
        "esccort|escort|false",
        "escoort|escort|false",
        "ffuck|fuck|false",
        // Still whole words only.
        "escorrting|escort|false",
        "fuccking|fuck|false",
      })
  void strayDoubles(String text, String term, boolean found) {
    assertThat(PROFANITY.find(text)).extracting(m -> m.term().text()).hasSize(found ? 1 : 0);
  }

  @Test
  @DisplayName("reports review terms with their category and every occurrence")
  void reviewTerms() {
    LexiconRule rule = new LexiconRule(LEXICON);
    RuleVerdict verdict = rule.check("垃圾 and 垃-圾");
    assertThat(verdict.decision()).hasToString("REVIEW");
    assertThat(verdict.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("review-term");
              assertThat(f.detail()).contains("垃圾").contains("insult");
              assertThat(f.spans()).hasSize(2);
            });
  }

  @Test
  @DisplayName("reads the tab-separated format and names the line of a malformed entry")
  void readsTsv() {
    TermLexicon parsed =
        TermLexicon.parse(
            "term\tcategory\taction\n# comment\nfoo\\tbar\tx\tblock\nbaz\ty\treview\n", "");
    assertThat(parsed.terms())
        .containsExactly(
            new Term("foo\tbar", "x", TermAction.BLOCK), new Term("baz", "y", TermAction.REVIEW));
    assertThatThrownBy(() -> TermLexicon.parse("term\tcategory\taction\nfoo\tx\tdelete\n", ""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("lexicon.tsv:2")
        .hasMessageContaining("block or review");
    assertThatThrownBy(() -> TermLexicon.parse("term\tcategory\taction\nfoo\n", ""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("lexicon.tsv:2");
    assertThatThrownBy(() -> TermLexicon.builder().block("!!!", "x").build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no letters");
  }

  @Test
  @DisplayName("has a version that depends on its content only")
  void version() {
    TermLexicon a = TermLexicon.builder().block("x1", "c").allow("y").build();
    TermLexicon b = TermLexicon.builder().allow("y").block("x1", "c").build();
    TermLexicon c = TermLexicon.builder().review("x1", "c").allow("y").build();
    assertThat(a.version()).isEqualTo(b.version()).isNotEqualTo(c.version());
  }

  @Test
  @DisplayName("keeps the strictest action of a term given twice")
  void strictest() {
    TermLexicon l = TermLexicon.builder().block("bad", "x").review("bad", "y").build();
    assertThat(l.terms()).singleElement().extracting(Term::action).isEqualTo(TermAction.BLOCK);
  }
}
