package dev.spirit.moderation;

import dev.spirit.submission.TextSpan;

/**
 * An occurrence of a lexicon term in a text.
 *
 * @param term the term
 * @param span where it occurs in the original text, evasions included (e.g. the whole of {@code
 *     c.a.s.i.n.o})
 * @param warning whether the text around it warns against the term ({@code 远离毒品}, {@code 刷单诈骗}) or
 *     names a public service with it ({@code 办证大厅}): {@link LexiconRule} then sends the text to
 *     review instead of rejecting it
 */
public record TermMatch(Term term, TextSpan span, boolean warning) {
  /**
   * An occurrence outside a warning context.
   *
   * @param term the term
   * @param span where it occurs
   */
  public TermMatch(Term term, TextSpan span) {
    this(term, span, false);
  }
}
