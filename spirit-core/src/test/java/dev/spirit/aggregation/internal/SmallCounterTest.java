package dev.spirit.aggregation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Small counters and string ids")
class SmallCounterTest {

  @Test
  @DisplayName("a small counter has the keys of a LongCounter under the same random changes")
  void smallCounterEqualsLongCounter() {
    Random random = new Random(11);
    for (int round = 0; round < 300; round++) {
      SmallCounter small = new SmallCounter();
      LongCounter reference = new LongCounter();
      int changes = random.nextInt(12);
      for (int i = 0; i < changes; i++) {
        long key = random.nextInt(4) - 1; // includes 0 and a negative key
        int delta = random.nextBoolean() ? 1 : -1;
        small.add(key, delta);
        reference.add(key, delta);
        assertThat(small.sortedKeys()).containsExactly(reference.sortedKeys());
      }
    }
  }

  @Test
  @DisplayName("LongCounter.add returns the count before the change")
  void addReturnsPreviousCount() {
    LongCounter counter = new LongCounter();
    Map<Long, Integer> model = new HashMap<>();
    Random random = new Random(5);
    for (int i = 0; i < 5000; i++) {
      long key = random.nextInt(50);
      int delta = random.nextInt(5) - 2;
      int before = model.getOrDefault(key, 0);
      assertThat(counter.add(key, delta)).isEqualTo(before);
      int after = before + delta;
      if (after > 0) {
        model.put(key, after);
      } else {
        model.remove(key);
      }
    }
  }

  @Test
  @DisplayName("string ids are dense, stable and given in order of first appearance")
  void stringIds() {
    StringIds ids = new StringIds();
    Map<String, Integer> model = new HashMap<>();
    Random random = new Random(9);
    for (int i = 0; i < 20_000; i++) {
      // new String(...) so equal strings are different objects, as segmentation produces them
      String s = new String("t" + random.nextInt(3000));
      int expected = model.computeIfAbsent(s, k -> model.size());
      assertThat(ids.idOf(s)).isEqualTo(expected);
    }
    assertThat(ids.size()).isEqualTo(model.size());
    model.forEach((s, id) -> assertThat(ids.name(id)).isEqualTo(s));
  }
}
