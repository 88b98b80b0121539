package dev.spirit.aggregation;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * {@link Segmenter} over HanLP portable. HanLP's {@code CustomDictionary} is static, global state
 * whose trie is not safe to modify while it is being read; this class therefore takes a write lock
 * to add words and a read lock to segment, so additions never race with segmentation done through
 * Spirit.
 */
final class HanLpSegmenter implements Segmenter {
  static final HanLpSegmenter INSTANCE = new HanLpSegmenter();

  private static final ReentrantReadWriteLock DICTIONARY = new ReentrantReadWriteLock();

  /**
   * Counts additions that changed HanLP's dictionary, so term caches can tell that segmentations
   * they remember may be out of date. Incremented after the words are in, under the write lock.
   */
  private static final AtomicLong GENERATION = new AtomicLong();

  private HanLpSegmenter() {}

  /** The number of {@link #addVocabulary} calls so far that added at least one new word. */
  static long generation() {
    return GENERATION.get();
  }

  @Override
  public List<String> segment(String text) {
    List<Term> terms;
    DICTIONARY.readLock().lock();
    try {
      terms = HanLP.segment(text);
    } finally {
      DICTIONARY.readLock().unlock();
    }
    List<String> words = new ArrayList<>(terms.size());
    for (Term t : terms) {
      words.add(t.word);
    }
    return words;
  }

  @Override
  public String toSimplified(String text) {
    return HanLP.convertToSimplifiedChinese(text);
  }

  @Override
  public void addVocabulary(Collection<String> words) {
    DICTIONARY.writeLock().lock();
    try {
      boolean changed = false;
      for (String word : words) {
        if (!word.isBlank() && !CustomDictionary.contains(word)) {
          CustomDictionary.add(word);
          changed = true;
        }
      }
      if (changed) {
        GENERATION.incrementAndGet();
      }
    } finally {
      DICTIONARY.writeLock().unlock();
    }
  }

  @Override
  public String toString() {
    return "HanLP portable segmenter";
  }
}
