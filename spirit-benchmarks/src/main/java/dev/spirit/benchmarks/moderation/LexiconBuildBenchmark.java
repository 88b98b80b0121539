package dev.spirit.benchmarks.moderation;

import com.github.houbb.sensitive.word.bs.SensitiveWordBs;
import dev.spirit.moderation.Term;
import dev.spirit.moderation.TermLexicon;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Time to compile a 10,000-term lexicon: Spirit's automaton against sensitive-word's init. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class LexiconBuildBenchmark {
  List<Term> terms;
  List<String> texts;

  /** Generates the terms. */
  @Setup
  public void setUp() {
    terms = BenchData.terms();
    texts = terms.stream().map(Term::text).toList();
  }

  /** Spirit: fold every term and build the double-array Aho–Corasick automaton. */
  @Benchmark
  public TermLexicon spiritLexicon() {
    return BenchData.lexicon(terms);
  }

  /** sensitive-word: init with the same terms and every folding option on. */
  @Benchmark
  public SensitiveWordBs sensitiveWordInit() {
    return BenchData.sensitiveWord(texts, List.of());
  }
}
