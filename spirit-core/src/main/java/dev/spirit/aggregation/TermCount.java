package dev.spirit.aggregation;

import dev.spirit.error.InvalidInputException;
import java.util.Comparator;

/**
 * A term and the number of counted submissions containing it.
 *
 * @param term the term
 * @param count submissions
 */
public record TermCount(String term, long count) {
  /** Largest count first, then by term. */
  static final Comparator<TermCount> ORDER =
      Comparator.comparingLong(TermCount::count).reversed().thenComparing(TermCount::term);

  public TermCount {
    if (term == null || count < 0) {
      throw new InvalidInputException("termCount", "term required and count not negative");
    }
  }
}
