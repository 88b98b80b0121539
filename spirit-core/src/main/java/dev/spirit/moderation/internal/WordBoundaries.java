package dev.spirit.moderation.internal;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.List;

/**
 * Tells whether a Chinese match straddles two words ({@code 色情} in {@code 重庆特色情调}, which
 * HanLP segments 特色/情调), using HanLP's standard (Viterbi) segmenter on a window around the
 * match. Segmentation runs only on candidate matches, never on clean texts, so it does not weigh
 * on throughput. HanLP's custom dictionary is off here, so vocabulary another component adds to it
 * cannot change moderation.
 */
public final class WordBoundaries {
  private static final int WINDOW = 8;

  private static final class Holder {
    static final Segment SEGMENT = HanLP.newSegment().enableCustomDictionary(false);
  }

  private WordBoundaries() {}

  /** Loads HanLP's core dictionary now (once per JVM) rather than on the first candidate. */
  public static void warmUp() {
    Holder.SEGMENT.seg("重庆");
  }

  /**
   * Whether a word of the text crosses the start or the end of a span (begins before it and ends
   * inside it, or begins inside it and ends after it). A word that holds the whole span (a
   * compound with the term inside) does not count.
   *
   * @param text the original text
   * @param start span start, inclusive
   * @param end span end, exclusive
   * @param checkStart whether to test the start (the span begins with a Han character)
   * @param checkEnd whether to test the end
   * @return true if the span straddles a word boundary
   */
  public static boolean straddles(
      String text, int start, int end, boolean checkStart, boolean checkEnd) {
    int from = Math.max(0, start - WINDOW);
    int to = Math.min(text.length(), end + WINDOW);
    List<Term> words = Holder.SEGMENT.seg(text.substring(from, to));
    int at = from;
    for (Term word : words) {
      int ws = at;
      int we = at + word.word.length();
      at = we;
      if (checkStart && ws < start && start < we && we < end) {
        return true;
      }
      if (checkEnd && start < ws && ws < end && end < we) {
        return true;
      }
    }
    return false;
  }
}
