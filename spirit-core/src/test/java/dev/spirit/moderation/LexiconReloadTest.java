package dev.spirit.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Hot reload of the lexicon rule")
class LexiconReloadTest {

  @Test
  @DisplayName("swaps lexicons atomically: every check sees exactly one whole lexicon")
  void atomicUnderConcurrentUse() throws Exception {
    TermLexicon alpha = TermLexicon.builder().block("alpha", "a").block("甲乙", "a").build();
    TermLexicon beta = TermLexicon.builder().block("beta", "b").block("丙丁", "b").build();
    LexiconRule rule = new LexiconRule(alpha);
    String text = "alpha 甲乙 beta 丙丁";
    Set<List<String>> seen = ConcurrentHashMap.newKeySet();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch started = new CountDownLatch(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?>[] checkers = new Future<?>[2];
      for (int t = 0; t < 2; t++) {
        checkers[t] =
            pool.submit(
                () -> {
                  started.countDown();
                  while (!stop.get()) {
                    seen.add(
                        rule.check(text).findings().stream()
                            .map(RuleVerdict.Finding::detail)
                            .sorted()
                            .toList());
                  }
                });
      }
      started.await();
      for (int i = 0; i < 200; i++) {
        rule.reload(i % 2 == 0 ? beta : alpha);
      }
      rule.reload(
          new StringReader("term\tcategory\taction\ngamma\tc\tblock\n"), new StringReader(""));
      stop.set(true);
      for (Future<?> f : checkers) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    List<String> a = List.of("term 'alpha' (a)", "term '甲乙' (a)");
    List<String> b = List.of("term 'beta' (b)", "term '丙丁' (b)");
    assertThat(seen).isNotEmpty().allSatisfy(s -> assertThat(s).isIn(a, b, List.of()));
    assertThat(rule.check("gamma ray").decision()).hasToString("REJECT");
    assertThat(rule.version()).contains(rule.lexicon().version());
  }
}
