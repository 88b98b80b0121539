package dev.spirit.benchmarks.moderation;

import dev.spirit.moderation.Term;
import dev.spirit.moderation.TermLexicon;
import java.util.List;

/**
 * The retained heap of a compiled 10,000-term lexicon (every Chinese folding on, aliases) and the
 * time of a first, cold build in a fresh JVM (HanLP's pinyin dictionary and the split table are
 * read then): used heap after a full GC, before and after building, with the lexicon held.
 *
 * <p>Run: {@code java -cp spirit-benchmarks/target/benchmarks.jar
 * dev.spirit.benchmarks.moderation.LexiconHeapProbe}.
 */
public final class LexiconHeapProbe {
  private LexiconHeapProbe() {}

  /**
   * Prints the figures.
   *
   * @param args unused
   * @throws InterruptedException if interrupted while letting the GC settle
   */
  public static void main(String[] args) throws InterruptedException {
    List<Term> terms = BenchData.terms();
    long before = used();
    long t0 = System.nanoTime();
    TermLexicon lexicon = BenchData.lexicon(terms);
    long coldMs = (System.nanoTime() - t0) / 1_000_000;
    long after = used();
    long t1 = System.nanoTime();
    TermLexicon again = BenchData.lexicon(terms);
    long warmMs = (System.nanoTime() - t1) / 1_000_000;
    System.out.printf(
        "terms %d (aliases %d): cold build %d ms (JVM's first, HanLP tables included),"
            + " second build %d ms, retained heap %.1f MiB (includes the shared syllable and split"
            + " tables)%n",
        lexicon.size(),
        terms.stream().mapToInt(t -> t.aliases().size()).sum(),
        coldMs,
        warmMs,
        (after - before) / (1024.0 * 1024.0));
    System.out.println(lexicon.version().equals(again.version()) ? "versions equal" : "DIFFER");
  }

  private static long used() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
