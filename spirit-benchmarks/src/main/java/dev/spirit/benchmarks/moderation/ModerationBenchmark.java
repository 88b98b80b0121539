package dev.spirit.benchmarks.moderation;

import com.github.houbb.sensitive.word.bs.SensitiveWordBs;
import dev.spirit.campaign.Campaign;
import dev.spirit.moderation.LexiconRule;
import dev.spirit.moderation.ModerationPipeline;
import dev.spirit.moderation.Term;
import dev.spirit.moderation.TermLexicon;
import dev.spirit.moderation.state.InMemoryModerationState;
import dev.spirit.moderation.state.ModerationState;
import dev.spirit.submission.Submission;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the lexicon rule, of the standard pipeline and of sensitive-word 0.25.0 (every
 * folding option on) over the same 10,000-term lexicon and the same corpus of short submissions.
 * Scores are texts per second: each invocation checks a batch of {@value #BATCH} texts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx6g"})
public class ModerationBenchmark {
  static final int BATCH = 1_000;

  /** Corpus size for the term rules (texts). */
  @Param({"1000000"})
  public int corpusSize;

  /**
   * Corpus size for the whole pipeline (prebuilt submissions, 10 ms apart; memory-bound). Large
   * enough that one 2 s iteration does not wrap around, so the rate and duplicate windows see time
   * only move forward; a wrap is counted and printed.
   */
  @Param({"400000"})
  public int pipelineCorpusSize;

  String[] corpus;
  Submission[] candidates;
  Campaign campaign;
  LexiconRule lexicon;
  ModerationPipeline pipeline;
  ModerationState state = new InMemoryModerationState();
  final AtomicInteger wraps = new AtomicInteger();
  final AtomicInteger threads = new AtomicInteger();
  SensitiveWordBs sensitiveWord;

  /** Builds the lexicon, the corpus and both filters. */
  @Setup
  public void setUp() {
    List<Term> terms = BenchData.terms();
    corpus = BenchData.corpus(terms, corpusSize);
    TermLexicon compiled = BenchData.lexicon(terms);
    lexicon = new LexiconRule(compiled);
    pipeline = ModerationPipeline.standard(lexicon);
    sensitiveWord = BenchData.sensitiveWord(terms.stream().map(Term::text).toList(), List.of());
    campaign = BenchData.campaign();
    candidates = BenchData.pipelineSubmissions(campaign, corpus, pipelineCorpusSize);
    System.out.printf(
        "%n[setup] %d texts, average %.1f chars; %d pipeline submissions%n",
        corpus.length, BenchData.averageLength(corpus), candidates.length);
  }

  /**
   * Each iteration starts with empty moderation state (what {@code mem:} intake keeps) and every
   * thread at the start of the pipeline corpus, so submission times only move forward within it.
   */
  @Setup(Level.Iteration)
  public void freshState() {
    state = new InMemoryModerationState();
    wraps.set(0);
    pipelineStart++;
  }

  /** Says when the pipeline corpus wrapped, which sends time back in the rules' windows. */
  @TearDown(Level.Iteration)
  public void reportWraps() {
    if (wraps.get() > 0) {
      System.out.printf(
          "%n[warning] pipeline corpus wrapped %d times this iteration%n", wraps.get());
    }
  }

  int pipelineStart;

  /** Each thread walks the corpus from its own offset. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
    int nextCandidate;
    int pipelineStart = -1;
    int index;

    /** Starts each thread somewhere else. */
    @Setup
    public void start(ModerationBenchmark benchmark) {
      next = (int) (Thread.currentThread().getId() * 7919 % 100_000);
      index = benchmark.threads.getAndIncrement();
    }
  }

  private void lexiconBatch(Cursor c, Blackhole bh) {
    String[] texts = corpus;
    int i = c.next;
    for (int n = 0; n < BATCH; n++) {
      bh.consume(lexicon.check(texts[i]));
      if (++i == texts.length) {
        i = 0;
      }
    }
    c.next = i;
  }

  private void sensitiveWordBatch(Cursor c, Blackhole bh) {
    String[] texts = corpus;
    int i = c.next;
    for (int n = 0; n < BATCH; n++) {
      bh.consume(sensitiveWord.findAll(texts[i]));
      if (++i == texts.length) {
        i = 0;
      }
    }
    c.next = i;
  }

  private void pipelineBatch(Cursor c, Blackhole bh) {
    Submission[] all = candidates;
    if (c.pipelineStart != pipelineStart) {
      // a new iteration: start again from this thread's share of the corpus, forward in time
      c.pipelineStart = pipelineStart;
      c.nextCandidate = (c.index % 2) * (all.length / 2);
    }
    int i = c.nextCandidate;
    ModerationState s = state;
    for (int n = 0; n < BATCH; n++) {
      bh.consume(pipeline.moderate(all[i], campaign, s));
      if (++i == all.length) {
        i = 0;
        wraps.incrementAndGet();
      }
    }
    c.nextCandidate = i;
  }

  /** Spirit's lexicon rule, one thread. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  @Threads(1)
  public void lexiconRule1Thread(Cursor c, Blackhole bh) {
    lexiconBatch(c, bh);
  }

  /** Spirit's lexicon rule, two threads. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  @Threads(2)
  public void lexiconRule2Threads(Cursor c, Blackhole bh) {
    lexiconBatch(c, bh);
  }

  /** sensitive-word findAll, one thread. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  @Threads(1)
  public void sensitiveWord1Thread(Cursor c, Blackhole bh) {
    sensitiveWordBatch(c, bh);
  }

  /** sensitive-word findAll, two threads. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  @Threads(2)
  public void sensitiveWord2Threads(Cursor c, Blackhole bh) {
    sensitiveWordBatch(c, bh);
  }

  /**
   * The standard pipeline (lexicon, personal data, duplicates, rate, quality) as intake runs it on
   * a {@code mem:} store: the rules keep their windows in an {@link InMemoryModerationState}; one
   * thread.
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  @Threads(1)
  public void pipeline1Thread(Cursor c, Blackhole bh) {
    pipelineBatch(c, bh);
  }

  /** The standard pipeline, two threads. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  @Threads(2)
  public void pipeline2Threads(Cursor c, Blackhole bh) {
    pipelineBatch(c, bh);
  }
}
