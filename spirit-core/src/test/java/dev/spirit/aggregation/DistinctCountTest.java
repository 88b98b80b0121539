package dev.spirit.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.aggregation.internal.Hll;
import dev.spirit.error.InvalidInputException;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Distinct counts")
class DistinctCountTest {
  private static long[] hashes(int from, int to) {
    return LongStream.range(from, to)
        .map(i -> ParticipantKey.processLocal().hash("person-" + i))
        .toArray();
  }

  @Test
  @DisplayName("are exact up to the limit and become a sketch beyond it")
  void exactThenSketch() {
    DistinctCount small = DistinctCount.ofHashes(hashes(0, 100), 100, 12);
    assertThat(small.exact()).isTrue();
    assertThat(small.count()).isEqualTo(100);
    assertThat(small.relativeError()).isZero();
    DistinctCount more = small.merge(DistinctCount.ofHashes(hashes(100, 101), 100, 12));
    assertThat(more.exact()).isFalse();
    assertThat(more.members()).isEmpty();
    assertThat(more.relativeError())
        .isCloseTo(1.04 / 64, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  @DisplayName("merging overlapping exact sets counts each member once")
  void overlapCountsOnce() {
    DistinctCount a = DistinctCount.ofHashes(hashes(0, 60), 4096, 14);
    DistinctCount b = DistinctCount.ofHashes(hashes(40, 100), 4096, 14);
    assertThat(a.merge(b).count()).isEqualTo(100);
    assertThat(a.merge(b)).isEqualTo(DistinctCount.ofHashes(hashes(0, 100), 4096, 14));
  }

  @Test
  @DisplayName("the form depends only on the union, so merging in any grouping gives equal values")
  void associativeAcrossTheLimit() {
    DistinctCount a = DistinctCount.ofHashes(hashes(0, 700), 1000, 12);
    DistinctCount b = DistinctCount.ofHashes(hashes(500, 1200), 1000, 12);
    DistinctCount c = DistinctCount.ofHashes(hashes(1100, 1300), 1000, 12);
    DistinctCount direct = DistinctCount.ofHashes(hashes(0, 1300), 1000, 12);
    assertThat(a.merge(b).merge(c)).isEqualTo(direct);
    assertThat(a.merge(b.merge(c))).isEqualTo(direct);
    assertThat(c.merge(a).merge(b)).isEqualTo(direct);
  }

  @ParameterizedTest(name = "{0} distinct ids")
  @ValueSource(ints = {5_000, 20_000, 80_000, 300_000})
  @DisplayName("sketch estimates stay within four standard errors of the truth")
  void sketchAccuracy(int n) {
    Random random = new Random(n);
    long[] h = new long[n];
    for (int i = 0; i < n; i++) {
      h[i] = ParticipantKey.processLocal().hash("id-" + random.nextLong());
    }
    DistinctCount estimate = DistinctCount.ofHashes(h, 0, 14);
    double error = Math.abs(estimate.count() - n) / (double) n;
    assertThat(error).isLessThan(4 * Hll.relativeStandardError(14));
  }

  @Test
  @DisplayName("counts with different settings refuse to merge, naming the settings")
  void differentSettingsRefuse() {
    assertThatThrownBy(() -> DistinctCount.empty(4096, 14).merge(DistinctCount.empty(1000, 14)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("exact limit 4096/1000");
  }

  @Test
  @DisplayName("an empty sketch estimates zero and a corrupt sketch is refused")
  void edgeCases() {
    assertThat(Hll.estimate(Hll.registers(10), 10)).isZero();
    assertThatThrownBy(() -> new DistinctCount(0, false, java.util.List.of(), "AAAA", 4096, 14))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("registers");
  }
}
