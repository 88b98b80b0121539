package dev.spirit.aggregation;

import dev.spirit.aggregation.internal.EnglishStemmer;
import dev.spirit.aggregation.internal.SloganKeys;
import dev.spirit.aggregation.internal.StopWords;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.submission.ModerationRecord;
import dev.spirit.submission.Submission;
import dev.spirit.text.Texts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns a submission's public text into the terms aggregation counts. Thread-safe.
 *
 * <ol>
 *   <li>The text is the public one: the moderation's redacted form if personal data was masked, so
 *       masked phone numbers never become terms; already NFKC-normalized.
 *   <li>A {@link SubmissionKind#KEYWORD keyword} is one term as a whole: converted to simplified
 *       Chinese, lowercased, punctuation trimmed from both ends, English words stemmed, then looked
 *       up in the synonym table. The card "山城" counts once as 山城.
 *   <li>Other kinds are converted to simplified Chinese (segmenting traditional text directly would
 *       split it into single characters), then split into runs: runs of Han characters go to the
 *       {@link Segmenter}; runs of other letters and digits are English-style words, lowercased
 *       ({@link Locale#ROOT}), possessives removed and stemmed conservatively. Numbers,
 *       punctuation, one-letter words and stop words (built-in zh and en lists plus the campaign's)
 *       are dropped. Each remaining word is replaced by its concept from the synonym table.
 *   <li>Terms are distinct, in order of first appearance.
 * </ol>
 *
 * <p>Creating an extractor teaches the segmenter the campaign's vocabulary and the Chinese surface
 * forms of its synonym table (see {@link Segmenter#hanlp()} about HanLP's global dictionary).
 *
 * <p>Campaigns repeat texts (the same slogan from many people, popular keywords), so an extractor
 * remembers the terms of up to {@link AggregationConfig#termCacheCapacity} texts of at most {@value
 * #MAX_CACHED_LENGTH} characters. The cache is direct-mapped: each text has one slot, a new text
 * replaces the one in its slot, so memory is bounded and eviction costs nothing. Slots hold
 * immutable entries, so threads share the cache without locks. Entries remember the vocabulary
 * generation they were computed in: when vocabulary is added to HanLP's global dictionary (by any
 * extractor or through {@link Segmenter#hanlp()}) or to any other segmenter through an extractor,
 * older entries are no longer used. The terms are the same with or without the cache. Vocabulary
 * added to a custom segmenter behind Spirit's back is not seen: configure a capacity of 0 for such
 * a segmenter.
 */
public final class TermExtractor {
  /** Texts longer than this (in chars) are not cached: long messages rarely repeat. */
  public static final int MAX_CACHED_LENGTH = 64;

  private static final Pattern SPACES = Pattern.compile("\\s+");

  /**
   * Vocabulary additions made through extractors to segmenters other than HanLP's (whose own
   * additions are counted by {@link HanLpSegmenter#generation()}).
   */
  private static final AtomicLong OTHER_VOCABULARY = new AtomicLong();

  private final Segmenter segmenter;
  private final @Nullable AtomicReferenceArray<Memo> cache;
  private final int cacheMask;
  private final Map<String, String> synonyms = new HashMap<>();
  private final Set<String> chineseStops;
  private final Set<String> englishStops;

  /**
   * Creates an extractor for a configuration.
   *
   * @param config the configuration
   */
  public TermExtractor(AggregationConfig config) {
    this.segmenter = config.segmenter();
    Set<String> vocabulary = new LinkedHashSet<>();
    for (String word : config.vocabulary()) {
      vocabulary.add(simplified(word.strip()));
    }
    for (Map.Entry<String, String> e : config.synonyms().concepts().entrySet()) {
      String surface = simplified(e.getKey());
      synonyms.put(surface, e.getValue());
      if (hasHan(surface)) {
        vocabulary.add(surface);
      } else if (surface.indexOf(' ') < 0) {
        synonyms.putIfAbsent(EnglishStemmer.stem(surface), e.getValue());
      }
      if (hasHan(e.getValue())) {
        vocabulary.add(simplified(e.getValue()));
      }
    }
    vocabulary.removeIf(String::isEmpty);
    if (!vocabulary.isEmpty()) {
      segmenter.addVocabulary(List.copyOf(vocabulary));
      if (!(segmenter instanceof HanLpSegmenter)) {
        // After the words are in: an entry computed meanwhile is tagged with the old generation.
        OTHER_VOCABULARY.incrementAndGet();
      }
    }
    int slots =
        config.termCacheCapacity() == 0 ? 0 : Integer.highestOneBit(config.termCacheCapacity());
    this.cache = slots == 0 ? null : new AtomicReferenceArray<>(slots);
    this.cacheMask = slots - 1;
    Set<String> zh = new HashSet<>(StopWords.chinese());
    Set<String> en = new HashSet<>(StopWords.english());
    for (String w : config.stopWords()) {
      if (hasHan(w)) {
        zh.add(simplified(w));
      } else {
        en.add(w);
      }
    }
    this.chineseStops = Set.copyOf(zh);
    this.englishStops = Set.copyOf(en);
  }

  /**
   * The terms of a submission's public text.
   *
   * @param submission the submission
   * @return its distinct terms, in order of first appearance
   */
  public List<String> terms(Submission submission) {
    return terms(submission.kind(), publicText(submission));
  }

  /**
   * The terms of a text given as a submission of some kind.
   *
   * @param kind the kind (keywords count whole)
   * @param text normalized text
   * @return distinct terms, in order of first appearance
   */
  public List<String> terms(SubmissionKind kind, String text) {
    return extract(kind, text).terms;
  }

  /**
   * What aggregation needs of a text: its terms and, for a slogan, its exact slogan key; from the
   * cache if the text was seen recently.
   */
  Memo extract(SubmissionKind kind, String text) {
    AtomicReferenceArray<Memo> slots = cache;
    if (slots == null || text.length() > MAX_CACHED_LENGTH) {
      return compute(kind, text, 0);
    }
    int index = slot(kind, text);
    long generation = vocabularyGeneration();
    Memo memo = slots.getPlain(index);
    if (memo != null
        && memo.kind == kind
        && memo.generation == generation
        && memo.text.equals(text)) {
      return memo;
    }
    memo = compute(kind, text, generation);
    // A plain write suffices: every field of a Memo is final, so any thread that sees it sees it
    // whole (JLS 17.5); losing a race to another thread's write only costs a later miss.
    slots.setPlain(index, memo);
    return memo;
  }

  private Memo compute(SubmissionKind kind, String text, long generation) {
    String simplified = simplified(text);
    String key = null;
    if (kind == SubmissionKind.SLOGAN) {
      String k = SloganKeys.exactKey(simplified);
      key = k.isEmpty() ? null : k;
    }
    return new Memo(kind, text, generation, termsOfSimplified(kind, simplified), key);
  }

  private int slot(SubmissionKind kind, String text) {
    int h = (text.hashCode() + kind.ordinal()) * 0x9E3779B9;
    return (h ^ (h >>> 16)) & cacheMask;
  }

  private static long vocabularyGeneration() {
    return HanLpSegmenter.generation() + OTHER_VOCABULARY.get();
  }

  /** The number of texts this extractor's cache holds (0 if disabled), for tests of its bounds. */
  int cachedTexts() {
    AtomicReferenceArray<Memo> slots = cache;
    int n = 0;
    if (slots != null) {
      for (int i = 0; i < slots.length(); i++) {
        if (slots.get(i) != null) {
          n++;
        }
      }
    }
    return n;
  }

  /** The number of slots of this extractor's cache: its capacity rounded down to a power of 2. */
  int cacheSlots() {
    AtomicReferenceArray<Memo> slots = cache;
    return slots == null ? 0 : slots.length();
  }

  /**
   * A text's extraction, immutable and shared between threads through the cache: every field is
   * final and the terms are an unmodifiable list that nothing else references.
   */
  static final class Memo {
    final SubmissionKind kind;
    final String text;
    final long generation;
    final List<String> terms;
    final @Nullable String sloganKey;

    Memo(
        SubmissionKind kind,
        String text,
        long generation,
        List<String> terms,
        @Nullable String sloganKey) {
      this.kind = kind;
      this.text = text;
      this.generation = generation;
      this.terms = terms;
      this.sloganKey = sloganKey;
    }
  }

  /**
   * {@link #terms(SubmissionKind, String)} of a text already passed through {@link #simplified}.
   */
  List<String> termsOfSimplified(SubmissionKind kind, String s) {
    if (kind == SubmissionKind.KEYWORD) {
      String term = keywordOfSimplified(s);
      return term == null ? List.of() : List.of(term);
    }
    Distinct out = new Distinct();
    int n = s.length();
    int i = 0;
    while (i < n) {
      int cp = s.codePointAt(i);
      if (isHan(cp)) {
        int j = i + Character.charCount(cp);
        while (j < n && isHan(s.codePointAt(j))) {
          j += Character.charCount(s.codePointAt(j));
        }
        for (String word : segmenter.segment(s.substring(i, j))) {
          addChinese(word, out);
        }
        i = j;
      } else if (Character.isLetterOrDigit(cp)) {
        int j = i + Character.charCount(cp);
        while (j < n) {
          int c = s.codePointAt(j);
          if (isHan(c) || !(Character.isLetterOrDigit(c) || c == '\'' || c == '\u2019')) {
            break;
          }
          j += Character.charCount(c);
        }
        addWord(s.substring(i, j), out);
        i = j;
      } else {
        i += Character.charCount(cp);
      }
    }
    return Collections.unmodifiableList(out.list);
  }

  /**
   * The one term of a keyword-kind text.
   *
   * @param text normalized text
   * @return the term, or empty if nothing countable remains (only punctuation, a stop word)
   */
  public Optional<String> keyword(String text) {
    return Optional.ofNullable(keywordOfSimplified(simplified(text)));
  }

  private @Nullable String keywordOfSimplified(String simplified) {
    String lower = simplified.toLowerCase(Locale.ROOT);
    int start = 0;
    int end = lower.length();
    while (start < end && !Character.isLetterOrDigit(lower.codePointAt(start))) {
      start += Character.charCount(lower.codePointAt(start));
    }
    while (end > start && !Character.isLetterOrDigit(lower.codePointBefore(end))) {
      end -= Character.charCount(lower.codePointBefore(end));
    }
    String trimmed = SPACES.matcher(lower.substring(start, end)).replaceAll(" ");
    if (trimmed.isEmpty() || englishStops.contains(trimmed) || chineseStops.contains(trimmed)) {
      return null;
    }
    String concept = synonyms.get(trimmed);
    if (concept != null) {
      return concept;
    }
    if (hasHan(trimmed)) {
      return trimmed;
    }
    StringBuilder stemmed = new StringBuilder();
    for (String word : trimmed.split(" ")) {
      if (stemmed.length() > 0) {
        stemmed.append(' ');
      }
      stemmed.append(word.chars().allMatch(Character::isLetter) ? EnglishStemmer.stem(word) : word);
    }
    String key = stemmed.toString();
    return synonyms.getOrDefault(key, key);
  }

  /**
   * The exact slogan key of a text (see {@link #simplified} and the candidate rules of {@link
   * CampaignStats#candidates}).
   *
   * @param text normalized text
   * @return the key, possibly empty
   */
  public String sloganKey(String text) {
    return SloganKeys.exactKey(simplified(text));
  }

  /**
   * Converts traditional Chinese characters to simplified with the segmenter; text without Han
   * characters is returned as is.
   *
   * @param text any text
   * @return simplified text
   */
  public String simplified(String text) {
    return hasHan(text) ? segmenter.toSimplified(text) : text;
  }

  /**
   * The text aggregation reads from a submission: the redacted form if moderation masked personal
   * data (normalized like the original), otherwise the normalized original.
   *
   * @param submission the submission
   * @return normalized public text
   */
  public static String publicText(Submission submission) {
    return submission
        .moderation()
        .flatMap(ModerationRecord::redactedText)
        .map(Texts::normalize)
        .orElse(submission.text().normalized());
  }

  /**
   * Terms in order of first appearance, without repeats. Most submissions have a handful of terms,
   * which a list searched linearly keeps distinct more cheaply than a hash set; long texts switch
   * to one.
   */
  private static final class Distinct {
    private static final int LINEAR = 16;
    final List<String> list = new ArrayList<>(8);
    private @Nullable Set<String> seen;

    void add(String term) {
      Set<String> set = seen;
      if (set != null) {
        if (set.add(term)) {
          list.add(term);
        }
        return;
      }
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i).equals(term)) {
          return;
        }
      }
      list.add(term);
      if (list.size() == LINEAR) {
        seen = new HashSet<>(list);
      }
    }
  }

  private void addChinese(String word, Distinct out) {
    if (chineseStops.contains(word) || !hasLetterOrDigit(word)) {
      return;
    }
    out.add(synonyms.getOrDefault(word, word));
  }

  private void addWord(String token, Distinct out) {
    String lower = token.toLowerCase(Locale.ROOT);
    int start = 0;
    int end = lower.length();
    while (start < end && isApostrophe(lower.charAt(start))) {
      start++;
    }
    while (end > start && isApostrophe(lower.charAt(end - 1)) && !lower.endsWith("s'")) {
      end--;
    }
    lower = lower.substring(start, end);
    if (lower.length() < 2 || isNumber(lower) || englishStops.contains(lower)) {
      return;
    }
    String concept = synonyms.get(lower);
    if (concept == null) {
      String stem = EnglishStemmer.stem(lower);
      if (stem.length() < 2 || englishStops.contains(stem)) {
        return;
      }
      concept = synonyms.getOrDefault(stem, stem);
    }
    out.add(concept);
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019';
  }

  private static boolean isNumber(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasLetterOrDigit(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }

  static boolean hasHan(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (isHan(cp)) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }

  static boolean isHan(int cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF)
        || (cp >= 0x3400 && cp <= 0x4DBF)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0x20000 && cp <= 0x3134F)
        || cp == 0x3007;
  }
}
