package dev.spirit.moderation;

import dev.spirit.submission.TextSpan;

/**
 * An occurrence of a lexicon term in a text.
 *
 * @param term the term
 * @param span where it occurs in the original text, evasions included (e.g. the whole of {@code
 *     c.a.s.i.n.o})
 */
public record TermMatch(Term term, TextSpan span) {}
