package dev.spirit.benchmarks.aggregation;

import com.hankcs.hanlp.HanLP;
import dev.spirit.aggregation.AggregationConfig;
import dev.spirit.aggregation.AggregationJson;
import dev.spirit.aggregation.BatchAggregator;
import dev.spirit.aggregation.CampaignStats;
import dev.spirit.aggregation.Dashboard;
import dev.spirit.aggregation.IncrementalAggregator;
import dev.spirit.aggregation.Segmenter;
import dev.spirit.aggregation.Shortlist;
import dev.spirit.aggregation.SynonymTable;
import dev.spirit.aggregation.TermExtractor;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.submission.Reaction;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Aggregation over a generated campaign of {@code size} approved submissions (see {@link
 * CampaignCorpus}). Whole-corpus benchmarks report milliseconds per pass over the corpus; divide by
 * {@code size} for the cost per submission. The anchor is {@link #tokenizeRaw}: HanLP's {@code
 * HanLP.segment} over every submission's text, the analyzer alone.
 */
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class AggregationBenchmark {

  static AggregationConfig config() {
    return config(Segmenter.hanlp());
  }

  static AggregationConfig config(Segmenter segmenter) {
    return config(segmenter, AggregationConfig.defaults().termCacheCapacity());
  }

  static AggregationConfig config(Segmenter segmenter, int termCacheCapacity) {
    return AggregationConfig.builder()
        .segmenter(segmenter)
        .termCacheCapacity(termCacheCapacity)
        .vocabulary("洪崖洞", "李子坝", "红岩精神", "烟火气")
        .synonyms(
            SynonymTable.builder()
                .concept("热情", "enthusiasm", "enthusiastic", "passionate", "warmth")
                .concept("耿直", "candor", "candid")
                .concept("繁荣", "prosperity")
                .concept("山城", "mountain city", "mountains")
                .build())
        .build();
  }

  /** The generated corpus, shared by every benchmark of a fork. */
  @State(Scope.Benchmark)
  public static class Corpus {
    /** Number of approved submissions. */
    @Param({"1000000"})
    public int size;

    List<Submission> submissions;
    List<Reaction> endorsements;
    List<Submission> endorsed;
    AggregationConfig config;
    AggregationConfig configWithoutCache;
    TermExtractor extractor;
    Campaign campaign;
    ZoneId zone = ZoneId.of("Asia/Shanghai");

    /** Generates the corpus and warms HanLP up (its static initialization is not measured). */
    @Setup(Level.Trial)
    public void generate() {
      long t0 = System.nanoTime();
      HanLP.segment("重庆");
      long t1 = System.nanoTime();
      CampaignCorpus.Data data = CampaignCorpus.generate(size, Math.max(10, size / 5), 2024);
      submissions = data.submissions();
      endorsements = data.endorsements();
      java.util.Map<dev.spirit.submission.SubmissionId, Submission> byId =
          new java.util.HashMap<>();
      for (Submission s : submissions) {
        byId.put(s.id(), s);
      }
      endorsed = new java.util.ArrayList<>(endorsements.size());
      for (Reaction r : endorsements) {
        endorsed.add(byId.get(r.submissionId()));
      }
      config = config();
      configWithoutCache = config(Segmenter.hanlp(), 0);
      extractor = new TermExtractor(config);
      reportCacheHits(submissions, config);
      campaign =
          Campaign.builder("bench-aggregation")
              .id(CampaignCorpus.CAMPAIGN)
              .title("重庆城市精神", "Spirit of Chongqing City")
              .prompt("一个词", "One word")
              .districts(CampaignCorpus.DISTRICTS)
              .allChannels()
              .timeZone(zone)
              .createdAt(Instant.parse("2024-03-01T00:00:00Z"))
              .build();
      long chars = 0;
      for (Submission s : submissions) {
        chars += s.text().normalized().length();
      }
      System.out.printf(
          "%n[corpus] %d submissions, %d endorsements, %d chars; HanLP static init %.0f ms;"
              + " generated in %.1f s%n",
          submissions.size(),
          endorsements.size(),
          chars,
          (t1 - t0) / 1e6,
          (System.nanoTime() - t1) / 1e9);
    }
  }

  /**
   * Prints how many submissions of one pass a fresh extractor (default cache) answers from its
   * cache. A hit returns the very list a previous text returned, so hits are counted by identity
   * among non-empty results (every empty result is the same shared list and is left out); texts
   * that repeat an earlier (kind, text) are counted too, the hit count of an unbounded cache.
   */
  static void reportCacheHits(List<Submission> submissions, AggregationConfig config) {
    TermExtractor fresh = new TermExtractor(config);
    Set<List<String>> returned = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<String> seen = new HashSet<>();
    long hits = 0;
    long nonEmpty = 0;
    long repeats = 0;
    long cacheable = 0;
    long[] byKind = new long[SubmissionKind.values().length];
    long[] hitsByKind = new long[byKind.length];
    long chars = 0;
    long hitChars = 0;
    for (Submission s : submissions) {
      String text = TermExtractor.publicText(s);
      if (text.length() <= TermExtractor.MAX_CACHED_LENGTH) {
        cacheable++;
        if (!seen.add(s.kind().ordinal() + ":" + text)) {
          repeats++;
        }
      }
      List<String> terms = fresh.terms(s);
      byKind[s.kind().ordinal()]++;
      chars += text.length();
      if (!terms.isEmpty()) {
        nonEmpty++;
        if (!returned.add(terms)) {
          hits++;
          hitsByKind[s.kind().ordinal()]++;
          hitChars += text.length();
        }
      }
    }
    StringBuilder kinds = new StringBuilder();
    for (SubmissionKind k : SubmissionKind.values()) {
      if (byKind[k.ordinal()] > 0) {
        kinds.append(String.format(" %s %d/%d;", k, hitsByKind[k.ordinal()], byKind[k.ordinal()]));
      }
    }
    System.out.printf(
        "%n[term cache] hits by kind:%s %.1f%% of the characters were in hit texts%n",
        kinds, 100.0 * hitChars / chars);
    System.out.printf(
        "%n[term cache] capacity %d: %d of %d submissions with terms answered from the cache"
            + " (%.1f%%); %d of %d texts are short enough to cache, %d repeat an earlier"
            + " (kind, text) (%.1f%% of all: the hit rate of an unbounded cache)%n",
        config.termCacheCapacity(),
        hits,
        nonEmpty,
        100.0 * hits / nonEmpty,
        cacheable,
        submissions.size(),
        repeats,
        100.0 * repeats / submissions.size());
  }

  /** An aggregator that has seen the whole corpus, for the dashboard and update benchmarks. */
  @State(Scope.Benchmark)
  public static class Maintained {
    IncrementalAggregator aggregator;
    CampaignStats snapshot;
    int next;

    /** Builds the state and reports its heap (GC'd used heap before and after). */
    @Setup(Level.Trial)
    public void build(Corpus corpus) {
      long before = usedAfterGc();
      aggregator = IncrementalAggregator.create(corpus.campaign, corpus.config);
      feed(aggregator, corpus);
      long after = usedAfterGc();
      snapshot = aggregator.snapshot();
      System.out.printf(
          "%n[maintained] heap of the maintained state for %d submissions: %.1f MB;"
              + " %d distinct terms, %d distinct slogans, %d participants; snapshot JSON %.1f MB%n",
          corpus.submissions.size(),
          (after - before) / 1e6,
          snapshot.terms().overall().size(),
          snapshot.slogans().size(),
          snapshot.participants().all().count(),
          AggregationJson.toJson(snapshot).length() / 1e6);
    }
  }

  /**
   * HanLP with every answer remembered: after a first pass over the corpus, segmentation and
   * traditional→simplified conversion cost one hash lookup each. An aggregator using it does all of
   * its own work (English words, stop words, synonyms, slogan keys, counting) but no tokenization,
   * which measures an update's cost beyond tokenization directly instead of as the difference of
   * two noisy measurements. Gives the same words as HanLP itself.
   */
  static final class RememberingSegmenter implements Segmenter {
    private final Segmenter hanlp = Segmenter.hanlp();
    private final Map<String, List<String>> words = new HashMap<>();
    private final Map<String, String> simplified = new HashMap<>();

    @Override
    public List<String> segment(String text) {
      return words.computeIfAbsent(text, t -> List.copyOf(hanlp.segment(t)));
    }

    @Override
    public String toSimplified(String text) {
      return simplified.computeIfAbsent(text, hanlp::toSimplified);
    }

    @Override
    public void addVocabulary(Collection<String> vocabulary) {
      hanlp.addVocabulary(vocabulary);
    }
  }

  /**
   * An aggregator over the whole corpus whose segmenter remembers HanLP's answers (see {@link
   * RememberingSegmenter}), for the cost of updates beyond tokenization.
   */
  @State(Scope.Benchmark)
  public static class MaintainedWithoutTokenization {
    IncrementalAggregator aggregator;
    int next;

    /**
     * Builds the state, which also fills the segmenter's memory.
     *
     * @param corpus the corpus
     */
    @Setup(Level.Trial)
    public void build(Corpus corpus) {
      AggregationConfig config = config(new RememberingSegmenter());
      aggregator = IncrementalAggregator.create(corpus.campaign, config);
      // Feeding extracts every text once, so every answer an update asks for is remembered.
      feed(aggregator, corpus);
    }
  }

  static void feed(IncrementalAggregator aggregator, Corpus corpus) {
    for (Submission s : corpus.submissions) {
      aggregator.onAccepted(s);
    }
    for (int i = 0; i < corpus.endorsements.size(); i++) {
      aggregator.onEndorsed(corpus.endorsed.get(i), corpus.endorsements.get(i));
    }
  }

  static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  /**
   * The anchor: HanLP's standard segmenter over every submission's text.
   *
   * @param corpus the corpus
   * @param bh sink
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public void tokenizeRaw(Corpus corpus, Blackhole bh) {
    for (Submission s : corpus.submissions) {
      bh.consume(HanLP.segment(s.text().normalized()));
    }
  }

  /**
   * Spirit's term extraction alone (conversion, segmentation, English, stop words, synonyms).
   *
   * @param corpus the corpus
   * @param bh sink
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public void extractTerms(Corpus corpus, Blackhole bh) {
    // A fresh extractor per pass: its cache starts empty, like batch aggregation's.
    TermExtractor extractor = new TermExtractor(corpus.config);
    for (Submission s : corpus.submissions) {
      bh.consume(extractor.terms(s));
    }
  }

  /**
   * {@link #extractTerms} with the term cache disabled: every text is segmented.
   *
   * @param corpus the corpus
   * @param bh sink
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public void extractTermsNoCache(Corpus corpus, Blackhole bh) {
    TermExtractor extractor = new TermExtractor(corpus.configWithoutCache);
    for (Submission s : corpus.submissions) {
      bh.consume(extractor.terms(s));
    }
  }

  /**
   * Full batch aggregation including term extraction and the final immutable value.
   *
   * @param corpus the corpus
   * @return the statistics
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public CampaignStats batchAggregate(Corpus corpus) {
    return BatchAggregator.aggregate(
        corpus.submissions.stream(), corpus.endorsements.stream(), corpus.zone, corpus.config);
  }

  /**
   * {@link #batchAggregate} with the term cache disabled: every text is segmented.
   *
   * @param corpus the corpus
   * @return the statistics
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public CampaignStats batchAggregateNoCache(Corpus corpus) {
    return BatchAggregator.aggregate(
        corpus.submissions.stream(),
        corpus.endorsements.stream(),
        corpus.zone,
        corpus.configWithoutCache);
  }

  /**
   * Incremental maintenance: every submission and endorsement as a listener event, into a fresh
   * aggregator (no snapshot).
   *
   * @param corpus the corpus
   * @return the aggregator
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public IncrementalAggregator incrementalAll(Corpus corpus) {
    IncrementalAggregator aggregator = IncrementalAggregator.create(corpus.campaign, corpus.config);
    feed(aggregator, corpus);
    return aggregator;
  }

  /** Submissions per invocation of the single-update benchmarks: enough to average out noise. */
  static final int UPDATES = 1000;

  /**
   * Incremental updates on the full maintained state: {@value #UPDATES} approved submissions, each
   * hidden and then approved again (each update re-extracts its terms). Reported per update.
   *
   * @param corpus the corpus
   * @param state the maintained state
   */
  @Benchmark
  @OperationsPerInvocation(2 * UPDATES)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public void hideAndApproveAgain(Corpus corpus, Maintained state) {
    state.next = hideAndApproveAgain(corpus.submissions, state.aggregator, state.next);
  }

  /**
   * The same updates as {@link #hideAndApproveAgain} on a state whose segmenter remembers HanLP's
   * answers: the cost of an update beyond tokenization, measured directly. Reported per update.
   *
   * @param corpus the corpus
   * @param state the maintained state without tokenization
   */
  @Benchmark
  @OperationsPerInvocation(2 * UPDATES)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public void updateBeyondTokenization(Corpus corpus, MaintainedWithoutTokenization state) {
    state.next = hideAndApproveAgain(corpus.submissions, state.aggregator, state.next);
  }

  /**
   * Hides {@value #UPDATES} approved submissions from {@code next} on (cycling through the corpus)
   * and approves each again: the work of both update benchmarks.
   *
   * @param submissions the corpus
   * @param aggregator the maintained state
   * @param next where to start in the corpus
   * @return the cursor after them
   */
  private static int hideAndApproveAgain(
      List<Submission> submissions, IncrementalAggregator aggregator, int next) {
    int at = next;
    for (int i = 0; i < UPDATES; i++) {
      Submission approved = submissions.get(at);
      at = (at + 1) % submissions.size();
      Submission hidden = approved.withStatus(SubmissionStatus.HIDDEN);
      aggregator.onStatusChanged(approved, hidden);
      aggregator.onStatusChanged(hidden, approved);
    }
    return at;
  }

  /**
   * Term extraction of {@value #UPDATES} submissions, cycling through the corpus like {@link
   * #hideAndApproveAgain}, to subtract from it. Reported per submission.
   *
   * @param corpus the corpus
   * @param state the cursor
   * @param bh sink
   */
  @Benchmark
  @OperationsPerInvocation(UPDATES)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public void extractOne(Corpus corpus, Maintained state, Blackhole bh) {
    for (int i = 0; i < UPDATES; i++) {
      Submission s = corpus.submissions.get(state.next);
      state.next = (state.next + 1) % corpus.submissions.size();
      bh.consume(corpus.extractor.terms(s));
    }
  }

  /**
   * A full snapshot of the maintained state as an immutable value.
   *
   * @param state the maintained state
   * @return the statistics
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public CampaignStats snapshot(Maintained state) {
    return state.aggregator.snapshot();
  }

  /**
   * The jury's shortlist (near-duplicate merging, Wilson ranking) from a snapshot.
   *
   * @param state the maintained state
   * @return the shortlist
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Shortlist shortlist50(Maintained state) {
    return state.snapshot.shortlist(50);
  }

  /**
   * The dashboard query: top-50 terms per district and counts per day, from maintained state.
   *
   * @param state the maintained state
   * @return the dashboard
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Dashboard dashboardTop50(Maintained state) {
    return state.aggregator.dashboard(50);
  }
}
