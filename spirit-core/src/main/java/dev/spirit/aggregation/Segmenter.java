package dev.spirit.aggregation;

import java.util.Collection;
import java.util.List;

/**
 * Splits Chinese text into words. Aggregation hands it runs of Han characters only (English and
 * digits are tokenized separately), already converted with {@link #toSimplified}.
 *
 * <p>The default, {@link #hanlp()}, is HanLP portable 1.8.6: its dictionaries are inside its jar,
 * (read through HanLP's classpath resource adapter), so nothing is downloaded or written at run
 * time. Its first use costs a one-off static initialization (dictionary loading) of 0.3–0.6 s on
 * the project's 2-core machine (up to 2 s when the machine is busy), and the first
 * traditional→simplified conversion about 0.15 s more. Lucene's smartcn analyzer is the documented
 * alternative: it can be wrapped in this interface, but it splits place names such as 巴渝 and 解放碑,
 * cannot learn words at run time and stems English, so it is not the default.
 */
public interface Segmenter {

  /**
   * Splits a run of simplified Chinese characters into words, in order.
   *
   * @param text a non-empty run of Han characters
   * @return its words; their concatenation is the input
   */
  List<String> segment(String text);

  /**
   * Converts traditional Chinese characters to simplified ones; other characters are unchanged.
   * Segmentation happens after this conversion (segmenters split unconverted traditional text into
   * single characters). The default returns the text unchanged.
   *
   * @param text any text
   * @return the converted text, of the same length
   */
  default String toSimplified(String text) {
    return text;
  }

  /**
   * Teaches the segmenter words it must keep whole (place names, campaign slogans). The default
   * ignores them; segmenters that cannot learn words keep that default.
   *
   * @param words simplified Chinese words
   */
  default void addVocabulary(Collection<String> words) {}

  /**
   * HanLP's standard segmenter. Vocabulary added through it goes into HanLP's {@code
   * CustomDictionary}, which is <em>global to the JVM</em>: every user of HanLP in the process sees
   * the words, and they stay until the JVM exits. Spirit guards its own additions and segmentations
   * with one lock so they never race, but cannot guard other code calling HanLP directly. Add
   * vocabulary before aggregating: terms of submissions already aggregated are not re-segmented.
   *
   * @return the shared HanLP segmenter
   */
  static Segmenter hanlp() {
    return HanLpSegmenter.INSTANCE;
  }
}
