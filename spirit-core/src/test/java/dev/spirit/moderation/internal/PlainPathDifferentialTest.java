package dev.spirit.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The one-pass view of plain texts")
class PlainPathDifferentialTest {

  // Letters, separators, repeats, Han characters, and the characters that send a text to the
  // general path (digits, look-alike symbols, a ligature, a surrogate pair, zero-width, accents).
  private static final String[] ALPHABET = {
    "a", "b", "c", "s", "o", "i", "l", "A", "Z", " ", " ", ".", "-", "*", ",", "。", "!", "|", "0",
    "1", "4", "@", "$", "ﬁ", "𝐜", "\u200B", "\u0301", "赌", "場", "开", "票", "ｃ", "Ａ", "\n", "'"
  };

  static Stream<String> texts() {
    List<String> texts = new ArrayList<>();
    for (String file : List.of("evasion.tsv", "clean.tsv")) {
      for (String[] row : CorpusFiles.rows(file)) {
        texts.addAll(List.of(row));
      }
    }
    SplittableRandom random = new SplittableRandom(20261126L);
    for (int i = 0; i < 3_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(1, 24);
      for (int j = 0; j < length; j++) {
        // Mostly plain characters, so that many random texts stay on the one-pass path.
        int limit = random.nextInt(4) == 0 ? ALPHABET.length : 17;
        String s = ALPHABET[random.nextInt(limit)];
        text.append(random.nextInt(8) == 0 ? s.repeat(random.nextInt(2, 5)) : s);
      }
      texts.add(text.toString());
    }
    return texts.stream();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("texts")
  @DisplayName("gives exactly the view of the general path: symbols, spans, gaps, runs and kinds")
  void sameAsGeneralPath(String text) {
    NormalizedView fast = NormalizedView.of(text);
    NormalizedView general = NormalizedView.ofGeneralPath(text);
    assertThat(fast.toString()).isEqualTo(general.toString());
    assertThat(describe(fast)).isEqualTo(describe(general));
  }

  private static List<String> describe(NormalizedView v) {
    List<String> symbols = new ArrayList<>();
    for (int i = 0; i < v.length(); i++) {
      symbols.add(
          v.charAt(i)
              + " "
              + v.start(i)
              + "-"
              + v.end(i)
              + " run="
              + v.run(i)
              + " gap="
              + v.gapBefore(i)
              + " hard="
              + v.hardBefore(i)
              + " kind="
              + v.kind(i)
              + " segment="
              + v.segment(i));
    }
    return symbols;
  }
}
