package dev.spirit.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.corpus.io.ResourceIOAdapter;
import dev.spirit.campaign.SubmissionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The HanLP segmenter")
class HanLpSegmenterTest {
  @Test
  @DisplayName("reads its dictionaries from its own jar: no data files, no download at run time")
  void offline() {
    assertThat(Segmenter.hanlp().segment("解放碑")).containsExactly("解放碑");
    assertThat(HanLP.Config.IOAdapter).isInstanceOf(ResourceIOAdapter.class);
    assertThat(HanLP.Config.CoreDictionaryPath).startsWith("data/dictionary/");
  }

  @Test
  @DisplayName("vocabulary is global to the JVM: a word one campaign adds, every extractor keeps")
  void vocabularyIsGlobal() {
    String word = "轻轨穿楼";
    assertThat(new TermExtractor(AggregationConfig.defaults()).terms(SubmissionKind.MESSAGE, word))
        .isNotEqualTo(List.of(word));
    new TermExtractor(AggregationConfig.builder().vocabulary(word).build());
    assertThat(new TermExtractor(AggregationConfig.defaults()).terms(SubmissionKind.MESSAGE, word))
        .containsExactly(word);
  }

  @Test
  @DisplayName("adding vocabulary while other threads segment neither fails nor corrupts results")
  void concurrentAdditions() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        running.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 2000; i++) {
                    assertThat(Segmenter.hanlp().segment("重庆人耿直热情")).contains("耿直", "热情");
                  }
                }));
      }
      running.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 200; i++) {
                  Segmenter.hanlp().addVocabulary(List.of("测试词" + i));
                }
              }));
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
