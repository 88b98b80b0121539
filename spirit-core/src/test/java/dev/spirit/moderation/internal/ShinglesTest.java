package dev.spirit.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Shingles")
class ShinglesTest {

  @ParameterizedTest(name = "\"{0}\" and \"{1}\": Jaccard {2}")
  @DisplayName("compare texts by the Jaccard similarity of their 2- and 3-grams")
  @CsvSource(
      delimiter = '|',
      value = {
        "山城精神|山城精神|1.0",
        "abab|ab|0.25",
        "a|a|1.0",
        "a|b|0.0",
        "''|''|1.0",
        "火锅之城|雾都|0.0",
      })
  void jaccard(String a, String b, double expected) {
    assertThat(Shingles.jaccard(Shingles.of(a), Shingles.of(b))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @DisplayName("give equal texts equal MinHash signatures")
  @CsvSource({"山城精神耿直", "mountaincity", "x"})
  void signatures(String text) {
    int[] a = Shingles.signature(Shingles.of(text));
    int[] b = Shingles.signature(Shingles.of(new String(text.toCharArray())));
    assertThat(Shingles.agreement(a, b)).isEqualTo(Shingles.SIGNATURE_SIZE);
  }
}
