package dev.spirit.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.error.InvalidInputException;
import dev.spirit.participant.Role;
import dev.spirit.submission.Reaction;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Term cache of the extractor")
class TermCacheTest {
  private static final SubmissionKind[] KINDS = SubmissionKind.values();

  private static AggregationConfig config(int capacity) {
    return AggregationConfig.builder()
        .vocabulary(Fixtures.VOCABULARY)
        .synonyms(Fixtures.SYNONYMS)
        .termCacheCapacity(capacity)
        .build();
  }

  /** The fixed texts of the aggregation tests plus the seed articles, whole and by line. */
  private static List<String> fixedTexts() throws IOException {
    List<String> texts = new ArrayList<>();
    texts.addAll(List.of(RandomHistory.KEYWORDS));
    texts.addAll(List.of(RandomHistory.SLOGANS));
    texts.addAll(List.of(RandomHistory.MESSAGES));
    for (String article : Fixtures.seedArticles()) {
      texts.add(article);
      for (String line : article.split("[\\n。！？]")) {
        if (!line.isBlank()) {
          texts.add(line.strip());
        }
      }
    }
    return texts;
  }

  /** Short texts from fragments, many repeated, some traditional, some mixed, some long. */
  private static List<String> randomTexts(Random random, int n) {
    String[] fragments = {
      "山城",
      "重慶",
      "热情",
      "熱情",
      "耿直",
      "洪崖洞",
      "千与千寻",
      "李子坝",
      "火锅",
      "雄起",
      "的",
      "很",
      "美",
      "Enthusiastic",
      "candor",
      "Mountain",
      "cities",
      "the",
      "2024",
      "Chongqing's",
      "！",
      "，",
      " ",
      "「",
      "」",
      "prosperous",
      "巴渝文化",
      "夜景"
    };
    List<String> texts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (!texts.isEmpty() && random.nextInt(3) == 0) {
        texts.add(texts.get(random.nextInt(texts.size())));
        continue;
      }
      int parts = random.nextInt(10) == 0 ? 30 : 1 + random.nextInt(5);
      StringBuilder b = new StringBuilder();
      for (int p = 0; p < parts; p++) {
        b.append(fragments[random.nextInt(fragments.length)]);
      }
      texts.add(b.toString());
    }
    return texts;
  }

  private static void assertSameAsWithoutCache(List<String> texts, TermExtractor cached) {
    TermExtractor plain = new TermExtractor(config(0));
    // Twice: the second pass answers short texts from the cache.
    for (int pass = 0; pass < 2; pass++) {
      for (String text : texts) {
        for (SubmissionKind kind : KINDS) {
          TermExtractor.Memo expected = plain.extract(kind, text);
          TermExtractor.Memo actual = cached.extract(kind, text);
          assertThat(actual.terms).as("%s %s", kind, text).isEqualTo(expected.terms);
          assertThat(actual.sloganKey).as("%s %s", kind, text).isEqualTo(expected.sloganKey);
          assertThat(cached.terms(kind, text)).isEqualTo(plain.terms(kind, text));
        }
      }
    }
  }

  @ParameterizedTest(name = "capacity {0}")
  @ValueSource(ints = {65_536, 16, 1})
  @DisplayName("the fixed data sets give the same terms and slogan keys with and without the cache")
  void fixedDataSetsSameWithAndWithoutCache(int capacity) throws IOException {
    assertSameAsWithoutCache(fixedTexts(), new TermExtractor(config(capacity)));
  }

  @ParameterizedTest(name = "capacity {0}")
  @ValueSource(ints = {65_536, 64, 3})
  @DisplayName("a random corpus with repeats gives the same terms with and without the cache")
  void randomCorpusSameWithAndWithoutCache(int capacity) {
    assertSameAsWithoutCache(
        randomTexts(new Random(7), 2_000), new TermExtractor(config(capacity)));
  }

  @Test
  @DisplayName("batch aggregation of a random campaign is identical with and without the cache")
  void batchAggregationIdentical() {
    Campaign campaign = Fixtures.campaign("cache", RandomHistory.DISTRICTS);
    Random random = new Random(11);
    List<String> texts = randomTexts(random, 400);
    List<Submission> submissions = new ArrayList<>();
    List<Reaction> endorsements = new ArrayList<>();
    Role[] roles = Role.values();
    Channel[] channels = Channel.values();
    for (int i = 0; i < 1_500; i++) {
      Submission s =
          Fixtures.submission(
              campaign.id(),
              "p" + random.nextInt(200),
              roles[random.nextInt(roles.length)],
              RandomHistory.DISTRICTS[random.nextInt(RandomHistory.DISTRICTS.length)],
              channels[random.nextInt(channels.length)],
              KINDS[random.nextInt(KINDS.length)],
              texts.get(random.nextInt(texts.size())),
              Instant.parse("2024-03-01T00:00:00Z").plusSeconds(600L * i).toString(),
              random.nextInt(5) == 0 ? SubmissionStatus.PENDING : SubmissionStatus.APPROVED);
      submissions.add(s);
      if (random.nextInt(4) == 0) {
        endorsements.add(Fixtures.endorsement(s, "e" + random.nextInt(50)));
      }
    }
    CampaignStats with =
        BatchAggregator.aggregate(
            submissions.stream(), endorsements.stream(), Fixtures.CHONGQING, config(65_536));
    CampaignStats without =
        BatchAggregator.aggregate(
            submissions.stream(), endorsements.stream(), Fixtures.CHONGQING, config(0));
    assertThat(with.terms().overall()).isNotEmpty();
    assertThat(AggregationJson.toJson(with)).isEqualTo(AggregationJson.toJson(without));
  }

  @Test
  @DisplayName("a repeated short text is answered from the cache with the same immutable value")
  void repeatedTextIsServedFromCache() {
    TermExtractor extractor = new TermExtractor(config(1024));
    TermExtractor.Memo first = extractor.extract(SubmissionKind.SLOGAN, "耿直热情 重庆人");
    TermExtractor.Memo again = extractor.extract(SubmissionKind.SLOGAN, "耿直热情 重庆人");
    assertThat(again).isSameAs(first);
    assertThat(extractor.cachedTexts()).isEqualTo(1);
    assertThatThrownBy(() -> again.terms.add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    // The same text as another kind is a different entry with its own terms.
    assertThat(extractor.extract(SubmissionKind.KEYWORD, "耿直热情 重庆人")).isNotSameAs(first);
  }

  @Test
  @DisplayName("texts longer than the cached length are extracted but never cached")
  void longTextsAreNotCached() {
    TermExtractor extractor = new TermExtractor(config(1024));
    String text = "重庆人耿直热情".repeat(10);
    assertThat(text.length()).isGreaterThan(TermExtractor.MAX_CACHED_LENGTH);
    assertThat(extractor.terms(SubmissionKind.MESSAGE, text))
        .containsExactly("重庆", "人", "耿直", "热情");
    assertThat(extractor.cachedTexts()).isZero();
  }

  @ParameterizedTest(name = "capacity {0}")
  @ValueSource(ints = {1, 100, 1024})
  @DisplayName("the cache never holds more texts than its capacity")
  void evictionKeepsTheBound(int capacity) {
    TermExtractor extractor = new TermExtractor(config(capacity));
    for (int i = 0; i < 5_000; i++) {
      extractor.terms(SubmissionKind.KEYWORD, "word" + i);
    }
    assertThat(extractor.cacheSlots()).isLessThanOrEqualTo(capacity).isGreaterThan(capacity / 2);
    assertThat(extractor.cachedTexts())
        .isLessThanOrEqualTo(capacity)
        .isLessThanOrEqualTo(extractor.cacheSlots())
        .isGreaterThan(0);
  }

  @Test
  @DisplayName("capacity 0 disables the cache: nothing is remembered, terms are unchanged")
  void disabled() {
    TermExtractor extractor = new TermExtractor(config(0));
    TermExtractor.Memo first = extractor.extract(SubmissionKind.KEYWORD, "Candor");
    assertThat(extractor.extract(SubmissionKind.KEYWORD, "Candor")).isNotSameAs(first);
    assertThat(first.terms).containsExactly("耿直");
    assertThat(extractor.cacheSlots()).isZero();
    assertThat(extractor.cachedTexts()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {-1, AggregationConfig.MAX_TERM_CACHE_CAPACITY + 1})
  @DisplayName("a negative or huge capacity is refused with a message naming the setting")
  void invalidCapacity(int capacity) {
    assertThatThrownBy(() -> config(capacity))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("termCacheCapacity");
  }

  /** Splits into single characters except words it has learned (longest first). */
  private static final class LearningSegmenter implements Segmenter {
    private final Set<String> words = new HashSet<>();

    @Override
    public synchronized List<String> segment(String text) {
      List<String> out = new ArrayList<>();
      int i = 0;
      while (i < text.length()) {
        int end = i + 1;
        for (int j = text.length(); j > i + 1; j--) {
          if (words.contains(text.substring(i, j))) {
            end = j;
            break;
          }
        }
        out.add(text.substring(i, end));
        i = end;
      }
      return out;
    }

    @Override
    public synchronized void addVocabulary(Collection<String> vocabulary) {
      words.addAll(vocabulary);
    }
  }

  @Test
  @DisplayName("vocabulary added later through another extractor makes cached terms stale")
  void laterVocabularyInvalidatesTheCache() {
    LearningSegmenter segmenter = new LearningSegmenter();
    TermExtractor first =
        new TermExtractor(AggregationConfig.builder().segmenter(segmenter).build());
    assertThat(first.terms(SubmissionKind.MESSAGE, "甲乙丙")).containsExactly("甲", "乙", "丙");
    new TermExtractor(AggregationConfig.builder().segmenter(segmenter).vocabulary("甲乙").build());
    assertThat(first.terms(SubmissionKind.MESSAGE, "甲乙丙")).containsExactly("甲乙", "丙");
  }

  @Test
  @DisplayName("threads sharing one extractor and a small cache get the terms of a plain one")
  void sharedBetweenThreads() throws Exception {
    TermExtractor shared = new TermExtractor(config(32));
    TermExtractor plain = new TermExtractor(config(0));
    List<String> texts = randomTexts(new Random(3), 600);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t * 50;
        results.add(
            pool.submit(
                () -> {
                  int checked = 0;
                  for (int i = 0; i < texts.size(); i++) {
                    String text = texts.get((i + offset) % texts.size());
                    SubmissionKind kind = KINDS[(i + offset) % KINDS.length];
                    assertThat(shared.terms(kind, text)).isEqualTo(plain.terms(kind, text));
                    checked++;
                  }
                  return checked;
                }));
      }
      for (Future<Integer> f : results) {
        assertThat(f.get()).isEqualTo(texts.size());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
