package dev.spirit.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Shingle sketches")
class ShinglesTest {

  @ParameterizedTest(name = "\"{0}\" and \"{1}\"")
  @DisplayName("hold the signature then the shingles, and compare as the separate sets do")
  @CsvSource(
      delimiter = '|',
      value = {
        "山城精神耿直|山城精神耿直热情",
        "abababab|ab",
        "a|a",
        "a|b",
        "''|''",
        "''|x",
        "mountaincity|mountaincityspirit",
        "火锅之城|雾都",
      })
  void sketches(String a, String b) {
    int[] sa = Shingles.sketch(a);
    int[] sb = Shingles.sketch(b);
    int[] shinglesA = Shingles.of(a);
    assertThat(Arrays.copyOfRange(sa, Shingles.SIGNATURE_SIZE, sa.length))
        .containsExactly(shinglesA);
    assertThat(Arrays.copyOf(sa, Shingles.SIGNATURE_SIZE))
        .containsExactly(Shingles.signature(shinglesA));
    assertThat(Shingles.shingleCount(sa)).isEqualTo(shinglesA.length);
    assertThat(Shingles.sketchJaccard(sa, sb))
        .isEqualTo(Shingles.jaccard(shinglesA, Shingles.of(b)));
  }
}
