package dev.spirit.aggregation;

import dev.spirit.aggregation.internal.Hll;
import dev.spirit.error.InvalidInputException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a campaign's submissions are turned into figures. Statistics computed with different
 * distinct-count settings do not merge; keep one configuration per federation.
 *
 * @param segmenter the Chinese segmenter (default {@link Segmenter#hanlp()})
 * @param vocabulary campaign words the segmenter must keep whole (place names, slogans)
 * @param synonyms surface forms counted as one concept
 * @param stopWords extra stop words (lowercase; simplified Chinese) on top of the built-in lists
 * @param exactDistinctLimit distinct counts up to this many participants are exact (default 4096)
 * @param hllPrecision HyperLogLog precision p beyond that (default 14: 16 KiB, ~0.81% standard
 *     error)
 * @param nearDuplicateMinLength slogan skeletons shorter than this (in characters) only merge when
 *     equal (default 6)
 * @param maxCooccurrenceTerms co-occurrence pairs are counted among at most this many first
 *     distinct terms of a submission (default 5), so a long poem does not add hundreds of pairs
 * @param termCacheCapacity at most this many short texts (up to {@value
 *     TermExtractor#MAX_CACHED_LENGTH} characters) have their extracted terms remembered by each
 *     {@link TermExtractor} (default 8,192, about 2 MB; 0 disables the cache). Repeated slogans and
 *     keywords are then segmented once; the terms are the same with or without the cache
 * @param participantKey the key participant ids are hashed under in distinct counts (default {@link
 *     ParticipantKey#processLocal()}); every district sharing statistics with the city needs the
 *     city's shared key ({@link ParticipantKey#fromSecret(byte[])})
 */
public record AggregationConfig(
    Segmenter segmenter,
    Set<String> vocabulary,
    SynonymTable synonyms,
    Set<String> stopWords,
    int exactDistinctLimit,
    int hllPrecision,
    int nearDuplicateMinLength,
    int maxCooccurrenceTerms,
    int termCacheCapacity,
    ParticipantKey participantKey) {

  /** The largest {@link #termCacheCapacity} accepted. */
  public static final int MAX_TERM_CACHE_CAPACITY = 1 << 24;

  public AggregationConfig {
    if (segmenter == null
        || vocabulary == null
        || synonyms == null
        || stopWords == null
        || participantKey == null) {
      throw new InvalidInputException(
          "aggregationConfig",
          "segmenter, vocabulary, synonyms, stopWords and participantKey are required");
    }
    vocabulary = Set.copyOf(new TreeSet<>(vocabulary));
    TreeSet<String> stops = new TreeSet<>();
    for (String w : stopWords) {
      stops.add(w.strip().toLowerCase(Locale.ROOT));
    }
    stopWords = Set.copyOf(stops);
    if (exactDistinctLimit < 0 || exactDistinctLimit > 1_000_000) {
      throw new InvalidInputException(
          "exactDistinctLimit", "must be between 0 and 1000000, was " + exactDistinctLimit);
    }
    if (hllPrecision < Hll.MIN_PRECISION || hllPrecision > Hll.MAX_PRECISION) {
      throw new InvalidInputException(
          "hllPrecision",
          "must be between "
              + Hll.MIN_PRECISION
              + " and "
              + Hll.MAX_PRECISION
              + ", was "
              + hllPrecision);
    }
    if (nearDuplicateMinLength < 1) {
      throw new InvalidInputException(
          "nearDuplicateMinLength", "must be at least 1, was " + nearDuplicateMinLength);
    }
    if (maxCooccurrenceTerms < 0) {
      throw new InvalidInputException(
          "maxCooccurrenceTerms", "must not be negative, was " + maxCooccurrenceTerms);
    }
    if (termCacheCapacity < 0 || termCacheCapacity > MAX_TERM_CACHE_CAPACITY) {
      throw new InvalidInputException(
          "termCacheCapacity",
          "must be between 0 and " + MAX_TERM_CACHE_CAPACITY + ", was " + termCacheCapacity);
    }
  }

  /**
   * The defaults: HanLP, no vocabulary, synonyms or extra stop words.
   *
   * @return the default configuration
   */
  public static AggregationConfig defaults() {
    return builder().build();
  }

  /**
   * Starts a configuration with the defaults.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link AggregationConfig}s. */
  public static final class Builder {
    private Segmenter segmenter = Segmenter.hanlp();
    private final Set<String> vocabulary = new TreeSet<>();
    private SynonymTable synonyms = SynonymTable.empty();
    private final Set<String> stopWords = new TreeSet<>();
    private int exactDistinctLimit = 4096;
    private int hllPrecision = 14;
    private int nearDuplicateMinLength = 6;
    private int maxCooccurrenceTerms = 5;
    private int termCacheCapacity = 8_192;
    private ParticipantKey participantKey = ParticipantKey.processLocal();

    private Builder() {}

    /**
     * Uses another segmenter.
     *
     * @param value the segmenter
     * @return this builder
     */
    public Builder segmenter(Segmenter value) {
      this.segmenter = value;
      return this;
    }

    /**
     * Adds campaign words the segmenter must keep whole.
     *
     * @param words e.g. 洪崖洞, 解放碑
     * @return this builder
     */
    public Builder vocabulary(Collection<String> words) {
      vocabulary.addAll(words);
      return this;
    }

    /**
     * Adds campaign words the segmenter must keep whole.
     *
     * @param words e.g. 洪崖洞, 解放碑
     * @return this builder
     */
    public Builder vocabulary(String... words) {
      return vocabulary(Set.of(words));
    }

    /**
     * Sets the synonym table.
     *
     * @param value the table
     * @return this builder
     */
    public Builder synonyms(SynonymTable value) {
      this.synonyms = value;
      return this;
    }

    /**
     * Adds stop words.
     *
     * @param words words never counted as terms
     * @return this builder
     */
    public Builder stopWords(String... words) {
      stopWords.addAll(Set.of(words));
      return this;
    }

    /**
     * Sets the limit up to which distinct counts are exact.
     *
     * @param value participants
     * @return this builder
     */
    public Builder exactDistinctLimit(int value) {
      this.exactDistinctLimit = value;
      return this;
    }

    /**
     * Sets the HyperLogLog precision.
     *
     * @param value p, 4 to 18
     * @return this builder
     */
    public Builder hllPrecision(int value) {
      this.hllPrecision = value;
      return this;
    }

    /**
     * Sets the minimum skeleton length for near-duplicate slogans.
     *
     * @param value characters
     * @return this builder
     */
    public Builder nearDuplicateMinLength(int value) {
      this.nearDuplicateMinLength = value;
      return this;
    }

    /**
     * Sets how many first distinct terms of a submission form co-occurrence pairs.
     *
     * @param value terms
     * @return this builder
     */
    public Builder maxCooccurrenceTerms(int value) {
      this.maxCooccurrenceTerms = value;
      return this;
    }

    /**
     * Sets how many short texts each term extractor remembers the terms of (0 disables the cache).
     *
     * @param value entries, 0 to {@value AggregationConfig#MAX_TERM_CACHE_CAPACITY}
     * @return this builder
     */
    public Builder termCacheCapacity(int value) {
      this.termCacheCapacity = value;
      return this;
    }

    /**
     * Sets the key participant ids are hashed under; districts that merge statistics need the same
     * key.
     *
     * @param value the key, e.g. {@code ParticipantKey.fromSecret(citySecret)}
     * @return this builder
     */
    public Builder participantKey(ParticipantKey value) {
      this.participantKey = value;
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the configuration
     */
    public AggregationConfig build() {
      return new AggregationConfig(
          segmenter,
          vocabulary,
          synonyms,
          stopWords,
          exactDistinctLimit,
          hllPrecision,
          nearDuplicateMinLength,
          maxCooccurrenceTerms,
          termCacheCapacity,
          participantKey);
    }
  }
}
