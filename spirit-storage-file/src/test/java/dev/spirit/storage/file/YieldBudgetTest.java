package dev.spirit.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName(
    "A waiting writer yields instead of parking only while its wait is expected to be short")
class YieldBudgetTest {

  @ParameterizedTest(name = "flushes taking {0} µs on average: yield for {1} µs")
  @CsvSource({
    // nothing measured yet: park at once
    "0, 0",
    // an NVMe-class flush: four times the two flushes a writer may wait for
    "20, 160",
    "100, 800",
    // the budget is capped at MAX_YIELD_WAIT_NANOS
    "125, 1000",
    "500, 1000",
    // two flushes take longer than the cap: a slow disk, park at once
    "501, 0",
    "8000, 0",
  })
  void budget(long averageFlushMicros, long expectedMicros) {
    assertThat(GroupCommit.yieldBudgetNanos(averageFlushMicros * 1000))
        .isEqualTo(expectedMicros * 1000);
  }
}
