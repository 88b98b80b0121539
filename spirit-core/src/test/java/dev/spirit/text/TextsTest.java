package dev.spirit.text;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.error.InvalidInputException;
import dev.spirit.submission.SubmissionText;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Text validation and normalization")
class TextsTest {

  static Stream<Arguments> normalization() {
    return Stream.of(
        Arguments.of("full-width letters", "ＡＢＣ", "ABC"),
        Arguments.of("full-width digits and punctuation", "１２３！", "123!"),
        Arguments.of("ideographic space", "重庆\u3000精神", "重庆 精神"),
        Arguments.of("ligature", "ﬁne", "fine"),
        Arguments.of("circled digit", "①号", "1号"),
        Arguments.of("half-width katakana", "ｶﾀｶﾅ", "カタカナ"),
        Arguments.of("decomposed accent composed", "Cafe\u0301", "Café"),
        Arguments.of("zero-width space", "耿\u200B直", "耿直"),
        Arguments.of("zero-width non-joiner and joiner", "a\u200Cb\u200Dc", "abc"),
        Arguments.of("word joiner", "a\u2060b", "ab"),
        Arguments.of("byte-order mark", "\uFEFF耿直", "耿直"),
        Arguments.of("soft hyphen", "co\u00ADop", "coop"),
        Arguments.of("right-to-left override", "\u202Eabc\u202C", "abc"),
        Arguments.of("bidi isolates", "\u2066abc\u2069", "abc"),
        Arguments.of("left-to-right and right-to-left marks", "a\u200Eb\u200F", "ab"),
        Arguments.of("Arabic letter mark", "a\u061Cb", "ab"),
        Arguments.of("emoji variation selector", "❤\uFE0F重庆", "❤重庆"),
        Arguments.of("whitespace runs folded and trimmed", "  山水 \t\n 之城  ", "山水 之城"),
        Arguments.of("no-break space", "a\u00A0b", "a b"),
        Arguments.of("CRLF", "a\r\nb", "a b"),
        Arguments.of("line and paragraph separators", "a\u2028b\u2029c", "a b c"),
        Arguments.of("zero-width between a letter and its mark", "e\u200B\u0301", "é"),
        Arguments.of("emoji with skin tone kept", "👍🏽", "👍🏽"),
        Arguments.of("supplementary-plane ideograph kept", "𠀀𪚥", "𠀀𪚥"),
        Arguments.of("flags kept", "🇨🇳", "🇨🇳"),
        Arguments.of("right-to-left letters kept", "مرحبا", "مرحبا"),
        Arguments.of("only invisible characters", "\u200B\u2060\uFEFF", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("normalization")
  @DisplayName("normalization folds compatibility forms, drops invisibles, folds whitespace")
  void normalizes(String label, String input, String expected) {
    assertThat(Texts.normalize(input)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("normalization")
  @DisplayName("normalizing twice changes nothing more")
  void idempotent(String label, String input, String expected) {
    String once = Texts.normalize(input);
    assertThat(Texts.normalize(once)).isEqualTo(once);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("normalization")
  @DisplayName("the original text is kept byte for byte next to its normalized form")
  void originalPreserved(String label, String input, String expected) {
    if (input.isEmpty()) {
      return;
    }
    SubmissionText text = SubmissionText.of(input);
    assertThat(text.original()).isSameAs(input);
    assertThat(text.original().getBytes(UTF_8)).isEqualTo(input.getBytes(UTF_8));
    assertThat(text.normalized()).isEqualTo(expected);
    assertThat(text.length()).isEqualTo(expected.codePointCount(0, expected.length()));
    assertThat(Texts.requireWellFormed("text", input)).isSameAs(input);
  }

  @Test
  @DisplayName(
      "the hard limit counts code points: 20 000 supplementary characters pass, 20 001 do not")
  void hardLimit() {
    String max = "𠀀".repeat(Texts.MAX_CODE_POINTS);
    assertThat(Texts.requireWellFormed("text", max)).isSameAs(max);
    assertThatThrownBy(() -> Texts.requireWellFormed("text", max + "a"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("20000");
    assertThatThrownBy(() -> Texts.requireWellFormed("text", "a".repeat(Texts.MAX_CODE_POINTS + 1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("20000");
  }

  @Test
  @DisplayName("a label must be one visible line within its length")
  void labels() {
    assertThat(Texts.requireLabel("name", "staff-王", 10)).isEqualTo("staff-王");
    assertThatThrownBy(() -> Texts.requireLabel("name", "  ", 10))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"))
        .hasMessageContaining("blank");
    assertThatThrownBy(() -> Texts.requireLabel("name", "a\tb", 10))
        .hasMessageContaining("single line");
    assertThatThrownBy(() -> Texts.requireLabel("name", "abcdefghijk", 10))
        .hasMessageContaining("limit of 10");
  }
}
