package dev.spirit.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The normalized view")
class NormalizedViewTest {

  @ParameterizedTest(name = "\"{0}\" folds to \"{1}\"")
  @DisplayName("folds each kind of evasion")
  @CsvSource(
      delimiter = '|',
      value = {
        "CaSiNo|casino",
        "ｃａｓｉｎｏ|casino",
        "c\u200Ba\u200Cs\u200Di\u2060n\uFEFFo|casino",
        "\u202Ecasino\u202C|casino",
        "c.a-s_i~n*o|casino",
        "cas1n0|casino",
        "$c@m|scam",
        "\u0441\u0430sino|casino",
        "ca\u0301s\u0308ino|casino",
        "𝐜𝐚𝐬𝐢𝐧𝐨|casino",
        "ﬁx|fix",
        "賭場|赌场",
        "代開發票|代开发票",
        "2023年|年",
        "FUCK!!!|fuck",
        "du3chang3|duchang",
        "DU3-CHANG3|duchang",
        "ni3hao3|nihao",
        "ca5ino|casino",
        "pu55y|pusy",
        "sh1t|shit",
        "shi7|shit",
        "mp3|mpe",
      })
  void folds(String text, String folded) {
    assertThat(NormalizedView.of(text).toString()).isEqualTo(folded);
  }

  @Test
  @DisplayName("maps every symbol back to its range in the original text")
  void spans() {
    String text = "x 𝐜a\u0301a\u200Bs ﬁ";
    NormalizedView v = NormalizedView.of(text);
    assertThat(v.toString()).isEqualTo("xcasfi");
    assertThat(text.substring(v.start(1), v.end(1))).isEqualTo("𝐜");
    // The repeated a (with its accent and the zero-width space before s) is one symbol, run 2.
    assertThat(v.run(2)).isEqualTo(2);
    assertThat(text.substring(v.start(2), v.end(2))).isEqualTo("a\u0301a");
    assertThat(text.substring(v.start(4), v.end(4))).isEqualTo("ﬁ");
    assertThat(text.substring(v.start(5), v.end(5))).isEqualTo("ﬁ");
    assertThat(v.gapBefore(1)).isEqualTo(1);
    assertThat(v.gapBefore(3)).isZero();
  }

  @Test
  @DisplayName("records hard boundaries and turns look-alikes into letters only among letters")
  void boundaries() {
    NormalizedView v = NormalizedView.of("毒，品");
    assertThat(v.hardBefore(1)).isTrue();
    assertThat(NormalizedView.of("p 0 r n").toString()).isEqualTo("porn");
    assertThat(NormalizedView.of("I have 3 cats").toString()).isEqualTo("ihavecats");
    assertThat(NormalizedView.of("$5 each").toString()).isEqualTo("each");
  }
}
