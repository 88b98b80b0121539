package dev.spirit.aggregation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The conservative English stemmer")
class EnglishStemmerTest {
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "mountains, mountain",
    "rivers, river",
    "cities, city",
    "boxes, box",
    "churches, church",
    "glasses, glass",
    "glass, glass",
    "campus, campus",
    "famous, famous",
    "basis, basis",
    "bus, bus",
    "chongqing's, chongqing",
    "people's, people",
    "shopping, shop",
    "running, run",
    "planned, plan",
    "called, call",
    "missed, miss",
    "unified, unify",
    "interesting, interesting",
    "outstanding, outstanding",
    "welcoming, welcoming",
    "talented, talented",
    "united, united",
    "enthusiastic, enthusiastic",
    "enthusiasm, enthusiasm",
    "morning, morning",
    "hundred, hundred",
    "news, news",
    "gorges, gorges",
    "spring, spring"
  })
  @DisplayName("folds only inflections that cannot change the word")
  void stems(String word, String stem) {
    assertThat(EnglishStemmer.stem(word)).isEqualTo(stem);
  }
}
