package dev.spirit.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SortedArrayMap")
class SortedArrayMapTest {

  private static SortedArrayMap<String, Long> of(TreeMap<String, Long> tree) {
    return SortedArrayMap.ofSorted(
        tree.keySet().toArray(new String[0]), tree.values().toArray(), tree.size());
  }

  @Test
  @DisplayName("reads like the TreeMap it was built from, views included")
  void readsLikeATreeMap() {
    Random random = new Random(3);
    for (int round = 0; round < 200; round++) {
      TreeMap<String, Long> tree = new TreeMap<>();
      int n = random.nextInt(20);
      for (int i = 0; i < n; i++) {
        tree.put("k" + random.nextInt(40), 1L + random.nextInt(9));
      }
      SortedMap<String, Long> map = of(tree);
      assertThat(map).isEqualTo(tree).hasSameHashCodeAs(tree);
      assertThat(map.toString()).isEqualTo(tree.toString());
      assertThat(map.keySet()).containsExactlyElementsOf(tree.keySet());
      String a = "k" + random.nextInt(40);
      String b = "k" + random.nextInt(40);
      String lo = a.compareTo(b) <= 0 ? a : b;
      String hi = a.compareTo(b) <= 0 ? b : a;
      assertThat(map.get(a)).isEqualTo(tree.get(a));
      assertThat(map.containsKey(b)).isEqualTo(tree.containsKey(b));
      assertThat(map.subMap(lo, hi)).isEqualTo(tree.subMap(lo, hi));
      assertThat(map.headMap(a)).isEqualTo(tree.headMap(a));
      assertThat(map.tailMap(a)).isEqualTo(tree.tailMap(a));
      if (lo.compareTo(hi) < 0) {
        // A TreeMap view accepts only keys inside its range.
        assertThat(map.subMap(lo, hi).tailMap(lo)).isEqualTo(tree.subMap(lo, hi).tailMap(lo));
      }
      if (!tree.isEmpty()) {
        assertThat(map.firstKey()).isEqualTo(tree.firstKey());
        assertThat(map.lastKey()).isEqualTo(tree.lastKey());
      }
    }
  }

  @Test
  @DisplayName("cannot be changed, through itself or its views")
  void isImmutable() {
    TreeMap<String, Long> tree = new TreeMap<>(Map.of("a", 1L, "b", 2L));
    SortedArrayMap<String, Long> map = of(tree);
    assertThatThrownBy(() -> map.put("c", 3L)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.remove("a")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(map::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.entrySet().iterator().next().setValue(5L))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.headMap("b").put("a", 9L))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(map).isEqualTo(tree);
  }

  @Test
  @DisplayName("refuses keys out of order")
  void refusesUnsortedKeys() {
    assertThatThrownBy(
            () -> SortedArrayMap.ofSorted(new String[] {"b", "a"}, new Long[] {1L, 2L}, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("is kept as is by the statistics records only while every count is positive")
  void keptOnlyWhenValid() {
    SortedMap<String, Long> valid =
        SortedArrayMap.ofSorted(new String[] {"a", "b"}, new Long[] {1L, 2L}, 2);
    assertThat(Values.counts("f", valid)).isSameAs(valid);
    SortedMap<String, Long> zero =
        SortedArrayMap.ofSorted(new String[] {"a", "b"}, new Long[] {0L, 2L}, 2);
    assertThat(Values.counts("f", zero)).isEqualTo(Map.of("b", 2L)).isNotSameAs(zero);
  }
}
