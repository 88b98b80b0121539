package dev.spirit.benchmarks.moderation;

import com.github.houbb.sensitive.word.bs.SensitiveWordBs;
import dev.spirit.campaign.Campaign;
import dev.spirit.moderation.LexiconRule;
import dev.spirit.moderation.ModerationPipeline;
import dev.spirit.moderation.Term;
import dev.spirit.moderation.TermLexicon;
import dev.spirit.submission.Submission;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * Single-thread throughput per CPU second, for a machine shared with other work: wall-clock JMH
 * scores there depend on how much CPU the benchmark got; this harness divides the work by the
 * thread's own CPU time ({@link ThreadMXBean#getCurrentThreadCpuTime()}). The contenders run in
 * interleaved rounds (lexicon rule, sensitive-word, pipeline, lexicon rule, ...) over the same data
 * as {@link ModerationBenchmark}, after a warm-up; the median round is reported. Run: {@code java
 * -Xmx3g -cp spirit-benchmarks/target/benchmarks.jar
 * dev.spirit.benchmarks.moderation.CpuThroughput}.
 */
public final class CpuThroughput {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private static long sink;

  private CpuThroughput() {}

  /**
   * Runs the comparison and prints the medians.
   *
   * @param args optional: corpus size (default 1,000,000), and how many short texts to join into
   *     one (default 1; 8 gives texts of about 120 characters)
   */
  public static void main(String[] args) {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    List<Term> terms = BenchData.terms();
    int join = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    String[] corpus = BenchData.corpus(terms, size);
    if (join > 1) {
      String[] joined = new String[size / join];
      for (int i = 0; i < joined.length; i++) {
        joined[i] = String.join("，", Arrays.copyOfRange(corpus, i * join, (i + 1) * join));
      }
      corpus = joined;
      size = joined.length;
    }
    double avg = BenchData.averageLength(corpus);
    List<String> texts = terms.stream().map(Term::text).toList();

    double[] buildSpirit = new double[7];
    double[] buildSw = new double[7];
    TermLexicon lexicon = null;
    SensitiveWordBs sw = null;
    for (int r = 0; r < buildSpirit.length; r++) {
      long t = CPU.getCurrentThreadCpuTime();
      lexicon = BenchData.lexicon(terms);
      buildSpirit[r] = (CPU.getCurrentThreadCpuTime() - t) / 1e6;
      t = CPU.getCurrentThreadCpuTime();
      sw = BenchData.sensitiveWord(texts, List.of());
      buildSw[r] = (CPU.getCurrentThreadCpuTime() - t) / 1e6;
    }
    LexiconRule rule = new LexiconRule(lexicon);
    SensitiveWordBs filter = sw;
    ModerationPipeline pipeline = ModerationPipeline.standard(rule);
    Campaign campaign = BenchData.campaign();
    int pipelineSize = Math.min(size, 200_000);
    Submission[] candidates = BenchData.pipelineSubmissions(campaign, corpus, pipelineSize);
    int rounds = 7;
    double[] spirit = new double[rounds];
    double[] sensitive = new double[rounds];
    double[] whole = new double[rounds];
    int chunk = Math.min(size, 200_000);
    // Warm-up: two passes of each.
    for (int w = 0; w < 2; w++) {
      lexiconRound(rule, corpus, 0, chunk);
      swRound(filter, corpus, 0, chunk);
      pipelineRound(pipeline, campaign, candidates, 0, pipelineSize / 4);
    }
    int offset = 0;
    for (int r = 0; r < rounds; r++) {
      spirit[r] = lexiconRound(rule, corpus, offset, chunk);
      sensitive[r] = swRound(filter, corpus, offset, chunk);
      whole[r] = pipelineRound(pipeline, campaign, candidates, (r * 20_000) % pipelineSize, 20_000);
      offset = (offset + chunk) % size;
    }
    System.out.printf(
        "corpus %,d texts, average %.1f chars; lexicon %,d terms%n", size, avg, terms.size());
    System.out.printf(
        "lexicon build (CPU ms, median of 7): spirit %.1f, sensitive-word %.1f%n",
        median(buildSpirit), median(buildSw));
    report("spirit lexicon rule", spirit, avg);
    report("sensitive-word findAll", sensitive, avg);
    report("spirit standard pipeline", whole, avg);
    System.out.printf(
        "ratio lexicon rule / sensitive-word: %.1fx%n", median(spirit) / median(sensitive));
    System.out.println("(sink " + sink + ")");
  }

  private static double lexiconRound(LexiconRule rule, String[] corpus, int from, int n) {
    long t = CPU.getCurrentThreadCpuTime();
    long found = 0;
    for (int i = 0; i < n; i++) {
      found += rule.check(corpus[(from + i) % corpus.length]).findings().size();
    }
    sink += found;
    return n / ((CPU.getCurrentThreadCpuTime() - t) / 1e9);
  }

  private static double swRound(SensitiveWordBs sw, String[] corpus, int from, int n) {
    long t = CPU.getCurrentThreadCpuTime();
    long found = 0;
    for (int i = 0; i < n; i++) {
      found += sw.findAll(corpus[(from + i) % corpus.length]).size();
    }
    sink += found;
    return n / ((CPU.getCurrentThreadCpuTime() - t) / 1e9);
  }

  private static double pipelineRound(
      ModerationPipeline p, Campaign c, Submission[] candidates, int from, int n) {
    long t = CPU.getCurrentThreadCpuTime();
    long found = 0;
    for (int i = 0; i < n; i++) {
      found += p.moderate(candidates[(from + i) % candidates.length], c).reasons().size();
    }
    sink += found;
    return n / ((CPU.getCurrentThreadCpuTime() - t) / 1e9);
  }

  private static void report(String name, double[] perSecond, double avgChars) {
    double m = median(perSecond);
    System.out.printf(
        "%-26s %,12.0f texts/CPU-s  %,14.0f chars/CPU-s  (rounds: %s)%n",
        name,
        m,
        m * avgChars,
        Arrays.toString(Arrays.stream(perSecond).mapToLong(Math::round).toArray()));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
