package dev.spirit.aggregation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The primitive participant counter")
class LongCounterTest {
  @Test
  @DisplayName("behaves like a map of positive counts under random adds and removals")
  void matchesAMap() {
    Random random = new Random(42);
    for (int round = 0; round < 50; round++) {
      LongCounter counter = new LongCounter();
      Map<Long, Integer> model = new HashMap<>();
      for (int i = 0; i < 2000; i++) {
        // Few distinct keys (including 0) so that removals hit long probe chains.
        long key = random.nextInt(64) - 2;
        key = key < 0 ? key * 0x100000000L : key;
        int delta = random.nextBoolean() ? 1 : -1;
        counter.add(key, delta);
        int next = model.getOrDefault(key, 0) + delta;
        if (next <= 0) {
          model.remove(key);
        } else {
          model.put(key, next);
        }
      }
      assertThat(counter.size()).isEqualTo(model.size());
      model.forEach((k, v) -> assertThat(counter.get(k)).isEqualTo(v));
      long[] keys = model.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
      assertThat(counter.sortedKeys()).isEqualTo(keys);
      assertThat(Arrays.stream(keys).allMatch(k -> counter.get(k) > 0)).isTrue();
    }
  }
}
